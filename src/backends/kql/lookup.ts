// `lookup` in KQL: the CSV embedded as a datatable, grouped by key (several matching rows give a list in
// table order, as natively), joined with `lookup kind=leftouter`; an unmatched row keeps its values.
// KQL strings have no null, so "no value" in the lists is isempty() rather than isnull().

import type { PlanNode } from '../../plan/nodes.ts';
import { csvRows } from '../lookup-files.ts';
import { resolveLookup } from '../lookup-table.ts';
import { lookupField } from '../target-mapping.ts';
import type { Code, KqlBranch } from './branch.ts';
import { kqlIdent, kqlString } from './quoting.ts';

export function kqlLookup(b: KqlBranch, n: Extract<PlanNode, { kind: 'lookup' }>): void {
  const table = resolveLookup(n, b.lookupDirs, b.problems);
  if (!table) return;
  const { col, outputs } = table;
  const keys = n.keys.map((k) => b.field(k.eventField, n));
  if (keys.some((k) => k.type === 'mv')) return void b.problems.unsupported('XLATE-MULTIVALUE-FIELD', 'lookup on a multivalue key', n);
  const rows = csvRows(table.text);
  const used = [...n.keys.map((k) => col(k.lookupField)), ...outputs.map((o) => col(o.lookupField))];
  const schema = used.map((_, i) => `${i < n.keys.length ? `__k${i}` : `__v${i - n.keys.length}`}:string`).join(', ');
  const cells = rows.flatMap((r) => used.map((c) => (r[c] === null || r[c] === undefined ? '""' : kqlString(r[c]!))));
  b.lines.push(`| extend ${keys.map((k, i) => `__key${i} = ${b.str(k)}`).join(', ')}`);
  const byKeys = n.keys.map((_, i) => `__k${i}`).join(', ');
  const lists = outputs.map((_, i) => `__o${i} = make_list_if(__v${i}, isnotempty(__v${i}))`).join(', ');
  const datatable = `datatable(${schema})[${cells.join(', ')}] | where ${n.keys.map((_, i) => `isnotempty(__k${i})`).join(' and ')} | summarize ${lists} by ${byKeys} | extend __matched = true`;
  b.lines.push(`| lookup kind=leftouter (${datatable}) on ${n.keys.map((_, i) => `$left.__key${i} == $right.__k${i}`).join(', ')}`);
  outputs.forEach((o, i) => {
    // An output field the table has no column for (BaselineFirstSeen...) starts out missing.
    const absent = b.scope.resolve(o.eventField).kind === 'source' && o.eventField !== 'sourcetype' && lookupField(b.mapping, o.eventField).kind === 'none';
    const existing: Code = absent ? { text: 'dynamic(null)', type: 'null', literal: true } : b.field(o.eventField, n);
    const asList = existing.type === 'mv' ? existing.text : existing.type === 'null' ? 'dynamic(null)' : `iif(${b.present(existing)}, pack_array(${existing.text}), dynamic(null))`;
    const found = `iif(array_length(__o${i}) == 0, dynamic(null), __o${i})`;
    const value = n.overwrite ? `iif(__matched == true, ${found}, ${asList})` : `iif(__matched == true and isnull(${asList}), ${found}, ${asList})`;
    b.lines.push(`| extend ${kqlIdent(o.eventField)} = ${value}`);
    b.scope.define(o.eventField, 'mv');
  });
  // lookup keeps the left key columns only.
  b.lines.push(`| project-away ${[...n.keys.map((_, i) => `__key${i}`), '__matched', ...outputs.map((_, i) => `__o${i}`)].join(', ')}`);
}
