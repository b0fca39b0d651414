// The indented text form of a plan, for golden plan tests and `sightline explain`. One line per operator,
// children indented under their parent; expressions print in an SPL-like form where search-semantics
// matches are marked (`search(...)`, `term(...)`) so they are never mistaken for eval comparisons.

import { numberToString, type Scalar } from '../core/value.ts';
import type { Pattern, PlanExpr, PlanExprKind, PlanNode, PlanNodeKind, PlanSortKey, QueryPlan } from './nodes.ts';
import { requiredSourcetypes } from './required-sourcetypes.ts';
import { requiredTerms } from './required-terms.ts';

export function displayPlan(plan: QueryPlan): string {
  const lines: string[] = [];
  walk(plan.root, 0, lines);
  return lines.join('\n') + '\n';
}

function walk(node: PlanNode, depth: number, lines: string[]): void {
  lines.push('  '.repeat(depth) + (NODE[node.kind] as (n: PlanNode) => string)(node));
  for (const child of children(node)) walk(child, depth + 1, lines);
}

function children(node: PlanNode): readonly PlanNode[] {
  if (node.kind === 'union') return node.inputs;
  if (node.kind === 'join') return [node.input, node.subsearch];
  if ('input' in node) return [node.input];
  return [];
}

type NodePrinters = { [K in PlanNodeKind]: (n: Extract<PlanNode, { kind: K }>) => string };

const NODE: NodePrinters = {
  scan: (n) => {
    const parts = ['scan'];
    parts.push(n.predicate ? displayExpr(n.predicate) : '*');
    if (n.earliest) parts.push(`earliest=${n.earliest.spec}`);
    if (n.latest) parts.push(`latest=${n.latest.spec}`);
    const st = requiredSourcetypes(n.predicate);
    if (st) parts.push(`sourcetypes=[${st.join(', ')}]`);
    const terms = requiredTerms(n.predicate);
    if (terms.length > 0) parts.push(`terms=[${terms.map((alts) => alts.map((t) => JSON.stringify(t.text) + (t.caseSensitive ? '/cs' : '')).join('|')).join(', ')}]`);
    return parts.join(' ');
  },
  filter: (n) => `filter ${displayExpr(n.predicate)}`,
  eval: (n) => `eval ${n.assignments.map((a) => `${fieldName(a.field)}=${displayExpr(a.expr)}`).join(', ')}`,
  aggregate: (n) =>
    [
      n.mode,
      n.aggregations.map((a) => `${a.fn}${a.arg ? `(${displayExpr(a.arg)})` : ''} AS ${fieldName(a.as)}`).join(', '),
      n.by.length ? `BY ${n.by.map(fieldName).join(', ')}` : '',
      options(n.options),
    ]
      .filter(Boolean)
      .join(' '),
  table: (n) => `table ${n.fields.join(', ')}`,
  fields: (n) => `fields ${n.remove ? '- ' : ''}${n.fields.join(', ')}`,
  rename: (n) => `rename ${n.pairs.map((p) => `${p.from} AS ${p.to}`).join(', ')}`,
  sort: (n) => `sort limit=${n.limit} ${n.keys.map(sortKey).join(', ')}`,
  head: (n) =>
    `head ${n.predicate ? `while ${displayExpr(n.predicate)}` : n.count}` + (n.keeplast ? ' keeplast=true' : '') + (n.null ? ' null=true' : ''),
  tail: (n) => `tail ${n.count}`,
  dedup: (n) =>
    `dedup ${n.count} ${n.fields.join(', ')}` +
    (n.keepempty ? ' keepempty=true' : '') +
    (n.consecutive ? ' consecutive=true' : '') +
    (n.sortBy.length ? ` sortby ${n.sortBy.map(sortKey).join(', ')}` : ''),
  bin: (n) => `bin ${n.field}${n.as !== n.field ? ` AS ${n.as}` : ''} ${options(n.options)}`.trimEnd(),
  convert: (n) =>
    `convert timeformat=${JSON.stringify(n.timeformat)} ${n.conversions.map((c) => `${c.fn}(${c.field})${c.as !== null ? ` AS ${c.as}` : ''}`).join(', ')}`,
  fillnull: (n) => `fillnull value=${JSON.stringify(n.value)}${n.fields.length ? ' ' + n.fields.join(', ') : ' (all fields)'}`,
  rex: (n) => `rex field=${n.field} mode=${n.mode} ${JSON.stringify(n.pattern)}${n.mode === 'extract' ? ` max_match=${n.maxMatch}` : ''}`,
  spath: (n) => `spath input=${n.inputField}${n.output ? ` output=${n.output}` : ''}${n.path ? ` path=${n.path}` : ' (all)'}`,
  mvexpand: (n) => `mvexpand ${n.field}${n.limit !== null ? ` limit=${n.limit}` : ''}`,
  join: (n) => `join type=${n.type} max=${n.max} overwrite=${n.overwrite} maxout=${n.maxout} ${n.fields.join(', ')}`,
  makemv: (n) => `makemv ${n.tokenizer !== null ? `tokenizer=${JSON.stringify(n.tokenizer)}` : `delim=${JSON.stringify(n.delim)}`}${n.allowempty ? ' allowempty=true' : ''} ${n.field}`,
  lookup: (n) =>
    `lookup ${n.table} ${n.keys.map((k) => pair(k.lookupField, k.eventField)).join(', ')} ${n.overwrite ? 'OUTPUT' : 'OUTPUTNEW'} ` +
    (n.outputs.length ? n.outputs.map((o) => pair(o.lookupField, o.eventField)).join(', ') : '(all columns)'),
  iplocation: (n) => `iplocation ${n.field} prefix=${n.prefix} allfields=${n.allFields}`,
  union: (n) => `union mode=${n.mode}${n.maxout !== null ? ` maxout=${n.maxout}` : ''}`,
  makeresults: (n) => `makeresults count=${n.count}${n.annotate ? ' annotate=true' : ''}`,
  inputlookup: (n) => `inputlookup ${n.table}`,
};

