// Renders rows as RFC 4180 CSV: a header, then one record per row; a field is quoted when it holds a quote,
// comma, CR or LF, with quotes doubled. Multivalue fields are newline-joined inside one quoted field.

import type { Row } from '../../exec/row.ts';
import { cellText } from './cells.ts';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(columns: readonly string[], rows: readonly Row[]): string {
  if (columns.length === 0) return '';
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellText(c, row.get(c)))).join(','));
  return lines.join('\r\n') + '\r\n';
}
