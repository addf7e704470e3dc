import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCsv } from './csv';
import { EXIT_OK, EXIT_USAGE, runDispatchEval, type DispatchEvalResult } from './eval-command';

let dir: string;
let trainFile: string;
let testFile: string;

/** Rows of a small labelled work-order CSV: subject, detail (with commas, quotes, newlines), team. */
function buildRows(count: number, offset = 0): string[][] {
  const kinds = [
    { team: 'property', subject: ['路灯不亮', '电梯故障', 'street light out'], detail: '楼道里"灯"坏了,\n请物业维修' },
    { team: 'security', subject: ['门禁失灵', '可疑人员', 'gate access denied'], detail: '门口保安, 请处理' },
    { team: 'it', subject: ['网络断了', 'VPN无法连接', 'wifi down'], detail: 'network, router; printer' },
  ];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[(i + offset) % kinds.length];
    return [String(i), kind.subject[Math.floor(i / 3) % 3], kind.detail, kind.team];
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-eval-'));
  trainFile = path.join(dir, 'train.csv');
  testFile = path.join(dir, 'test.csv');
  fs.writeFileSync(trainFile, '\ufeff' + formatCsv([['id', 'subject', 'detail', 'team'], ...buildRows(30), ['99', 'no label', '', '']]));
  fs.writeFileSync(testFile, formatCsv([['id', 'subject', 'detail', 'team'], ...buildRows(9, 1)]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDispatchEval(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('dispatch eval', () => {
  test('cross-validates with --folds and prints one JSON object with --json', async () => {
    const { code, stdout, stderr } = await run(['eval', '--train', trainFile, '--folds', '3', '--text', 'subject,detail', '--label', 'team', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout) as DispatchEvalResult;
    expect(result).toMatchObject({ accuracy: 1, macroF1: 1, folds: 3, trainSize: 30, testSize: 30, skippedRows: 1, labels: ['it', 'property', 'security'] });
    expect(result.confusionMatrix).toEqual([
      [10, 0, 0],
      [0, 10, 0],
      [0, 0, 10],
    ]);
    expect(result.perClass.map((c) => c.support)).toEqual([10, 10, 10]);
    expect(result.foldAccuracies).toHaveLength(3);
    expect(result.predictionsPerSecond).toBeGreaterThan(0);
  });

  test('trains on one file and scores another with --test', async () => {
    const { code, stdout } = await run(['eval', '--train', trainFile, '--test', testFile, '--text', 'subject', '--label', 'team', '--json']);
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout) as DispatchEvalResult;
    expect(result).toMatchObject({ folds: null, trainSize: 30, testSize: 9, accuracy: 1 });
  });

  test('reports automatic dispatch at the threshold (coverage and accuracy) and the curve over thresholds', async () => {
    const { code, stdout } = await run(['eval', '--train', trainFile, '--test', testFile, '--text', 'subject', '--label', 'team', '--json', '--threshold', '0.3']);
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout) as DispatchEvalResult;
    expect(result.autoDispatch.threshold).toBe(0.3);
    expect(result.autoDispatch.coverage).toBeGreaterThan(0);
    expect(result.autoDispatch.coverage).toBeLessThanOrEqual(1);
    expect(result.curve.map((p) => p.threshold)).toEqual(Array.from({ length: 20 }, (_, i) => i / 20));
    // Raising the threshold never automates more.
    for (let i = 1; i < result.curve.length; i += 1) expect(result.curve[i].coverage).toBeLessThanOrEqual(result.curve[i - 1].coverage);
    expect(result.curve[0]).toMatchObject({ coverage: 1, accuracy: 1 });
    const bad = await run(['eval', '--train', trainFile, '--test', testFile, '--text', 'subject', '--label', 'team', '--threshold', '2']);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('--threshold');
  });

  test('prints accuracy, macro-F1 and the confusion matrix for people', async () => {
    const { code, stdout } = await run(['eval', '--train', trainFile, '--folds', '3', '--text', 'subject', '--label', 'team']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/accuracy\s+100\.0%/);
    expect(stdout).toMatch(/macro-F1\s+100\.0%/);
    expect(stdout).toMatch(/confusion matrix/);
    expect(stdout).toMatch(/texts\/s/);
  });

  test.each([
    ['a missing train file', ['--train', 'MISSING', '--folds', '3', '--text', 'subject', '--label', 'team'], /--train file not found: .*MISSING/],
    ['a missing test file', ['--train', 'TRAIN', '--test', 'NOPE.csv', '--text', 'subject', '--label', 'team'], /--test file not found: NOPE\.csv/],
    ['an unknown text column', ['--train', 'TRAIN', '--folds', '3', '--text', 'subject,body', '--label', 'team'], /unknown column 'body' .*available: id, subject, detail, team/],
    ['an unknown label column', ['--train', 'TRAIN', '--folds', '3', '--text', 'subject', '--label', 'category'], /unknown column 'category'.*available: id, subject, detail, team/],
    ['K below 2', ['--train', 'TRAIN', '--folds', '1', '--text', 'subject', '--label', 'team'], /--folds must be an integer ≥ 2, got '1'/],
    ['a K that is not a number', ['--train', 'TRAIN', '--folds', 'five', '--text', 'subject', '--label', 'team'], /--folds must be an integer/],
    ['K above the row count', ['--train', 'TRAIN', '--folds', '31', '--text', 'subject', '--label', 'team'], /--folds 31 exceeds the 30 labelled rows/],
    ['both --test and --folds', ['--train', 'TRAIN', '--test', 'TEST', '--folds', '3', '--text', 'subject', '--label', 'team'], /either --test or --folds, not both/],
    ['neither --test nor --folds', ['--train', 'TRAIN', '--text', 'subject', '--label', 'team'], /give --test TEST\.csv or --folds K/],
    ['no --label', ['--train', 'TRAIN', '--folds', '3', '--text', 'subject'], /--label is required/],
    ['an unknown flag', ['--train', 'TRAIN', '--folds', '3', '--text', 'subject', '--label', 'team', '--fast'], /Unknown option '--fast'/],
  ])('exits 2 naming the problem for %s', async (_name, flags, message) => {
    const argv = ['eval', ...flags.map((f) => (f === 'TRAIN' ? trainFile : f === 'TEST' ? testFile : f))];
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/usage:/);
  });

  test('exits 2 for an unknown subcommand and prints usage for help', async () => {
    expect((await run(['train'])).code).toBe(EXIT_USAGE);
    const help = await run(['eval', '--help']);
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toMatch(/--folds K/);
  });
});
