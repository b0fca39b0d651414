// `table a, b*`: a new row with only the listed fields, in the listed order (wildcards expand to the row's
// matching fields in the row's order); every other field, including _raw and _time, is dropped.
import { Operator, type Sink } from './operator.ts';
import { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import { fieldPattern, type FieldPattern } from './field-patterns.ts';

export class TableOperator extends Operator {
  private readonly patterns: readonly FieldPattern[];
  private readonly wildcard: boolean;
  constructor(next: Sink, fields: readonly string[]) {
    super(next);
    this.patterns = fields.map(fieldPattern);
    this.wildcard = this.patterns.some((p) => p.wildcard);
  }
  push(row: Row): void {
    const names = this.wildcard ? row.fieldNames() : [];
    const out = new Map<string, Value>();
    for (const p of this.patterns) {
      if (!p.wildcard) {
        if (!out.has(p.text)) out.set(p.text, row.get(p.text));
        continue;
      }
      for (const n of names) if (p.matches(n) && !out.has(n)) out.set(n, row.get(n));
    }
    this.next.push(Row.fromFields(out));
  }
}
