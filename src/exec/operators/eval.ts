// `eval a=..., b=...`: assignments run left to right, each seeing the previous ones; a null result removes
// the field ("If the expression evaluates to NULL the field is removed" semantics of eval).
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Compiled } from '../compile-expr.ts';

export class EvalOperator extends Operator {
  constructor(next: Sink, private readonly assignments: readonly { readonly field: string; readonly value: Compiled }[]) {
    super(next);
  }
  push(row: Row): void {
    for (const a of this.assignments) row.set(a.field, a.value(row));
    this.next.push(row);
  }
}
