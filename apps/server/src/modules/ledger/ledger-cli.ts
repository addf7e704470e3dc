import { parseArgs } from 'node:util';
import { HASH_SIZE } from './merkle';
import { verifyConsistency, verifyInclusion, type VerifyResult } from './merkle-verify';

/**
 * `parkos ledger verify-inclusion | verify-consistency`: offline proof verification anyone can
 * run against a signed tree head, with no database and no trust in the park's server.
 */

/** Where the command writes; `process` fits, and tests pass collectors. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit code for a proof that verifies. */
export const EXIT_VALID = 0;
/** Exit code for a well-formed claim whose proof does not verify (the reason is printed). */
export const EXIT_INVALID = 1;
/** Exit code for a malformed command line: unknown or missing flags, bad numbers, bad base64, wrong lengths. */
export const EXIT_USAGE = 2;

const USAGE = `usage:
  parkos ledger verify-inclusion --leaf-hash B64 --index N --size N --root B64 --proof B64,B64,…
  parkos ledger verify-consistency --size1 N --size2 N --root1 B64 --root2 B64 --proof B64,B64,…

Hashes are standard base64 of the raw ${HASH_SIZE}-byte SHA-256 values; --proof is a comma-separated
list, --proof "" when the proof has no elements. Exit status: 0 valid, 1 invalid, 2 usage error.
`;

/** Thrown only inside this file, to unwind argument parsing to a single exit-2 path. */
class UsageError extends Error {}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

const INCLUSION_FLAGS = ['leaf-hash', 'index', 'size', 'root', 'proof'] as const;
const CONSISTENCY_FLAGS = ['size1', 'size2', 'root1', 'root2', 'proof'] as const;

/**
 * Runs one ledger verification subcommand. `argv` starts at the subcommand, e.g.
 * `['verify-inclusion', '--leaf-hash', '…', …]`. Prints the verdict on stdout when valid, the
 * reason on stderr otherwise, and returns the exit code ({@link EXIT_VALID}, {@link EXIT_INVALID},
 * {@link EXIT_USAGE}). Never throws.
 */
export function runLedgerVerifyCommand(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_VALID;
  }
  if (command !== 'verify-inclusion' && command !== 'verify-consistency') return usageError(io, `unknown command '${command}'`);
  const flags = command === 'verify-inclusion' ? INCLUSION_FLAGS : CONSISTENCY_FLAGS;

  let values: Values;
  try {
    values = parseFlags(rest, flags);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    throw error;
  }
  if (values.help === true) {
    io.stdout.write(USAGE);
    return EXIT_VALID;
  }

  let result: VerifyResult;
  let success: string;
  try {
    if (command === 'verify-inclusion') {
      const claim = {
        leafHash: hashFlag(values, 'leaf-hash'),
        index: integerFlag(values, 'index'),
        size: integerFlag(values, 'size'),
        root: hashFlag(values, 'root'),
        proof: proofFlag(values),
      };
      result = verifyInclusion(claim);
      success = `valid: leaf ${claim.index} is included in the tree of size ${claim.size}`;
    } else {
      const claim = {
        size1: integerFlag(values, 'size1'),
        size2: integerFlag(values, 'size2'),
        root1: hashFlag(values, 'root1'),
        root2: hashFlag(values, 'root2'),
        proof: proofFlag(values),
      };
      result = verifyConsistency(claim);
      success = `valid: the tree of size ${claim.size1} is a prefix of the tree of size ${claim.size2}`;
    }
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    throw error;
  }

  if (result.ok) {
    io.stdout.write(`${success}\n`);
    return EXIT_VALID;
  }
  io.stderr.write(`invalid: ${result.reason}\n`);
  return EXIT_INVALID;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`error: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function parseFlags(args: string[], flags: readonly string[]): Values {
  const options = Object.fromEntries([...flags.map((flag) => [flag, { type: 'string' as const }]), ['help', { type: 'boolean' as const, short: 'h' }]]);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    // parseArgs reports unknown flags, missing values and stray arguments as TypeErrors with an
    // ERR_PARSE_ARGS_* code and a message naming the flag; anything else is a bug, not usage.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message.split('\n')[0]);
    throw error;
  }
  // parseArgs keeps the last of repeated flags silently; for a verifier an ambiguous claim is an error.
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  return parsed.values;
}

function stringFlag(values: Values, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string') throw new UsageError(`missing --${flag}`);
  return value;
}

function integerFlag(values: Values, flag: string): number {
  const text = stringFlag(values, flag);
  // Digits only: no sign, exponent, hex or whitespace, which Number() would quietly accept.
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`--${flag} must be a non-negative integer, got '${text}'`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${flag} is too large (at most ${Number.MAX_SAFE_INTEGER})`);
  return value;
}

function hashFlag(values: Values, flag: string): Buffer {
  return decodeHash(stringFlag(values, flag), `--${flag}`);
}

function proofFlag(values: Values): Buffer[] {
  const text = stringFlag(values, 'proof');
  if (text === '') return [];
  return text.split(',').map((element, i) => decodeHash(element, `--proof element ${i + 1}`));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeHash(text: string, what: string): Buffer {
  if (text === '') throw new UsageError(`${what} is empty`);
  // Buffer.from(…, 'base64') skips invalid characters instead of failing, so the text is
  // checked first and must also be the canonical encoding of what it decodes to.
  const bytes = BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (!bytes || bytes.toString('base64') !== text) throw new UsageError(`${what} is not valid standard base64: '${text}'`);
  if (bytes.length !== HASH_SIZE) throw new UsageError(`${what} must be a ${HASH_SIZE}-byte hash, but decodes to ${bytes.length} byte(s)`);
  return bytes;
}
