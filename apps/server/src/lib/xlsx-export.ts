import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * List exports as Excel workbooks (导出 Excel), streamed row by row with exceljs'
 * streaming writer so a long list never sits in memory as a whole workbook.
 *
 * An export is a document people file and send on, so its column headers (and
 * the few enum values a reader must understand) are written in the language the
 * web asks for (`?lang=zh|en`, default zh), from a small two-language table that
 * each list keeps beside its route. Everything else stays values.
 */

export type ExportLang = 'zh' | 'en';

/** `lang` of an export's query string; the web passes the user's language. */
export const exportLangQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });

/** One column: its header in both languages and how to read it from a row. */
export interface ExportColumn<Row> {
  key: string;
  header: Record<ExportLang, string>;
  width?: number;
  value: (row: Row, lang: ExportLang) => string | number | Date | null | undefined;
  /** Excel number format (e.g. money `#,##0.00`). */
  numFmt?: string;
}

/** At most this many rows go into one export (a park's year of bills is far below it). */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 200;

/**
 * Reads every page of a list (as its own find* function returns them, with the
 * caller's filters and scope) until it runs out or reaches {@link EXPORT_MAX_ROWS}.
 */
export async function* allPages<Row>(fetchPage: (page: number, pageSize: number) => Promise<{ items: Row[]; total: number }>): AsyncGenerator<Row> {
  let seen = 0;
  for (let page = 1; seen < EXPORT_MAX_ROWS; page++) {
    const { items } = await fetchPage(page, PAGE);
    for (const item of items) {
      if (seen++ >= EXPORT_MAX_ROWS) return;
      yield item;
    }
    if (items.length < PAGE) return;
  }
}

/**
 * Sends the rows as an .xlsx attachment. The first page is read before the
 * response starts, so a 400/403/404 of the list still reaches the client as an
 * error and not as half a file.
 */
export async function sendXlsx<Row>(reply: FastifyReply, opts: { fileName: string; sheet: Record<ExportLang, string>; lang?: ExportLang; columns: ExportColumn<Row>[]; rows: AsyncIterable<Row> }): Promise<FastifyReply> {
  const lang = opts.lang ?? 'zh';
  const iterator = opts.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet(opts.sheet[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c) => ({ header: c.header[lang], key: c.key, width: c.width ?? 16, style: c.numFmt ? { numFmt: c.numFmt } : undefined }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const write = async () => {
    let next = first;
    while (!next.done) {
      const row = next.value;
      ws.addRow(Object.fromEntries(opts.columns.map((c) => [c.key, c.value(row, lang) ?? null]))).commit();
      next = await iterator.next();
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${opts.fileName}"`)
    .send(stream);
}

/** Shared formats. */
export const MONEY_FMT = '#,##0.00';
/** Fen (分) to yuan for a money cell. */
export const yuan = (fen: number | null | undefined) => (fen == null ? null : fen / 100);

/** Parks run on China time; an export shows wall-clock times there (`YYYY-MM-DD HH:mm`), not UTC serials. */
export function parkDateTime(at: Date | string | null | undefined): string | null {
  if (!at) return null;
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
