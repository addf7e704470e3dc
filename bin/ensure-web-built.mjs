import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** Builds the web UI with Vite when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(root) {
  const dist = path.join(root, 'dist/web/index.html');
  const src = path.join(root, 'apps/web');
  if (!fs.existsSync(src)) return;
  const newest = newestMtime(src);
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= newest) return;
  process.stdout.write('Building the web UI (first start only)…\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'apps/web/vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The web UI failed to build; the API still starts.\n');
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}
