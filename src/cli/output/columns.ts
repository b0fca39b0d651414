// Chooses the columns of a result set: every field of every row, in order of first appearance. Raw events
// (rows still carrying `_raw`, i.e. no table/stats/fields ran) are listed like Splunk's CLI lists events:
// `_time` and `_raw` only, since their flattened JSON fields would make hundreds of columns.

import type { Row } from '../../exec/row.ts';

export function resultColumns(rows: readonly Row[]): string[] {
  if (rows.length > 0 && rows.every((r) => r.has('_raw'))) return ['_time', '_raw'];
  const seen = new Set<string>();
  const cols: string[] = [];
  for (const row of rows) {
    for (const name of row.fieldNames()) {
      if (!seen.has(name)) {
        seen.add(name);
        cols.push(name);
      }
    }
  }
  return cols;
}
