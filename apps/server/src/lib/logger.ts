import pino, { type Logger, type LoggerOptions } from 'pino';

/** How log lines look: readable lines for a person at a terminal, JSON lines for a log collector. */
export interface LogOutputOptions {
  level: string;
  /** Whether stdout is a terminal (`process.stdout.isTTY`). */
  isTTY: boolean;
}

/**
 * pino options for the process log: on a terminal, pino-pretty (time, level,
 * message on one line, without pid and hostname); otherwise plain JSON lines,
 * which log shippers parse and which cost no worker thread.
 */
export function loggerOptions({ level, isTTY }: LogOutputOptions): LoggerOptions {
  if (!isTTY) return { level };
  return { level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', colorize: true } } };
}

/** The process logger of `parkos start`, pretty on a terminal and JSON otherwise. */
export function createProcessLogger(level: string, isTTY = Boolean(process.stdout.isTTY)): Logger {
  return pino(loggerOptions({ level, isTTY }));
}
