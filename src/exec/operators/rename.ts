// `rename a AS b`, `rename properties.* AS *`: moves values to the new name, replacing a field of that name.
// A missing source leaves the target null (a target that existed loses its value). Pairs apply left to right.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { captureWildcards, fillWildcards } from './field-patterns.ts';
import type { Value } from '../../core/value.ts';

export class RenameOperator extends Operator {
  constructor(next: Sink, private readonly pairs: readonly { readonly from: string; readonly to: string }[]) {
    super(next);
  }
  push(row: Row): void {
    for (const { from, to } of this.pairs) {
      if (!from.includes('*')) {
        if (from === to) continue;
        const v = row.get(from);
        row.delete(from);
        if (v === null) row.delete(to);
        else row.set(to, v);
        continue;
      }
      const moves: [string, string, Value][] = [];
      for (const name of row.fieldNames()) {
        const caps = captureWildcards(from, name);
        if (caps) moves.push([name, fillWildcards(to, caps), row.get(name)]);
      }
      for (const [name] of moves) row.delete(name);
      for (const [, target, v] of moves) row.set(target, v);
    }
    this.next.push(row);
  }
}
