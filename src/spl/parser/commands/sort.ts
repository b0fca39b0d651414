// `sort [N] [limit=N] [+|-]key ...` with keys `field`, `-field`, `- field`, `num(field)`, `str(x)`, `ip(x)`,
// `auto(x)`. A sign applies to the key right after it. No count means Splunk's default (10000); 0 = all.

import type { SortKey } from '../../ast/nodes.ts';
import { isOp } from '../../token.ts';
import { atOption, optionInt, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';

const SORT_TYPES = ['auto', 'num', 'str', 'ip'] as const;

export const parseSort: CommandParser = ({ cur, nameTok }) => {
  let limit: number | null = null;
  if (cur.peek().kind === 'number' && /^\d+$/.test(cur.peek().text)) limit = Number(cur.next().text);
  if (atOption(cur, ['limit'])) limit = optionInt(cur, readOption(cur));
  let keys = readSortKeys(cur, true);
  // sort docs: "desc Syntax: d | desc Description: Reverses the order of the results." A bare d/desc
  // after the keys, last in the command, is that flag, not a field: it reverses every key.
  if (cur.peek().kind === 'ident' && /^(d|desc)$/i.test(cur.peek().text)) {
    cur.next();
    keys = keys.map((k) => ({ ...k, descending: !k.descending }));
  }
  if (keys.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'sort' needs at least one field", nameTok.span, 'for example `sort - _time`');
  return { kind: 'sort', limit, keys };
};

/** Sort keys up to the end of the command (also used by `dedup ... sortby`). */
export function readSortKeys(cur: Cursor, stopAtDesc = false): SortKey[] {
  const keys: SortKey[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    if (stopAtDesc && keys.length > 0 && atDescFlag(cur)) break;
    keys.push(readSortKey(cur));
  }
  return keys;
}

function atDescFlag(cur: Cursor): boolean {
  const t = cur.peek();
  if (t.kind !== 'ident' || !/^(d|desc)$/i.test(t.text)) return false;
  const after = cur.peek(1);
  return after.kind === 'eof' || isOp(after, '|') || isOp(after, ']');
}

function readSortKey(cur: Cursor): SortKey {
  const start = cur.peek().span.start;
  let descending = false;
  const sign = cur.peek();
  if (isOp(sign, '-') || isOp(sign, '+')) {
    descending = sign.text === '-';
    cur.next();
  }
  const t = cur.peek();
  const typeName = t.kind === 'ident' ? (SORT_TYPES as readonly string[]).find((s) => s === t.text.toLowerCase()) : undefined;
  if (typeName && isOp(cur.peek(1), '(')) {
    cur.next();
    const open = cur.next();
    const field = readFieldName(cur);
    cur.expectClose(open, `${typeName}(`);
    return { field: field.name, descending, type: typeName as SortKey['type'], span: { start, end: cur.lastEnd() } };
  }
  const field = readFieldName(cur, 'a field to sort by');
  return { field: field.name, descending, type: 'auto', span: { start, end: field.span.end } };
}
