// Maps an offset inside a rule's SPL text back to an offset in the YAML file it came from, so a parser error
// at SPL line 3 column 1 is reported at the file line/column where that character really sits (inside the
// `spl: |` block scalar, under its indentation).

import type { Scalar } from 'yaml';

export type SplLocator = (splOffset: number) => number;

/** A locator for an `spl:` scalar node of the YAML document `fileText`. */
export function locatorFor(node: Scalar, fileText: string): SplLocator {
  const range = node.range;
  if (!range) return () => 0;
  const start = range[0];
  const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (!isBlock) {
    // Plain or quoted on one line: the value starts right after the opening quote, if any.
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const base = start + (quoted ? 1 : 0);
    return (offset) => Math.min(base + offset, range[1]);
  }
  // Block scalar: content begins on the line after the `|`/`>` header.
  const headerEnd = fileText.indexOf('\n', start);
  if (headerEnd < 0) return () => start;
  const lineStarts: number[] = [];
  let indent = -1;
  let pos = headerEnd + 1;
  while (pos <= range[1] && pos < fileText.length) {
    lineStarts.push(pos);
    const nl = fileText.indexOf('\n', pos);
    const line = fileText.slice(pos, nl < 0 ? fileText.length : nl);
    if (indent < 0 && line.trim().length > 0) indent = line.length - line.trimStart().length;
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (indent < 0) indent = 0;
  const value = String(node.value ?? '');
  // Start offset of each value line, to turn a value offset into (line, column).
  const valueLineStarts = [0];
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 10) valueLineStarts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < valueLineStarts.length && valueLineStarts[line + 1]! <= offset) line++;
    const col = offset - valueLineStarts[line]!;
    const fileLineStart = lineStarts[line] ?? lineStarts[lineStarts.length - 1] ?? start;
    return fileLineStart + indent + col;
  };
}
