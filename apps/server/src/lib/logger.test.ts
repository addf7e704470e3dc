import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino from 'pino';
import { prettyFactory, type PrettyOptions } from 'pino-pretty';
import { describe, expect, test } from 'vitest';
import { loggerOptions } from './logger';

describe('loggerOptions', () => {
  test('on a terminal, lines go through pino-pretty', () => {
    const options = loggerOptions({ level: 'info', isTTY: true });
    expect(options.level).toBe('info');
    expect(options.transport).toMatchObject({ target: 'pino-pretty' });
    // The transport is loaded by name in a worker thread: it must be installed.
    expect(() => createRequire(import.meta.url).resolve('pino-pretty')).not.toThrow();
  });

  test('piped or redirected (no terminal), lines stay JSON', () => {
    const options = loggerOptions({ level: 'warn', isTTY: false });
    expect(options).toEqual({ level: 'warn' });
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    pino(options, sink).warn('ParkOS is running');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 40, msg: 'ParkOS is running' });
  });

  test('the pretty options print a readable line: time, level and message, without pid and hostname', () => {
    const target = loggerOptions({ level: 'info', isTTY: true }).transport as { options: PrettyOptions };
    const pretty = prettyFactory({ ...target.options, colorize: false });
    const line = pretty(JSON.stringify({ level: 30, time: Date.parse('2026-12-06T10:11:12Z'), pid: 42, hostname: 'box', msg: 'ParkOS is running' }));
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: ParkOS is running\n$/);
  });
});
