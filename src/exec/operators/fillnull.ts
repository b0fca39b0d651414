// `fillnull [value=V] [fields]`: sets missing fields to V (default "0"). With a field list it streams;
// without one it must know "all fields of the current results", so it buffers every row, collects the
// union of their field names, and fills each row's gaps at the end.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';

export class FillnullOperator extends Operator {
  private readonly buffer: Row[] = [];
  private readonly allFields = new Set<string>();
  constructor(next: Sink, private readonly value: string, private readonly fields: readonly string[]) {
    super(next);
  }
  push(row: Row): void {
    if (this.fields.length > 0) {
      for (const f of this.fields) if (row.get(f) === null) row.set(f, this.value);
      this.next.push(row);
      return;
    }
    for (const f of row.fieldNames()) this.allFields.add(f);
    this.buffer.push(row);
  }
  override end(): void {
    for (const row of this.buffer) {
      for (const f of this.allFields) if (row.get(f) === null) row.set(f, this.value);
      this.next.push(row);
    }
    this.buffer.length = 0;
    this.next.end();
  }
}
