import fc from 'fast-check';
import { csvField, csvLine, parseCsv } from './rfc4180';

function records(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`not CSV: ${parsed.error.message} at line ${parsed.error.line}`);
  return parsed.records.map((record) => [...record.fields]);
}

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,,end\r\n';
    expect(records(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['plain', '', 'end'],
    ]);
  });

  it('numbers each record by the line it starts on, header = 1, skipping empty lines', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",1\n\nnext,2');
    expect(parsed.ok && parsed.records.map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('skips a byte order mark and takes LF, CRLF and CR as line ends', () => {
    expect(records('\uFEFFa,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps a record of one empty quoted field and a trailing empty field', () => {
    expect(records('""\na,\n')).toEqual([[''], ['a', '']]);
  });

  it('refuses an unterminated quote, naming the line where the field opened', () => {
    const parsed = parseCsv('a,b\n1,"open\nstill open\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toEqual({ line: 2, field: 2, message: 'A quoted field is never closed' });
      expect(parsed.records.map((record) => record.fields)).toEqual([['a', 'b']]);
    }
  });

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    const inside = parseCsv('a,b\nx,y"z\n');
    expect(!inside.ok && [inside.error.line, inside.error.field]).toEqual([2, 2]);
    const after = parseCsv('a\n"x"y\n');
    expect(!after.ok && [after.error.line, after.error.field]).toEqual([2, 1]);
  });

  it('quotes only the fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b c', ''])).toBe('a,b c,\r\n');
  });

  it('reads back exactly what it writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'é', '😀', ';') });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        (rows) => {
          // A lone empty field is written as an empty line, which readers skip; quote it to keep it.
          const text = rows
            .map((row) => (row.length === 1 && row[0] === '' ? '""\r\n' : csvLine(row)))
            .join('');
          expect(records(text)).toEqual(rows);
        },
      ),
    );
  });
});
