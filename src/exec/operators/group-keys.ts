// Group keys for stats/eventstats/streamstats BY clauses. A row whose BY field is missing belongs to no
// group (stats drops it); a multivalue BY field puts the row in one group per value.
import { scalarToString, valuesOf, type Scalar } from '../../core/value.ts';
import type { Row } from '../row.ts';

export interface GroupKey {
  readonly id: string;
  readonly values: readonly Scalar[];
}

export function groupKeys(row: Row, by: readonly string[]): GroupKey[] {
  // One BY field (the common case): the value's text is the id, no list to build or encode. Ids are only
  // compared within one operator, whose BY list is fixed, so they need not look like the general form.
  if (by.length === 1) return valuesOf(row.get(by[0]!)).map((s) => ({ id: scalarToString(s), values: [s] }));
  let combos: Scalar[][] = [[]];
  for (const f of by) {
    const values = valuesOf(row.get(f));
    if (values.length === 0) return [];
    combos = combos.flatMap((c) => values.map((v) => [...c, v]));
  }
  return combos.map((values) => ({ id: JSON.stringify(values.map(scalarToString)), values }));
}
