import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAIN_OPTIONS, predict, train, type Algorithm, type LabelledText, type TrainOptions } from './classifier';
import { parseCsv, type CsvTable } from './csv';
import { coverageAt, coverageCurve, lowestThresholdFor, supportOf, type CoveragePoint, type ScoredPrediction } from './coverage';
import { evaluatePredictions, stratifiedKFold, type ClassificationReport } from './metrics';

/**
 * `parkos dispatch eval`: trains the dispatch classifier on one labelled CSV and reports how
 * well it predicts another (or K-fold cross-validation on the first), for operators to judge
 * a model before trusting it with automatic dispatch.
 */

/** Where the command writes; `process` fits, and tests pass collectors. */
export interface DispatchCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit code for a finished evaluation. */
export const EXIT_OK = 0;
/** Exit code for a bad command line or unusable input (missing file, unknown column, …). */
export const EXIT_USAGE = 2;

const USAGE = `usage:
  parkos dispatch eval --train TRAIN.csv (--test TEST.csv | --folds K) --text COL[,COL…] --label COL [--json]
                       [--seed N] [--algorithm nb-svm|svm|logistic|complement-nb] [--threshold P]

Trains the dispatch classifier on TRAIN.csv and reports accuracy, macro-F1 and the confusion
matrix on TEST.csv, or stratified K-fold cross-validation on TRAIN.csv with --folds K.
--text names one or more columns (comma-separated; the first counts as the title); rows with
an empty label are skipped. --json prints one JSON object instead of the report.
It also reports automatic dispatch as operators use it: at the confidence threshold (--threshold,
default DISPATCH_CONFIDENCE_THRESHOLD or 0.6) the share of orders dispatched without a human
(coverage) and their accuracy, and the curve over thresholds 0–0.95.
Exit status: 0 done, 2 usage or input error.
`;

const ALGORITHMS: readonly Algorithm[] = ['nb-svm', 'svm', 'logistic', 'complement-nb'];

/** The JSON report of `dispatch eval --json`. */
export interface DispatchEvalResult extends ClassificationReport {
  /** K for cross-validation; null when evaluated on a separate test file. */
  folds: number | null;
  /** Labelled rows used for training (the whole train file under cross-validation). */
  trainSize: number;
  /** Predictions scored (every labelled row once under cross-validation). */
  testSize: number;
  /** Accuracy of each fold (one entry with --test). */
  foldAccuracies: number[];
  /** Rows skipped because their label was empty. */
  skippedRows: number;
  trainSeconds: number;
  predictionsPerSecond: number;
  textColumns: string[];
  labelColumn: string;
  options: Pick<TrainOptions, 'algorithm' | 'seed'>;
  /** At the threshold in use: the share dispatched automatically and the accuracy of those decisions. */
  autoDispatch: CoveragePoint;
  /** Coverage and accuracy over thresholds 0, 0.05, …, 0.95. */
  curve: CoveragePoint[];
  /** The lowest threshold whose automatic decisions are at least 95% right (null: none is). */
  thresholdFor95: CoveragePoint | null;
}

/** Thrown only inside this file, to unwind to a single exit-2 path. */
class UsageError extends Error {}

interface EvalArgs {
  train: string;
  test?: string;
  folds?: number;
  text: string[];
  label: string;
  json: boolean;
  seed: number;
  algorithm: Algorithm;
  threshold: number;
}

function parseEvalArgs(argv: readonly string[]): EvalArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        train: { type: 'string' },
        test: { type: 'string' },
        folds: { type: 'string' },
        text: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'boolean' },
        seed: { type: 'string' },
        algorithm: { type: 'string' },
        threshold: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.train === undefined) throw new UsageError('--train is required');
  if (values.text === undefined) throw new UsageError('--text is required (one or more column names, comma-separated)');
  if (values.label === undefined) throw new UsageError('--label is required');
  if (values.test !== undefined && values.folds !== undefined) throw new UsageError('give either --test or --folds, not both');
  if (values.test === undefined && values.folds === undefined) throw new UsageError('give --test TEST.csv or --folds K');
  let folds: number | undefined;
  if (values.folds !== undefined) {
    folds = Number(values.folds);
    if (!/^\d+$/.test(values.folds) || folds < 2) throw new UsageError(`--folds must be an integer ≥ 2, got '${values.folds}'`);
  }
  const seed = values.seed === undefined ? DEFAULT_TRAIN_OPTIONS.seed : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
  const algorithm = (values.algorithm ?? DEFAULT_TRAIN_OPTIONS.algorithm) as Algorithm;
  if (!ALGORITHMS.includes(algorithm)) throw new UsageError(`--algorithm must be one of ${ALGORITHMS.join(', ')}, got '${values.algorithm}'`);
  const thresholdText = values.threshold ?? process.env.DISPATCH_CONFIDENCE_THRESHOLD ?? '0.6';
  const threshold = Number(thresholdText);
  if (thresholdText.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UsageError(`--threshold must be a number from 0 to 1, got '${thresholdText}'`);
  const text = values.text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (text.length === 0) throw new UsageError('--text names no column');
  return { train: values.train, test: values.test, folds, text, label: values.label, json: values.json ?? false, seed, algorithm, threshold };
}

