// `lookup` in ES|QL over a small CSV whose keys are unique: one CASE per output, key by key, so a matching
// row gets the table's value and any other row keeps its own (native semantics). Tables where a key repeats
// would need a multivalue result and are not translated (fail closed).

import type { PlanNode } from '../../plan/nodes.ts';
import { csvRows } from '../lookup-files.ts';
import { resolveLookup } from '../lookup-table.ts';
import { lookupField } from '../target-mapping.ts';
import type { EsqlBranch } from './branch.ts';
import { esqlIdent, esqlString } from './quoting.ts';

export function esqlLookup(b: EsqlBranch, n: Extract<PlanNode, { kind: 'lookup' }>): void {
  const table = resolveLookup(n, b.lookupDirs, b.problems);
  if (!table) return;
  const { col, outputs } = table;
  const keys = n.keys.map((k) => b.field(k.eventField, n));
  const rows = csvRows(table.text).filter((r) => n.keys.every((k) => r[col(k.lookupField)] !== null));
  const seen = new Set(rows.map((r) => JSON.stringify(n.keys.map((k) => r[col(k.lookupField)]))));
  if (seen.size !== rows.length) return void b.problems.unsupported('XLATE-LOOKUP-MULTIVALUE', `lookup table '${n.table}' repeats a key: the result would be a multivalue`, n);
  const matchRow = (r: (string | null)[]) => n.keys.map((k, i) => `${b.str(keys[i]!)} == ${esqlString(r[col(k.lookupField)]!)}`).join(' AND ');
  const evals = outputs.map((o) => {
    // An output field the data stream has no field for starts out missing.
    const absent = b.scope.resolve(o.eventField).kind === 'source' && lookupField(b.mapping, o.eventField).kind === 'none';
    const existing = absent ? 'TO_STRING(null)' : b.str(b.field(o.eventField, n));
    const branches = rows.map((r) => `${matchRow(r)}, ${r[col(o.lookupField)] === null ? 'TO_STRING(null)' : esqlString(r[col(o.lookupField)]!)}`);
    const value = n.overwrite
      ? `CASE(${[...branches, existing].join(', ')})`
      : `CASE(${existing} IS NOT NULL, ${existing}, ${[...branches, 'TO_STRING(null)'].join(', ')})`;
    return { name: o.eventField, text: rows.length ? value : existing };
  });
  b.lines.push(`| EVAL ${evals.map((e) => `${esqlIdent(e.name)} = ${e.text}`).join(', ')}`);
  for (const e of evals) b.define(e.name, { text: e.text, type: 'string' });
}
