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
    // rename docs: "Both the original and renamed fields must include the same number of wildcards,
    // otherwise a wildcard mismatch error is returned."
    if (stars(from.name) !== stars(to.name)) {
      throw cur.error('SPL-RENAME-WILDCARD-MISMATCH', `'${from.name}' has ${stars(from.name)} wildcard(s) but '${to.name}' has ${stars(to.name)}`, { start: from.span.start, end: to.span.end }, 'give both names the same number of *');
    }
    pairs.push({ from: from.name, to: to.name, span: { start: from.span.start, end: to.span.end } });
  }
  if (pairs.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'rename' needs `old AS new`", nameTok.span);
  return { kind: 'rename', pairs };
};

const stars = (name: string): number => name.split('*').length - 1;