async function readTable(file: string, flag: string): Promise<CsvTable> {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${flag} file not found: ${file}` : `cannot read ${flag} file ${file}: ${(error as Error).message}`);
  }
  try {
    return parseCsv(content);
  } catch (error) {
    throw new UsageError(`${flag} file ${file} is not valid CSV: ${(error as Error).message}`);
  }
}

function toExamples(table: CsvTable, args: EvalArgs, file: string): { examples: LabelledText[]; skipped: number } {
  const missing = [...args.text, args.label].filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw new UsageError(`unknown column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')} in ${file}; available: ${table.header.join(', ')}`);
  }
  const examples: LabelledText[] = [];
  let skipped = 0;
  for (const row of table.rows) {
    const label = row[args.label].trim();
    if (label === '') skipped += 1;
    else examples.push({ text: args.text.map((column) => row[column]), label });
  }
  return { examples, skipped };
}

function seconds(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}

async function evaluate(args: EvalArgs): Promise<DispatchEvalResult> {
  const trainData = toExamples(await readTable(args.train, '--train'), args, args.train);
  const testData = args.test === undefined ? undefined : toExamples(await readTable(args.test, '--test'), args, args.test);
  const options: Partial<TrainOptions> = { algorithm: args.algorithm, seed: args.seed };
  const examples = trainData.examples;
  if (new Set(examples.map((e) => e.label)).size < 2) throw new UsageError(`${args.train} has fewer than two distinct labels in column '${args.label}'`);

  const splits: Array<{ trainSet: LabelledText[]; testSet: LabelledText[] }> = [];
  if (testData) {
    if (testData.examples.length === 0) throw new UsageError(`${args.test} has no labelled rows`);
    splits.push({ trainSet: examples, testSet: testData.examples });
  } else {
    const k = args.folds!;
    if (k > examples.length) throw new UsageError(`--folds ${k} exceeds the ${examples.length} labelled rows of ${args.train}`);
    for (const fold of stratifiedKFold(examples.map((e) => e.label), { folds: k, seed: args.seed })) {
      const held = new Set(fold);
      splits.push({ trainSet: examples.filter((_, i) => !held.has(i)), testSet: fold.map((i) => examples[i]) });
    }
  }

  const truth: string[] = [];
  const predicted: string[] = [];
  const foldAccuracies: number[] = [];
  const scored: ScoredPrediction[] = [];
  let trainSeconds = 0;
  let predictSeconds = 0;
  for (const { trainSet, testSet } of splits) {
    const trainStart = process.hrtime.bigint();
    const model = train(trainSet, options);
    trainSeconds += seconds(trainStart);
    const predictStart = process.hrtime.bigint();
    let correct = 0;
    for (const example of testSet) {
      // The confidence smart dispatch acts on: the probability scaled by the evidence gate.
      const { label, confidence, topFeatures } = predict(model, example.text, { topFeatures: 12 });
      scored.push({ confidence: confidence * supportOf(topFeatures), isCorrect: label === example.label });
      truth.push(example.label);
      predicted.push(label);
      if (label === example.label) correct += 1;
    }
    predictSeconds += seconds(predictStart);
    foldAccuracies.push(correct / testSet.length);
  }
  const labels = [...new Set([...examples.map((e) => e.label), ...(testData?.examples.map((e) => e.label) ?? [])])].sort();
  const report = evaluatePredictions(truth, predicted, labels);
  return {
    ...report,
    folds: args.folds ?? null,
    trainSize: examples.length,
    testSize: truth.length,
    foldAccuracies,
    skippedRows: trainData.skipped + (testData?.skipped ?? 0),
    trainSeconds,
    predictionsPerSecond: predictSeconds > 0 ? truth.length / predictSeconds : 0,
    textColumns: args.text,
    labelColumn: args.label,
    options: { algorithm: args.algorithm, seed: args.seed },
    autoDispatch: coverageAt(scored, args.threshold),
    curve: coverageCurve(scored),
    thresholdFor95: lowestThresholdFor(coverageCurve(scored), 0.95),
  };
}

