// `rename a AS b, c* AS d*`: pairs separated by optional commas; `AS` in any case; wildcards allowed.

import { isKeyword } from '../../token.ts';
import { readFieldName } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseRename: CommandParser = ({ cur, nameTok }) => {
  const pairs: { from: string; to: string; span: { start: number; end: number } }[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    const from = readFieldName(cur, 'a field to rename');
    if (!isKeyword(cur.peek(), 'as')) throw cur.unexpected(`expected AS after '${from.name}'`, 'write `rename old AS new`');
    cur.next();
    const to = readFieldName(cur, 'the new field name');
    pairs.push({ from: from.name, to: to.name, span: { start: from.span.start, end: to.span.end } });
  }
  if (pairs.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'rename' needs `old AS new`", nameTok.span);
  return { kind: 'rename', pairs };
};
