import ExcelJS from 'exceljs';
import { validationError } from '../../../lib/errors';

/** Largest accepted workbook. */
export const MAX_XLSX_BYTES = 5 * 1024 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The first worksheet of an .xlsx file as rows of text cells (row 1 = header),
 * the same shape the CSV parser yields (numbers, dates, formulas' results and
 * rich text become text).
 */
export async function readXlsxRows(data: Buffer): Promise<string[][]> {
  if (data.length > MAX_XLSX_BYTES) throw validationError('body.xlsx', `the file exceeds ${MAX_XLSX_BYTES / 1024 / 1024} MB`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw validationError('body.xlsx', 'is not an Excel .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw validationError('body.xlsx', 'the first worksheet is empty');
  const width = sheet.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}