/** Display width of a string: CJK and full-width characters take two terminal columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - width(text))) + text;
}

/** The human-readable report. */
export function formatReport(result: DispatchEvalResult): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines: string[] = [];
  const mode = result.folds === null ? 'held-out test file' : `${result.folds}-fold stratified cross-validation`;
  lines.push(`dispatch eval: ${mode}, algorithm ${result.options.algorithm}, seed ${result.options.seed}`);
  lines.push(`text ${result.textColumns.join('+')} → label ${result.labelColumn}; train ${result.trainSize} rows, scored ${result.testSize}${result.skippedRows ? `, ${result.skippedRows} unlabelled rows skipped` : ''}`);
  lines.push('');
  lines.push(`accuracy  ${pct(result.accuracy)}${result.foldAccuracies.length > 1 ? `   (folds: ${result.foldAccuracies.map(pct).join(' ')})` : ''}`);
  lines.push(`macro-F1  ${pct(result.macroF1)}`);
  lines.push(`training  ${result.trainSeconds.toFixed(2)} s in total; prediction ${Math.round(result.predictionsPerSecond)} texts/s`);
  const auto = result.autoDispatch;
  lines.push(`automatic dispatch at threshold ${auto.threshold}: ${pct(auto.coverage)} of orders, ${auto.accuracy === null ? 'none reach it' : `${pct(auto.accuracy)} right`}`);
  const at95 = result.thresholdFor95;
  lines.push(at95 ? `95% right from threshold ${at95.threshold}: ${pct(at95.coverage)} of orders automatic` : 'no threshold gives 95% right automatic decisions');
  lines.push('');
  lines.push('threshold  coverage  accuracy');
  for (const p of result.curve) lines.push(`${padStart(p.threshold.toFixed(2), 9)}  ${padStart(pct(p.coverage), 8)}  ${padStart(p.accuracy === null ? '—' : pct(p.accuracy), 8)}`);
  lines.push('');
  const labelWidth = Math.max(5, ...result.labels.map(width));
  lines.push(`${padEnd('label', labelWidth)}  precision  recall     F1  support`);
  for (const c of result.perClass) {
    lines.push(`${padEnd(c.label, labelWidth)}  ${padStart(pct(c.precision), 9)}  ${padStart(pct(c.recall), 6)} ${padStart(pct(c.f1), 6)}  ${padStart(String(c.support), 7)}`);
  }
  lines.push('');
  lines.push('confusion matrix (rows: true label, columns: predicted)');
  const cell = Math.max(4, ...result.labels.map(width), ...result.confusionMatrix.flat().map((n) => String(n).length)) + 1;
  lines.push(padEnd('', labelWidth) + result.labels.map((l) => padStart(l, cell)).join(''));
  result.confusionMatrix.forEach((row, i) => {
    lines.push(padEnd(result.labels[i], labelWidth) + row.map((n) => padStart(String(n), cell)).join(''));
  });
  return lines.join('\n') + '\n';
}

/**
 * Runs `dispatch <subcommand> …`; `argv` starts after `dispatch`, e.g. `['eval', '--train', …]`.
 * Prints the report (or JSON with `--json`) on stdout, errors on stderr, and returns the exit
 * code ({@link EXIT_OK} or {@link EXIT_USAGE}). Unexpected failures propagate.
 */
export async function runDispatchEval(argv: string[], io: DispatchCliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (command !== 'eval') {
    io.stderr.write(`error: ${command === undefined ? 'missing subcommand' : `unknown subcommand '${command}'`} (expected 'eval')\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const args = parseEvalArgs(rest);
    if (args === 'help') {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    const result = await evaluate(args);
    io.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatReport(result));
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`error: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
}
