import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject, findEngineConflicts } from '../../../scripts/check-engines';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('Node versions', () => {
  test('every locked package supports the Node versions package.json states, and the Node running the tests', () => {
    const { stated, conflicts } = checkProject(ROOT);
    expect(stated).toMatch(/\^20\.19\.0/);
    expect(conflicts).toEqual([]);
  });

  test('a package that needs a newer Node than stated is reported (cookie@2 needs Node 22)', () => {
    const lock = { packages: { '': {}, 'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } }, 'node_modules/ok': { version: '1.0.0', engines: { node: '>=18' } } } };
    expect(findEngineConflicts(lock, '^20.19.0 || ^22.13.0 || >=24', '20.20.2')).toEqual([
      { name: 'cookie', version: '2.0.2', engines: '>=22', excludes: ['the stated ^20.19.0 || ^22.13.0 || >=24', 'the running 20.20.2'] },
    ]);
  });

  test('an optional build for another platform is not checked here; one for this platform is', () => {
    const winOnly = { version: '0.35.6', optional: true, os: ['win32'], cpu: ['ia32'], engines: { node: '^20.9.0' } };
    const linuxX64 = { version: '0.35.6', optional: true, os: ['linux'], cpu: ['x64'], engines: { node: '^20.9.0' } };
    const lock = { packages: { '': {}, 'node_modules/@img/sharp-win32-ia32': winOnly, 'node_modules/@img/sharp-linux-x64': linuxX64 } };
    const found = findEngineConflicts(lock, '^20.19.0 || ^22.13.0 || >=24', '20.20.2', { platform: 'linux', arch: 'x64' });
    expect(found.map((c) => c.name)).toEqual(['@img/sharp-linux-x64']);
  });
});
