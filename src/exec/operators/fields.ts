// `fields a b` keeps the listed fields plus the internal _raw and _time (fields docs: "The fields command
// does not remove these internal fields unless you explicitly specify"); `fields - a b` removes the listed
// ones (`fields - _*` drops internal fields). Wildcards allowed.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { fieldPattern, type FieldPattern } from './field-patterns.ts';

const INTERNAL_KEPT = new Set(['_raw', '_time']);

export class FieldsOperator extends Operator {
  private readonly keep: (name: string) => boolean;
  constructor(next: Sink, remove: boolean, fields: readonly string[]) {
    super(next);
    const patterns: readonly FieldPattern[] = fields.map(fieldPattern);
    const listed = (name: string) => patterns.some((p) => p.matches(name));
    this.keep = remove ? (name) => !listed(name) : (name) => listed(name) || INTERNAL_KEPT.has(name);
  }
  push(row: Row): void {
    row.restrict(this.keep);
    this.next.push(row);
  }
}
