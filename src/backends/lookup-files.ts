// Finds a `lookup` table's CSV file the way the native engine does (src/exec/lookup-files.ts: plain file
// name, `.csv` optional, first directory that has it) and reads it: SQL names its real columns, KQL embeds
// its rows as a datatable. Empty cells are null, as in the native reader.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findLookup(name: string, dirs: readonly string[]): { path: string; text: string } | null {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return null;
  for (const dir of dirs) {
    for (const file of name.endsWith('.csv') ? [name] : [name, `${name}.csv`]) {
      const path = join(dir, file);
      if (existsSync(path)) return { path, text: readFileSync(path, 'utf8') };
    }
  }
  return null;
}

/** The header row's column names (quoted names unquoted). */
export function csvHeader(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
}

/** Rows of a CSV (RFC 4180 quoting), header excluded; empty cells are null. */
export function csvRows(text: string): (string | null)[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    }
    else if (c === '\n' || (c === '\r' && body[i + 1] === '\n')) {
      if (c === '\r') i++;
      record.push(cell);
      if (!(record.length === 1 && record[0] === '')) records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  const width = records[0]?.length ?? 0;
  return records.slice(1).map((r) => Array.from({ length: width }, (_, j) => (r[j] === undefined || r[j] === '' ? null : r[j]!)));
}
