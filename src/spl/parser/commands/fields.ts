// `table a, b*` keeps the listed fields in order; `fields - a` removes, `fields [+] a` keeps.

import { isOp } from '../../token.ts';
import { readFieldList } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseTable: CommandParser = ({ cur, nameTok }) => {
  const fields = readFieldList(cur);
  if (fields.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'table' needs at least one field", nameTok.span);
  return { kind: 'table', fields };
};

export const parseFields: CommandParser = ({ cur, nameTok }) => {
  let remove = false;
  const sign = cur.peek();
  if (isOp(sign, '-') || isOp(sign, '+')) {
    remove = sign.text === '-';
    cur.next();
  }
  const fields = readFieldList(cur);
  if (fields.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'fields' needs at least one field", nameTok.span);
  return { kind: 'fields', remove, fields };
};
