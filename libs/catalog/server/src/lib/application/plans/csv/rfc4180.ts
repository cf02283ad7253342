/** One record of a CSV file: its fields and the line of the file it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Why a text is not RFC 4180 CSV, and where. */
export interface CsvSyntaxError {
  readonly line: number;
  /** 1-based field of the record, when the problem is inside one. */
  readonly field: number;
  readonly message: string;
}

/** The records of a CSV text, or the first place where it breaks RFC 4180. */
export type CsvParse =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | {
      readonly ok: false;
      readonly error: CsvSyntaxError;
      /** The records before the error (the header, usually), to name the column. */
      readonly records: readonly CsvRecord[];
    };

const BOM = '\uFEFF';
const QUOTE = '"';

/**
 * Parses CSV as RFC 4180 describes it, with what spreadsheets add: a UTF-8 byte order mark is skipped,
 * records end with CRLF, LF or CR, and quoted fields may hold separators, line breaks and doubled
 * quotes. A quote inside an unquoted field, text after a closing quote and an unterminated quoted
 * field are errors. Empty lines are skipped; a line break at the end of the text ends the last record.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // Whether the current field has begun (a quote only opens a quoted field at its very start).
  let fieldStarted = false;
  // A record of one empty quoted field ("") is a record; an empty line is not.
  let recordQuoted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;

  const lineBreakAt = (at: number): number => {
    if (text[at] === '\r') return text[at + 1] === '\n' ? 2 : 1;
    return text[at] === '\n' ? 1 : 0;
  };
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !recordQuoted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
    recordQuoted = false;
  };
  const failure = (at: number, message: string): CsvParse => ({
    ok: false,
    error: { line: at, field: fields.length + 1, message },
    records,
  });

  while (index < text.length) {
    const char = text[index];
    if (!fieldStarted && char === QUOTE) {
      const openedOn = line;
      fieldStarted = true;
      recordQuoted = true;
      index++;
      // Up to the closing quote: a doubled quote is one quote, line breaks are kept as they are.
      for (;;) {
        if (index >= text.length) return failure(openedOn, 'A quoted field is never closed');
        if (text[index] === QUOTE) {
          if (text[index + 1] !== QUOTE) break;
          field += QUOTE;
          index += 2;
          continue;
        }
        const breakLength = lineBreakAt(index);
        field += text.slice(index, index + Math.max(1, breakLength));
        index += Math.max(1, breakLength);
        if (breakLength > 0) line++;
      }
      index++;
      if (index < text.length && text[index] !== ',' && lineBreakAt(index) === 0) {
        return failure(line, 'Text follows the closing quote of a field');
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
      index++;
      continue;
    }
    const breakLength = lineBreakAt(index);
    if (breakLength > 0) {
      endRecord();
      index += breakLength;
      line++;
      recordLine = line;
      continue;
    }
    if (char === QUOTE)
      return failure(line, 'A quote inside an unquoted field (quote the field and double the quote)');
    field += char;
    fieldStarted = true;
    index++;
  }
  if (fieldStarted || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** One field as RFC 4180 writes it: quoted (with doubled quotes) when it holds a separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll(QUOTE, '""')}"` : value;
}

/** One record with its CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
