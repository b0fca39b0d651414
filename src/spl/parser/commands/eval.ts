// `eval a=<expr>, b=<expr>`: comma-separated assignments, evaluated left to right. The target is a
// bare field name (adjacent tokens glued: `src-ip`, `a.b`) or a 'single-quoted' one.

import type { Assignment } from '../../ast/nodes.ts';
import { isOp } from '../../token.ts';
import type { CommandParser } from '../command-parser.ts';
import { parseExpr } from '../expr.ts';

export const parseEval: CommandParser = ({ cur, nameTok }) => {
  const assignments: Assignment[] = [];
  if (cur.atCommandEnd()) throw cur.error('SPL-MISSING-ARGUMENT', "'eval' needs at least one assignment", nameTok.span, 'for example `eval user=lower(user)`');
  for (;;) {
    const target = cur.peek();
    // `eval {f}=...` names the new field after f's value: which fields a search makes would depend on the
    // data, so it is refused by name rather than half-run.
    if (isOp(target, '{')) {
      throw cur.error('SPL-EVAL-DYNAMIC-FIELD', 'eval {field}= (a field named by another field\'s value) is not supported', target.span, 'name the field: eval name=<expression>');
    }
    if (target.kind !== 'ident' && target.kind !== 'quoted-field') {
      throw cur.unexpected('expected a field name to assign', "write `eval field=<expression>` (quote unusual names as 'field name')");
    }
    // A bare target is glued up to the `=`, so `eval src-ip=...` names the field `src-ip` as Splunk does.
    const field = target.kind === 'ident' ? (cur.readWord() as { text: string }).text : cur.next().value;
    if (!isOp(cur.peek(), '=')) throw cur.unexpected(`expected '=' after '${field}'`, 'write `eval field=<expression>`; compare with `==` inside the expression');
    cur.next();
    const expr = parseExpr(cur);
    assignments.push({ field, expr, span: { start: target.span.start, end: expr.span.end } });
    if (cur.acceptOp(',')) continue;
    if (cur.atCommandEnd()) break;
    throw cur.unexpected("expected ',' between assignments or the end of 'eval'");
  }
  return { kind: 'eval', assignments };
};
