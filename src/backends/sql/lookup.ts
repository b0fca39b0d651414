// `lookup` in DuckDB SQL: a LEFT JOIN with the CSV grouped by its keys, as the native operator matches
// (exact, case-sensitive; several matching rows give a multivalue in table order; no match leaves the row
// as is). DuckDB reads the CSV itself (read_csv), so the query stays small.

import type { PlanNode } from '../../plan/nodes.ts';
import { resolveLookup } from '../lookup-table.ts';
import type { SqlBranch } from './branch.ts';
import { sqlIdent, sqlString } from './quoting.ts';

export function sqlLookup(b: SqlBranch, n: Extract<PlanNode, { kind: 'lookup' }>): void {
  const table = resolveLookup(n, b.lookupDirs, b.problems);
  if (!table) return;
  const { outputs } = table;
  const keys = n.keys.map((k) => b.field(k.eventField, n));
  if (keys.some((k) => k.type === 'mv')) return void b.problems.unsupported('XLATE-MULTIVALUE-FIELD', 'lookup on a multivalue key', n);
  const lk = `${b.prefix}_lk${b.ctes.length}`;
  const keyCols = n.keys.map((k, i) => `${sqlIdent(k.lookupField)} AS __k${i}`);
  const outCols = outputs.map((o, i) => `list(${sqlIdent(o.lookupField)} ORDER BY __rn) FILTER (WHERE ${sqlIdent(o.lookupField)} IS NOT NULL) AS __o${i}`);
  b.ctes.push({
    name: lk,
    sql: `SELECT ${[...keyCols, ...outCols].join(', ')} FROM (SELECT *, row_number() OVER () AS __rn FROM read_csv(${sqlString(table.path)}, header = true, all_varchar = true)) ` +
      `WHERE ${n.keys.map((k) => `${sqlIdent(k.lookupField)} IS NOT NULL`).join(' AND ')} GROUP BY ${n.keys.map((_, i) => i + 1).join(', ')}`,
  });
  const on = keys.map((k, i) => `${b.str(k)} = ${lk}.__k${i}`).join(' AND ');
  const outRefs = outputs.map((_, i) => `${lk}.__o${i} AS __o${i}`);
  b.push((from) => `SELECT ${from}.*, ${lk}.__k0 AS __matched, ${outRefs.join(', ')} FROM ${from} LEFT JOIN ${lk} ON ${on}`);
  outputs.forEach((o, i) => {
    const existing = b.field(o.eventField, n);
    const asList = existing.type === 'mv' ? existing.text : existing.type === 'null' ? 'NULL' : `CASE WHEN ${existing.text} IS NULL THEN NULL ELSE [${b.str(existing)}] END`;
    const found = `CASE WHEN len(__o${i}) = 0 THEN NULL ELSE __o${i} END`;
    const value = n.overwrite
      ? `CASE WHEN __matched IS NOT NULL THEN ${found} ELSE ${asList} END`
      : `CASE WHEN __matched IS NOT NULL AND ${asList} IS NULL THEN ${found} ELSE ${asList} END`;
    b.assign(o.eventField, { text: value, type: 'mv' });
  });
  b.push((from) => `SELECT * EXCLUDE (__matched, ${outputs.map((_, i) => `__o${i}`).join(', ')}) FROM ${from}`);
}
