// `eval a=<expr>, b=<expr>`: comma-separated assignments, evaluated left to right. The target is a
// bare or 'single-quoted' field name.

import type { Assignment } from '../../ast/nodes.ts';
import { isOp } from '../../token.ts';
import type { CommandParser } from '../command-parser.ts';
import { parseExpr } from '../expr.ts';

export const parseEval: CommandParser = ({ cur, nameTok }) => {
  const assignments: Assignment[] = [];
  if (cur.atCommandEnd()) throw cur.error('SPL-MISSING-ARGUMENT', "'eval' needs at least one assignment", nameTok.span, 'for example `eval user=lower(user)`');
  for (;;) {
    const target = cur.peek();
    if (target.kind !== 'ident' && target.kind !== 'quoted-field') {
      throw cur.unexpected('expected a field name to assign', "write `eval field=<expression>` (quote unusual names as 'field name')");
    }
    cur.next();
    if (!isOp(cur.peek(), '=')) throw cur.unexpected(`expected '=' after '${target.text}'`, 'write `eval field=<expression>`; compare with `==` inside the expression');
    cur.next();
    const expr = parseExpr(cur);
    assignments.push({ field: target.kind === 'ident' ? target.text : target.value, expr, span: { start: target.span.start, end: expr.span.end } });
    if (cur.acceptOp(',')) continue;
    if (cur.atCommandEnd()) break;
    throw cur.unexpected("expected ',' between assignments or the end of 'eval'");
  }
  return { kind: 'eval', assignments };
};
