// Splunk multivalue JSON fields (`a{}`, `a{}.b{}`, `a{1}`) read from a Sentinel column that holds JSON text.
// Splunk names the values of an array `a{}` and flattens nested arrays (src/ingest/json-event.ts resolvePath):
// the scalar leaves in document order; objects, arrays and nulls reached at the end are not values. KQL has no
// per-element array function, so the leaves are collected by an `mv-apply` that walks the path one step at a time.

import { kqlMember } from './quoting.ts';

export type JsonStep = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'all' } | { readonly kind: 'index'; readonly index: number };

/** `instanceIds{}` -> key instanceIds, all; null when a brace holds anything but nothing or digits. */
export function jsonSteps(path: string): JsonStep[] | null {
  const steps: JsonStep[] = [];
  for (const part of path.split('.')) {
    const m = /^([^{}]*)((?:\{\d*\})*)$/.exec(part);
    if (!m) return null;
    if (m[1]) steps.push({ kind: 'key', key: m[1] });
    else if (!m[2]) return null;
    for (const brace of m[2]!.match(/\{\d*\}/g) ?? []) {
      const inner = brace.slice(1, -1);
      steps.push(inner === '' ? { kind: 'all' } : { kind: 'index', index: Number(inner) });
    }
  }
  return steps;
}

/**
 * An `mv-apply` line that adds `column`: the field's values as a dynamic array of strings in document order
 * (Splunk's order), or null when there is none. Every input row gives exactly one output row: summarize
 * without group keys returns one row even over an empty subtable (Kusto summarize docs), and make_list keeps
 * the order of sorted input (make_list docs: "If the input to the summarize operator is sorted, the order of
 * elements in the resulting array tracks that of the input"), hence the item indexes and `order by`.
 */
export function multivalueApply(jsonColumn: string, steps: readonly JsonStep[], column: string): string {
  const p = `${column}_`;
  const parts: string[] = [];
  const indexes: string[] = [];
  let cur = `${p}n0`;
  let n = 0;
  for (const s of steps) {
    if (s.kind === 'key') {
      cur += kqlMember(s.key);
      continue;
    }
    n++;
    const next = `${p}n${n}`;
    if (s.kind === 'all') {
      // `{}` on something that is not an array gives nothing (resolvePath walks arrays only).
      parts.push(`mv-expand with_itemindex=${p}i${n} ${next} = iif(gettype(${cur}) == "array", ${cur}, dynamic([])) to typeof(dynamic)`);
      indexes.push(`${p}i${n} asc`);
    } else {
      parts.push(`extend ${next} = iif(gettype(${cur}) == "array", ${cur}[${s.index}], dynamic(null))`);
    }
    cur = next;
  }
  // The leaves: scalars only, as text (Splunk extracts JSON true/false as the strings "true"/"false").
  parts.push(`where gettype(${cur}) !in ("array", "dictionary", "null")`);
  if (indexes.length) parts.push(`order by ${indexes.join(', ')}`);
  parts.push(`summarize ${p}list = make_list(tostring(${cur}))`);
  parts.push(`project ${column} = iif(array_length(${p}list) == 0, dynamic(null), ${p}list)`);
  return `| mv-apply ${p}n0 = pack_array(parse_json(${jsonColumn})) to typeof(dynamic) on (${parts.join(' | ')})`;
}

/**
 * An `mv-apply` line that adds `column`: how many values of the multivalue `array` pass `test` (a condition on
 * the string column `value`), 0 for a null or empty array. The array is wrapped in a one-element array first:
 * mv-expand gives no record for an empty array (Kusto mv-expand docs: "If the dynamic value is an empty array
 * or property bag, no record is generated"), which would drop the row, while the wrapper always gives one
 * subtable row and summarize without group keys gives one row even when the inner expansion is empty.
 */
export function countValuesApply(array: string, value: string, test: string, column: string): string {
  const p = `${column}_p`;
  return `| mv-apply ${p} = pack_array(${array}) to typeof(dynamic) on (mv-expand ${value} = iif(gettype(${p}) == "array", ${p}, dynamic([])) to typeof(string) | summarize ${column} = countif(${test}))`;
}

/**
 * An `mv-apply` line that adds `column`: the 0-based index of the first value of `array` that passes `test`
 * (a condition on the string column `value`), null when none does. min() over no rows is null (Kusto summarize
 * docs: aggregations other than the counts, sums and make_* ones default to null); the wrapper is as above.
 */
export function firstIndexApply(array: string, value: string, test: string, column: string): string {
  const p = `${column}_p`;
  return `| mv-apply ${p} = pack_array(${array}) to typeof(dynamic) on (mv-expand with_itemindex=${column}_i ${value} = iif(gettype(${p}) == "array", ${p}, dynamic([])) to typeof(string) | where ${test} | summarize ${column} = min(${column}_i))`;
}
