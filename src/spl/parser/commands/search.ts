// `search <terms>` and `where <eval-expression>`: the two filtering commands. They differ in grammar and
// in meaning (search: field=literal with wildcards, OR before AND; where: eval semantics, AND before OR).

import type { CommandParser } from '../command-parser.ts';
import { parseExpr } from '../expr.ts';
import { parseSearchExpr } from '../search-expr.ts';

export const parseSearch: CommandParser = ({ cur, subsearch }) => ({ kind: 'search', expr: parseSearchExpr(cur, subsearch), implicit: false });

export const parseWhere: CommandParser = ({ cur, nameTok }) => {
  if (cur.atCommandEnd()) throw cur.error('SPL-MISSING-ARGUMENT', "'where' needs an expression", nameTok.span, 'for example `where count > 5`');
  return { kind: 'where', expr: parseExpr(cur) };
};
