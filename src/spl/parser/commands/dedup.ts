// `dedup [N] field... [keepevents=b] [keepempty=b] [consecutive=b] [sortby [+|-]key ...]`.

import type { CommandOption, FieldName, SortKey } from '../../ast/nodes.ts';
import { isKeyword } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import { readSortKeys } from './sort.ts';

export const parseDedup: CommandParser = ({ cur, nameTok }) => {
  let count = 1;
  const fields: FieldName[] = [];
  const options: CommandOption[] = [];
  let sortBy: SortKey[] = [];
  if (cur.peek().kind === 'number' && /^\d+$/.test(cur.peek().text)) count = Number(cur.next().text);
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'dedup', opt, ['keepevents', 'keepempty', 'consecutive']);
      options.push(opt);
    } else if (isKeyword(cur.peek(), 'sortby')) {
      const kw = cur.next();
      sortBy = readSortKeys(cur);
      if (sortBy.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'sortby' needs at least one field", kw.span);
    } else fields.push(readFieldName(cur));
  }
  if (fields.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'dedup' needs at least one field", nameTok.span);
  return { kind: 'dedup', count, fields, options, sortBy };
};
