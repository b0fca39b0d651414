// Prints a lowered Sigma plan as SPL for `sightline convert rule.yml --to spl`. It covers exactly the node and
// expression kinds the Sigma lowering produces, and those of a rule's allowlist filter (rules/tuning.ts, for
// `convert --to spl` of a sightline rule); anything else is SIGMA-SPL-UNSUPPORTED (fail closed). The
// leading search keeps Splunk search terms (field="value*", case-insensitive); conditions that need
// functions (regex, cidrmatch, null checks, field comparisons) go to a `where` with the same semantics.

import { fail } from '../core/diagnostics.ts';
import type { PlanExpr, PlanNode } from '../plan/nodes.ts';
import { quoteString } from '../spl/print.ts';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function searchField(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.{}]*$/.test(name) ? name : quoteString(name);
}

function evalField(name: string): string {
  return IDENT.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** True when the expression is expressible in the search language (only field=value terms). */
function searchSafe(e: PlanExpr): boolean {
  // Case-sensitive values go to where: our parser (like Splunk's docs) takes CASE() on bare terms only.
  if (e.kind === 'searchMatch') return !e.pattern.caseSensitive;
  if (e.kind === 'and' || e.kind === 'or') return e.items.every(searchSafe);
  if (e.kind === 'not') return searchSafe(e.operand);
  return false;
}

function printSearch(e: PlanExpr, top = false): string {
  switch (e.kind) {
    case 'searchMatch':
      return `${searchField(e.field)}${e.op}${quoteString(e.pattern.text)}`;
    case 'and': {
      const s = e.items.map((i) => printSearch(i)).join(' ');
      return top ? s : `(${s})`;
    }
    case 'or':
      return `(${e.items.map((i) => printSearch(i)).join(' OR ')})`;
    case 'not':
      return `NOT ${printSearch(e.operand)}`;
    default:
      return fail('SIGMA-SPL-UNSUPPORTED', `'${e.kind}' in a search`);
  }
}

const RE_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

function printEval(e: PlanExpr): string {
  switch (e.kind) {
    case 'field':
      return evalField(e.name);
    case 'literal':
      if (typeof e.value === 'number') return String(e.value);
      if (typeof e.value === 'string') return quoteString(e.value, 'eval');
      if (typeof e.value === 'boolean') return e.value ? 'true()' : 'false()';
      if (e.value === null) return 'null()';
      return fail('SIGMA-SPL-UNSUPPORTED', 'a multivalue literal');
    case 'call':
      return `${e.fn}(${e.args.map(printEval).join(', ')})`;
    case 'arith':
      return `(${printEval(e.left)} ${e.op} ${printEval(e.right)})`;
    case 'compare':
      return `${printEval(e.left)}${e.op === '=' ? '==' : e.op}${printEval(e.right)}`;
    case 'like':
      return `like(${printEval(e.expr)}, ${printEval(e.pattern)})`;
    case 'and':
      return `(${e.items.map(printEval).join(' AND ')})`;
    case 'or':
      return `(${e.items.map(printEval).join(' OR ')})`;
    case 'not':
      return `NOT ${printEval(e.operand)}`;
    case 'searchMatch': {
      // Guarded with isnotnull: a function of a missing field is null, and NOT of it must be true (search semantics).
      const present = `isnotnull(${evalField(e.field)})`;
      if (e.op !== '=') return `(${present} AND tonumber(${evalField(e.field)})${e.op}${Number(e.pattern.text)})`;
      // field="a*b" as where: the same any-value, case-insensitive (unless CASE) whole-value match.
      const body = e.pattern.wildcard ? e.pattern.text.split('*').map((s) => s.replace(RE_SPECIAL, '\\$&')).join('.*') : e.pattern.text.replace(RE_SPECIAL, '\\$&');
      return `(${present} AND match(${evalField(e.field)}, ${quoteString(`${e.pattern.caseSensitive ? '(?s)' : '(?is)'}^${body}$`, 'eval')}))`;
    }
    default:
      return fail('SIGMA-SPL-UNSUPPORTED', `'${e.kind}' in a where expression`);
  }
}

function flattenAnd(e: PlanExpr): PlanExpr[] {
  return e.kind === 'and' ? e.items.flatMap(flattenAnd) : [e];
}

function printScan(pred: PlanExpr | null): string {
  if (!pred) return 'search *';
  const items = flattenAnd(pred);
  const search = items.filter(searchSafe);
  const where = items.filter((i) => !searchSafe(i));
  const head = search.length ? printSearch({ kind: 'and', items: search }, true) : '*';
  return where.length ? `${head} | where ${where.map(printEval).join(' AND ')}` : head;
}

function printNode(n: PlanNode): string {
  switch (n.kind) {
    case 'scan':
      return printScan(n.predicate);
    case 'filter':
      return `${printNode(n.input)} | where ${printEval(n.predicate)}`;
    case 'eval':
      return `${printNode(n.input)} | eval ${n.assignments.map((a) => `${evalField(a.field)}=${printEval(a.expr)}`).join(', ')}`;
    case 'table':
      return `${printNode(n.input)} | table ${n.fields.map(searchField).join(', ')}`;
    case 'rename':
      return `${printNode(n.input)} | rename ${n.pairs.map((x) => `${searchField(x.from)} AS ${searchField(x.to)}`).join(', ')}`;
    case 'bin':
      return `${printNode(n.input)} | bin ${n.field} span=${n.options.span}${n.as !== n.field ? ` AS ${n.as}` : ''}`;
    case 'aggregate': {
      const aggs = n.aggregations.map((a) => `${a.fn}${a.arg ? `(${printEval(a.arg)})` : ''} AS ${a.as}`).join(', ');
      return `${printNode(n.input)} | ${n.mode} ${aggs}${n.by.length ? ` BY ${n.by.map(searchField).join(', ')}` : ''}`;
    }
    case 'sort': {
      const key = (k: { field: string; descending: boolean; type: string }) => `${k.descending ? '-' : ''}${k.type === 'auto' ? searchField(k.field) : `${k.type}(${searchField(k.field)})`}`;
      return `${printNode(n.input)} | sort ${n.limit} ${n.keys.map(key).join(', ')}`;
    }
    case 'makemv':
      return `${printNode(n.input)} | makemv ${n.tokenizer !== null ? `tokenizer=${quoteString(n.tokenizer)}` : `delim=${quoteString(n.delim ?? ' ')}`}${n.allowempty ? ' allowempty=true' : ''} ${searchField(n.field)}`;
    case 'mvexpand':
      return `${printNode(n.input)} | mvexpand ${searchField(n.field)}${n.limit !== null ? ` limit=${n.limit}` : ''}`;
    case 'union':
      return `| multisearch ${n.inputs.map((i) => `[search ${printNode(i)}]`).join(' ')}`;
    default:
      return fail('SIGMA-SPL-UNSUPPORTED', `plan node '${n.kind}' has no SPL printer for Sigma`);
  }
}

/** A predicate as an SPL `where` expression (the lowered Sigma conditions, and a rule's allowlist filter). */
export function planExprToSplWhere(e: PlanExpr): string {
  return printEval(e);
}

/** The SPL of one lowered Sigma query. */
export function sigmaPlanToSpl(root: PlanNode): string {
  const text = printNode(root);
  return text.startsWith('|') ? text : `search ${text}`;
}
