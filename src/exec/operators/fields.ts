// `fields a b` keeps the listed fields plus the internal _raw and _time (fields docs: "The fields command
// does not remove these internal fields unless you explicitly specify"); `fields - a b` removes the listed
// ones (`fields - _*` drops internal fields). Wildcards allowed.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { fieldPattern, type FieldPattern } from './field-patterns.ts';

const INTERNAL_KEPT = new Set(['_raw', '_time']);

export class FieldsOperator extends Operator {
  private readonly patterns: readonly FieldPattern[];
  constructor(next: Sink, private readonly remove: boolean, fields: readonly string[]) {
    super(next);
    this.patterns = fields.map(fieldPattern);
  }
  push(row: Row): void {
    for (const name of row.fieldNames()) {
      const listed = this.patterns.some((p) => p.matches(name));
      const drop = this.remove ? listed : !listed && !INTERNAL_KEPT.has(name);
      if (drop) row.delete(name);
    }
    this.next.push(row);
  }
}
