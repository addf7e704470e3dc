import { describe, expect, test } from 'vitest';
import { runLedgerVerifyCommand } from './ledger-cli';
import { MemoryTree, consistencyProof, emptyRoot, inclusionProof, leafHash } from './merkle';

const leaves = Array.from({ length: 21 }, (_, i) => leafHash(Buffer.from(`audit ${i}`)));
const tree = new MemoryTree();
for (const leaf of leaves) tree.append(leaf);

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const proofArg = (proof: readonly Uint8Array[]): string => proof.map(b64).join(',');

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runLedgerVerifyCommand(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

/** A genuine verify-inclusion command line; `overrides` replace or (with undefined) drop flags. */
async function buildInclusionArgs(index: number, size: number, overrides: Record<string, string | undefined> = {}): Promise<string[]> {
  const flags: Record<string, string | undefined> = {
    '--leaf-hash': b64(leaves[index]),
    '--index': String(index),
    '--size': String(size),
    '--root': b64(await tree.rootAt(size)),
    '--proof': proofArg(await inclusionProof(index, size, tree)),
    ...overrides,
  };
  return ['verify-inclusion', ...Object.entries(flags).flatMap(([flag, value]) => (value === undefined ? [] : [flag, value]))];
}

/** A genuine verify-consistency command line; `overrides` replace or (with undefined) drop flags. */
async function buildConsistencyArgs(size1: number, size2: number, overrides: Record<string, string | undefined> = {}): Promise<string[]> {
  const flags: Record<string, string | undefined> = {
    '--size1': String(size1),
    '--size2': String(size2),
    '--root1': b64(await tree.rootAt(size1)),
    '--root2': b64(await tree.rootAt(size2)),
    '--proof': proofArg(await consistencyProof(size1, size2, tree)),
    ...overrides,
  };
  return ['verify-consistency', ...Object.entries(flags).flatMap(([flag, value]) => (value === undefined ? [] : [flag, value]))];
}

describe('verify-inclusion', () => {
  test('exits 0 for every genuine proof in a tree of 21 leaves', async () => {
    for (let size = 1; size <= 21; size += 1) {
      for (let index = 0; index < size; index += 1) {
        const result = run(await buildInclusionArgs(index, size));
        expect(result, `index ${index}, size ${size}`).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout).toContain(`leaf ${index} is included in the tree of size ${size}`);
      }
    }
  });

  test('takes --proof "" as the empty proof of a one-leaf tree', () => {
    expect(run(['verify-inclusion', '--leaf-hash', b64(leaves[0]), '--index', '0', '--size', '1', '--root', b64(leaves[0]), '--proof', '']).code).toBe(0);
    expect(run(['verify-inclusion', '--leaf-hash', b64(leaves[0]), '--index', '0', '--size', '1', '--root', b64(leaves[0]), '--proof=']).code).toBe(0);
  });

  test('exits 1 with the reason when a proof element was altered', async () => {
    const proof = await inclusionProof(9, 21, tree);
    const altered = [...proof];
    altered[2] = leaves[20];
    const result = run(await buildInclusionArgs(9, 21, { '--proof': proofArg(altered) }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^invalid: root computed .* does not match the given root/);
  });

  test('exits 1 for another leaf hash', async () => {
    expect(run(await buildInclusionArgs(9, 21, { '--leaf-hash': b64(leaves[10]) })).code).toBe(1);
  });

  test.each([
    { index: '21', reason: /index 21 is outside the tree of size 21/ },
    { index: '900', reason: /index 900 is outside the tree of size 21/ },
  ])('exits 1 for index $index outside the tree', async ({ index, reason }) => {
    const result = run(await buildInclusionArgs(9, 21, { '--index': index }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
  });

  test('exits 1 for a tree of size 0', async () => {
    const result = run(await buildInclusionArgs(0, 1, { '--size': '0', '--root': b64(emptyRoot()), '--proof': '' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/size 0 has no leaves/);
  });

  test('exits 1 for an extra or a missing proof element, saying how many were expected', async () => {
    const proof = await inclusionProof(9, 21, tree);
    const extra = run(await buildInclusionArgs(9, 21, { '--proof': proofArg([...proof, leaves[0]]) }));
    const missing = run(await buildInclusionArgs(9, 21, { '--proof': proofArg(proof.slice(0, -1)) }));
    const none = run(await buildInclusionArgs(9, 21, { '--proof': '' }));
    expect([extra.code, missing.code, none.code]).toEqual([1, 1, 1]);
    expect(extra.stderr).toMatch(`proof has ${proof.length + 1} element(s), but an inclusion proof for index 9 in a tree of size 21 has ${proof.length}`);
    expect(missing.stderr).toMatch(`proof has ${proof.length - 1} element(s)`);
    expect(none.stderr).toMatch('proof has 0 element(s)');
  });

  test.each([
    { flag: '--leaf-hash', value: undefined, message: 'missing --leaf-hash' },
    { flag: '--proof', value: undefined, message: 'missing --proof' },
    { flag: '--index', value: '1.5', message: "--index must be a non-negative integer, got '1.5'" },
    { flag: '--index', value: 'abc', message: "--index must be a non-negative integer, got 'abc'" },
    { flag: '--index', value: '', message: "--index must be a non-negative integer, got ''" },
    { flag: '--size', value: '0x15', message: "--size must be a non-negative integer, got '0x15'" },
    { flag: '--size', value: '1e3', message: "--size must be a non-negative integer, got '1e3'" },
    { flag: '--size', value: ' 21', message: "--size must be a non-negative integer, got ' 21'" },
    { flag: '--size', value: '99999999999999999999', message: '--size is too large' },
    { flag: '--index', value: '-1', message: "Option '--index' argument is ambiguous" },
    { flag: '--root', value: 'not base64!', message: "--root is not valid standard base64: 'not base64!'" },
    { flag: '--root', value: b64(Buffer.alloc(32)).replace('=', ''), message: '--root is not valid standard base64' },
    {
      flag: '--root',
      value: b64(Buffer.concat([Buffer.alloc(1), Buffer.alloc(31, 0xfb)]))
        .replace(/\+/g, '-')
        .replace(/\//g, '_'),
      message: '--root is not valid standard base64',
    },
    { flag: '--root', value: b64(Buffer.alloc(31)), message: '--root must be a 32-byte hash, but decodes to 31 byte(s)' },
    { flag: '--leaf-hash', value: b64(Buffer.alloc(33)), message: '--leaf-hash must be a 32-byte hash, but decodes to 33 byte(s)' },
    { flag: '--leaf-hash', value: '', message: '--leaf-hash is empty' },
    { flag: '--proof', value: `${b64(leaves[0])},${b64(Buffer.alloc(16))}`, message: '--proof element 2 must be a 32-byte hash, but decodes to 16 byte(s)' },
    { flag: '--proof', value: `${b64(leaves[0])},,${b64(leaves[1])}`, message: '--proof element 2 is empty' },
    { flag: '--proof', value: `${b64(leaves[0])},`, message: '--proof element 2 is empty' },
    { flag: '--proof', value: `${b64(leaves[0])}, ${b64(leaves[1])}`, message: '--proof element 2 is not valid standard base64' },
  ])('exits 2 naming $flag for the value "$value"', async ({ flag, value, message }) => {
    const result = run(await buildInclusionArgs(9, 21, { [flag]: value }));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage:');
  });

  test('exits 2 for an unknown flag, a repeated flag or a stray argument', async () => {
    const args = await buildInclusionArgs(9, 21);
    expect(run([...args, '--verbose']).stderr).toMatch(/Unknown option '--verbose'/);
    expect(run([...args, '--index', '9']).stderr).toMatch(/--index is given more than once/);
    expect(run([...args, 'extra']).stderr).toMatch(/Unexpected argument 'extra'/);
    expect(run([...args, '--size1', '3']).stderr).toMatch(/Unknown option '--size1'/);
    for (const extra of [['--verbose'], ['--index', '9'], ['extra'], ['--size1', '3']]) expect(run([...args, ...extra]).code).toBe(2);
  });
});

describe('verify-consistency', () => {
  test('exits 0 for every genuine proof between sizes up to 21', async () => {
    for (let size2 = 0; size2 <= 21; size2 += 1) {
      for (let size1 = 0; size1 <= size2; size1 += 1) {
        const result = run(await buildConsistencyArgs(size1, size2));
        expect(result, `${size1} → ${size2}`).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout).toContain(`tree of size ${size1} is a prefix of the tree of size ${size2}`);
      }
    }
  });

  test('exits 1 when the new root belongs to another tree', async () => {
    const result = run(await buildConsistencyArgs(7, 21, { '--root2': b64(await tree.rootAt(20)) }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not match root2/);
  });

  test('exits 1 when size1 is larger than size2', async () => {
    const result = run(await buildConsistencyArgs(7, 21, { '--size1': '22' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/size1 \(22\) is larger than size2 \(21\)/);
  });

  test('exits 1 for an extra or a missing proof element, and for an empty proof between different sizes', async () => {
    const proof = await consistencyProof(7, 21, tree);
    expect(run(await buildConsistencyArgs(7, 21, { '--proof': proofArg([...proof, leaves[3]]) })).stderr).toMatch(`proof has ${proof.length + 1} element(s)`);
    expect(run(await buildConsistencyArgs(7, 21, { '--proof': proofArg(proof.slice(1)) })).stderr).toMatch(`proof has ${proof.length - 1} element(s)`);
    expect(run(await buildConsistencyArgs(7, 21, { '--proof': '' })).stderr).toMatch('proof is empty, but sizes 7 and 21 differ');
    expect(run(await buildConsistencyArgs(7, 21, { '--proof': '' })).code).toBe(1);
  });

  test('exits 1 for a proof between equal sizes that is not empty', async () => {
    const result = run(await buildConsistencyArgs(21, 21, { '--proof': b64(leaves[0]) }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/proof must be empty/);
  });

  test.each([
    { flag: '--size1', value: undefined, message: 'missing --size1' },
    { flag: '--root2', value: undefined, message: 'missing --root2' },
    { flag: '--size2', value: 'twenty', message: "--size2 must be a non-negative integer, got 'twenty'" },
    { flag: '--root1', value: 'AAAA', message: '--root1 must be a 32-byte hash, but decodes to 3 byte(s)' },
    { flag: '--proof', value: '%%%', message: "--proof element 1 is not valid standard base64: '%%%'" },
  ])('exits 2 naming $flag for the value "$value"', async ({ flag, value, message }) => {
    const result = run(await buildConsistencyArgs(7, 21, { [flag]: value }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('exits 2 for a flag of the other subcommand', async () => {
    const result = run([...(await buildConsistencyArgs(7, 21)), '--leaf-hash', b64(leaves[0])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--leaf-hash'/);
  });
});

describe('the command itself', () => {
  test('exits 2 with usage for no command or an unknown one', () => {
    expect(run([])).toMatchObject({ code: 2, stdout: '' });
    const unknown = run(['verify-everything']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'verify-everything'/);
  });

  test('prints usage on stdout and exits 0 for help', () => {
    for (const argv of [['--help'], ['help'], ['verify-inclusion', '--help'], ['verify-consistency', '-h']]) {
      const result = run(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('usage:');
    }
  });

  test('never throws, whatever the arguments', async () => {
    // Seeded so a failure reproduces: random splices of real and hostile tokens.
    let state = 9162;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % below;
    };
    const base = [...(await buildInclusionArgs(3, 10)), ...(await buildConsistencyArgs(3, 10)).slice(1)];
    const hostile = ['', '-', '--', '-h', '--index=', '--proof', ',', '=', '\u0000', '--size=-0', '9'.repeat(400), 'A'.repeat(44), '--root=', '--__proto__', '--constructor'];
    for (let round = 0; round < 2000; round += 1) {
      const argv = [random(3) === 0 ? 'verify-consistency' : 'verify-inclusion'];
      const length = random(14);
      for (let i = 0; i < length; i += 1) argv.push(random(4) === 0 ? hostile[random(hostile.length)] : base[random(base.length)]);
      const { code } = run(argv);
      expect([0, 1, 2]).toContain(code);
    }
  });
});
