// Renders rows as an aligned text table. A multivalue cell spans several physical lines (one value per
// line), as Splunk displays multivalue fields; columns are padded to their widest line.

import type { Row } from '../../exec/row.ts';
import { cellText } from './cells.ts';

export function renderTable(columns: readonly string[], rows: readonly Row[]): string {
  if (columns.length === 0) return '';
  const cells = rows.map((row) => columns.map((c) => cellText(c, row.get(c)).split('\n')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => Math.max(...r[i]!.map((l) => l.length)))));
  const line = (parts: readonly string[]) => parts.map((p, i) => p.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of cells) {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(row.map((c) => c[k] ?? '')));
  }
  return out.join('\n') + '\n';
}
