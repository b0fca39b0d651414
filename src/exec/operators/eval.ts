// `eval a=..., b=...`: assignments run left to right, each seeing the previous ones; a null result removes
// the field. A boolean result (e.g. from isnull()) fails the search: eval docs, "Numbers and strings can be
// assigned to fields, while booleans cannot be assigned" (the planner already refuses boolean operators).
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Compiled } from '../compile-expr.ts';
import { fail } from '../../core/diagnostics.ts';

export class EvalOperator extends Operator {
  constructor(next: Sink, private readonly assignments: readonly { readonly field: string; readonly value: Compiled }[]) {
    super(next);
  }
  push(row: Row): void {
    for (const a of this.assignments) {
      const v = a.value(row);
      if (typeof v === 'boolean') {
        fail('SPL-EVAL-BOOLEAN', `eval cannot assign a boolean to ${a.field}`, { hint: `wrap it in if(): eval ${a.field}=if(<condition>, 1, 0)` });
      }
      row.set(a.field, v);
    }
    this.next.push(row);
  }
}
