#!/usr/bin/env node
// Entry point of the `parkos` command: runs the TypeScript sources through tsx,
// so there is no build step between `npm install` and `npx parkos`.
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const argv = process.argv.slice(2);
if (argv[0] === 'start') {
  // `npm start` builds the web UI once if it has not been built yet.
  const { ensureWebBuilt } = await import('./ensure-web-built.mjs');
  await ensureWebBuilt(root);
}
const { runCli } = await import(path.join(root, 'apps/server/src/cli.ts'));
await runCli(process.argv);
