import type { TrainingImportError } from '@parkos/contracts';
import ExcelJS from 'exceljs';
import { validationError } from '../../lib/errors';
import type { ImportRowError } from './training.schema';

const OFFSET_MS = 8 * 3_600_000;

/** The instant a local (Asia/Shanghai) date and time stand for. */
export function localInstant(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The Asia/Shanghai calendar date of an instant (`YYYY-MM-DD`). */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai time of day of an instant (`HH:MM`). */
export function localTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const monthOf = (date: string) => date.slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The columns of the results sheet, in order; the header is bilingual so either language's user reads it. */
export const RESULT_COLUMNS = [
  { key: 'staffId', header: '人员编号 Staff ID', width: 38 },
  { key: 'name', header: '姓名 Name', width: 12 },
  { key: 'company', header: '公司 Company', width: 28 },
  { key: 'attended', header: '出勤 Attended (是/否)', width: 18 },
  { key: 'score', header: '成绩 Score (0–100)', width: 16 },
] as const;
type ColumnKey = (typeof RESULT_COLUMNS)[number]['key'];

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '出勤', '到']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '缺勤', '未到']);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

/**
 * Reads a results sheet (the template's columns, found by their header in either language) and checks every
 * row against the session's invitations. Rows are matched on the staff id, or on the name when the id is blank.
 * Returns the results when every row is good, and every bad row's error otherwise.
 */
export async function parseResultsSheet(
  data: Buffer,
  session: { hasExam: boolean; invitations: { staffId: string; name: string }[] },
): Promise<{ results: { staffId: string; attended: boolean; score: number | null }[]; errors: ImportRowError[] }> {
  if (data.length > 5 * 1024 * 1024) throw validationError('body.xlsxBase64', 'the file exceeds 5 MB');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw validationError('body.xlsxBase64', 'is not an Excel .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 1) throw validationError('body.xlsxBase64', 'the first worksheet is empty');
  const header = ws.getRow(1);
  const col = new Map<ColumnKey, number>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const text = cellText(header.getCell(c).value).toLowerCase();
    for (const rc of RESULT_COLUMNS) {
      const [zh, en] = [rc.header.split(' ')[0], rc.header.split(' ').slice(1).join(' ').toLowerCase()];
      if (!col.has(rc.key) && text && (text.startsWith(zh) || text.startsWith(en.split(' (')[0]))) col.set(rc.key, c);
    }
  }
  for (const key of ['attended', 'score'] as const) if (!col.has(key)) throw validationError('body.xlsxBase64', `the header row has no column ${RESULT_COLUMNS.find((c) => c.key === key)!.header}`);
  if (!col.has('staffId') && !col.has('name')) throw validationError('body.xlsxBase64', 'the header row has neither a staff id nor a name column');
  const letter = (key: ColumnKey) => ws.getColumn(col.get(key)!).letter;
  const headerOf = (key: ColumnKey) => cellText(header.getCell(col.get(key)!).value);
  const byId = new Map(session.invitations.map((i) => [i.staffId, i]));
  const byName = new Map<string, string[]>();
  for (const i of session.invitations) byName.set(i.name, [...(byName.get(i.name) ?? []), i.staffId]);
  const errors: ImportRowError[] = [];
  const results: { staffId: string; attended: boolean; score: number | null }[] = [];
  const seen = new Set<string>();
  const fail = (row: number, key: ColumnKey, code: TrainingImportError, value: string) => errors.push({ row, column: letter(key), header: headerOf(key), code, value });
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (key: ColumnKey) => (col.has(key) ? cellText(row.getCell(col.get(key)!).value) : '');
    const id = get('staffId');
    const name = get('name');
    const attendedText = get('attended');
    const scoreText = get('score');
    if (!id && !name && !attendedText && !scoreText) continue;
    let staffId: string | null = null;
    if (id) {
      if (byId.has(id)) staffId = id;
      else fail(r, 'staffId', /^[0-9a-f-]{36}$/i.test(id) ? 'staff_not_invited' : 'staff_unknown', id);
    } else {
      const matches = byName.get(name) ?? [];
      if (matches.length === 1) staffId = matches[0];
      else fail(r, 'name', matches.length ? 'staff_ambiguous' : 'staff_unknown', name);
    }
    if (staffId) {
      if (seen.has(staffId)) fail(r, id ? 'staffId' : 'name', 'staff_duplicate', id || name);
      seen.add(staffId);
    }
    const a = attendedText.toLowerCase();
    const attended = YES.has(a) ? true : NO.has(a) ? false : null;
    if (attended === null) fail(r, 'attended', 'attended_invalid', attendedText);
    let score: number | null = null;
    if (scoreText) {
      const n = Number(scoreText);
      if (!Number.isFinite(n)) fail(r, 'score', 'score_invalid', scoreText);
      else if (n < 0 || n > 100) fail(r, 'score', 'score_out_of_range', scoreText);
      else if (!session.hasExam) fail(r, 'score', 'score_without_exam', scoreText);
      else if (attended === false) fail(r, 'score', 'score_without_attendance', scoreText);
      else score = n;
    }
    if (staffId && attended !== null) results.push({ staffId, attended, score });
  }
  return { results, errors };
}
