// mvmap(field, expr) and mvfilter(predicate): the two eval functions that evaluate an expression once per
// value of a multivalue field. The row is copied once per call and the field is bound to each value in
// turn, so the inner expression is compiled once like any other. Results follow the multivalue rules:
// no value is null, one value is a plain value (core/value.ts).

import { mv, valuesOf, type Scalar, type Value } from '../core/value.ts';
import type { PlanExpr } from '../plan/nodes.ts';
import { exprFields } from '../plan/expr-fields.ts';
import type { ExecContext } from './context.ts';
import type { Row } from './row.ts';

type Compile = (e: PlanExpr, ctx: ExecContext) => (row: Row) => Value;
type Call = Extract<PlanExpr, { kind: 'call' }>;

export function isPerValueCall(fn: string): fn is 'mvmap' | 'mvfilter' {
  return fn === 'mvmap' || fn === 'mvfilter';
}

/** Lowering has checked the shape: mvmap's first argument is a field, mvfilter's predicate reads one field. */
export function compilePerValueCall(e: Call, ctx: ExecContext, compile: Compile): (row: Row) => Value {
  const [first, second] = e.args as [PlanExpr, PlanExpr | undefined];
  const field = e.fn === 'mvmap' ? (first as Extract<PlanExpr, { kind: 'field' }>).name : (exprFields(first)[0] as string);
  const body = compile(e.fn === 'mvmap' ? (second as PlanExpr) : first, ctx);
  // eval docs, mvfilter: returns the values "for which the predicate is true"; mvmap: the result of
  // the expression for each value.
  const keep: (result: unknown, out: Scalar[], value: Scalar) => void =
    e.fn === 'mvfilter'
      ? (result, out, value) => {
          if (result === true) out.push(value);
        }
      : (result, out) => {
          for (const s of valuesOf(result as Value)) out.push(s);
        };
  return (row) => {
    const values = valuesOf(row.get(field));
    if (values.length === 0) return null;
    const scratch = row.clone();
    const out: Scalar[] = [];
    for (const value of values) {
      scratch.set(field, value);
      keep(body(scratch), out, value);
    }
    return out.length === 0 ? null : out.length === 1 ? (out[0] as Scalar) : mv(out);
  };
}
