// A small RFC 4180 CSV reader for lookup tables: quoted fields with "" escapes and embedded newlines,
// CRLF or LF line ends. The first record is the header; an empty cell is a missing value (null).

export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
}

export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') endRecord();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i++;
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) endRecord();
  const [header = [], ...body] = records;
  return {
    columns: header,
    rows: body.map((r) => header.map((_, j) => (r[j] === undefined || r[j] === '' ? null : (r[j] as string)))),
  };
}