function pair(a: string, b: string): string {
  return a === b ? a : `${a} AS ${b}`;
}

function sortKey(k: PlanSortKey): string {
  const f = k.type === 'auto' ? k.field : `${k.type}(${k.field})`;
  return (k.descending ? '-' : '+') + f;
}

function options(o: Readonly<Record<string, string>>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

/** Field names print bare when SPL would read them as one name, else single-quoted. */
function fieldName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

function pattern(p: Pattern): string {
  return JSON.stringify(p.text) + (p.caseSensitive ? '/cs' : '');
}

function literal(v: Scalar | readonly Scalar[] | null | boolean): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${(v as readonly Scalar[]).map((x) => literal(x)).join(', ')}]`;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

type ExprPrinters = { [K in PlanExprKind]: (e: Extract<PlanExpr, { kind: K }>) => string };

const EXPR: ExprPrinters = {
  field: (e) => fieldName(e.name),
  literal: (e) => literal(e.value as Scalar | null),
  call: (e) => `${e.fn}(${e.args.map(displayExpr).join(', ')})`,
  arith: (e) => `(${displayExpr(e.left)} ${e.op} ${displayExpr(e.right)})`,
  concat: (e) => `(${displayExpr(e.left)} . ${displayExpr(e.right)})`,
  neg: (e) => `-${displayExpr(e.operand)}`,
  compare: (e) => `(${displayExpr(e.left)} ${e.op} ${displayExpr(e.right)})`,
  like: (e) => `like(${displayExpr(e.expr)}, ${displayExpr(e.pattern)})`,
  inList: (e) => `(${displayExpr(e.expr)} IN (${e.list.map(displayExpr).join(', ')}))`,
  and: (e) => `(${e.items.map(displayExpr).join(' AND ')})`,
  or: (e) => `(${e.items.map(displayExpr).join(' OR ')})`,
  xor: (e) => `(${displayExpr(e.left)} XOR ${displayExpr(e.right)})`,
  not: (e) => `NOT ${displayExpr(e.operand)}`,
  searchMatch: (e) => `search(${fieldName(e.field)}${e.op}${pattern(e.pattern)})`,
  searchTerm: (e) => `${e.termMode ? 'TERM' : 'term'}(${pattern(e.pattern)})`,
};

export function displayExpr(e: PlanExpr): string {
  return (EXPR[e.kind] as (e: PlanExpr) => string)(e);
}
