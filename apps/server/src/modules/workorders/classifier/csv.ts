/**
 * A small RFC 4180 CSV reader: quoted fields with embedded commas, newlines and doubled quotes,
 * CRLF or LF line ends, a leading UTF-8 BOM. There is no CSV package in the tree, and the
 * labelled dispatch sets (NYC 311 in particular) have multi-line quoted fields.
 */

/** A parsed CSV file: the header row and the data rows keyed by header name. */
export interface CsvTable {
  header: string[];
  rows: Array<Record<string, string>>;
}

/**
 * Splits CSV text into records of raw fields. Blank lines are skipped; a quote inside an
 * unquoted field is kept literally (lenient, as most writers in the wild need).
 */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const endField = (): void => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): void => {
    endField();
    // A blank line yields one empty field: not a record.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };

  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * Parses CSV text whose first record is the header. Short rows are padded with empty strings,
 * extra fields are dropped; duplicate header names keep the first column.
 */
export function parseCsv(text: string): CsvTable {
  const [header = [], ...records] = parseCsvRecords(text);
  const rows = records.map((record) => {
    const row: Record<string, string> = {};
    header.forEach((name, index) => {
      if (!(name in row)) row[name] = record[index] ?? '';
    });
    return row;
  });
  return { header, rows };
}

/** Quotes one field for writing when it needs it (comma, quote, CR or LF). */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV text with LF line ends. */
export function formatCsv(records: ReadonlyArray<readonly string[]>): string {
  return records.map((record) => record.map(formatCsvField).join(',')).join('\n') + '\n';
}
