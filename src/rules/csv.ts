// A small RFC 4180 CSV reader for allowlist lookups: header row, quoted cells with doubled quotes, CRLF or LF.
// Returns rows as column -> value records; never throws (a malformed quote just runs to the end of the text).

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** 1-based file line of each row, for diagnostics. */
  readonly lines: readonly number[];
}

export function parseCsv(text: string): CsvTable {
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  const [head, ...body] = records;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const rows = body.map((r) => Object.fromEntries(header.map((h, k) => [h, (r.cells[k] ?? '').trim()])));
  return { header, rows, lines: body.map((r) => r.line) };
}
