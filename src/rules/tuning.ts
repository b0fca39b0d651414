// The tuning filter hook: a rule's allowlists (CSV lookups reviewed in git) become one extra plan `filter`
// appended after the rule's own plan, so every executor and translator applies the same exclusion:
//   NOT ( row1 OR row2 ... ),  row = AND over its non-empty mapped cells of
//   exact: isnotnull(f) AND f="v" | wildcard: isnotnull(f) AND like(f, "v%") (f="v" when v has no `*`) | cidr: isnotnull(f) AND cidrmatch("10.0.0.0/8", f)
// The isnotnull guard keeps alerts whose field is missing: an allowlist never silences what it cannot see.
// Documented in docs/tuning.md; exported as plain data (loadAllowlists) and as Sigma filters (sigma-filter.ts).

import { existsSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { PlanExpr, QueryPlan } from '../plan/nodes.ts';
import { parseCsv } from './csv.ts';
import { ruleRelative, type Rule } from './load.ts';
import type { Allowlist } from './schema.ts';

export interface LoadedAllowlist {
  readonly allowlist: Allowlist;
  /** Path of the CSV as resolved. */
  readonly path: string;
  /** Each row as output field -> value (only mapped, non-empty cells). */
  readonly entries: readonly Readonly<Record<string, string>>[];
}

/** Reads every allowlist of a rule; throws nothing (problems are reported by checkAllowlistFiles). */
export function loadAllowlists(rule: Pick<Rule, 'dir' | 'tuning'>): LoadedAllowlist[] {
  return rule.tuning.allowlists.map((a) => {
    const path = ruleRelative(rule, a.file);
    if (!existsSync(path)) return { allowlist: a, path, entries: [] };
    const table = parseCsv(readFileSync(path, 'utf8'));
    const entries = table.rows
      .map((row) => {
        const e: Record<string, string> = {};
        for (const [column, field] of Object.entries(a.fields)) if (row[column]) e[field] = row[column]!;
        return e;
      })
      .filter((e) => Object.keys(e).length > 0);
    return { allowlist: a, path, entries };
  });
}

const field = (name: string): PlanExpr => ({ kind: 'field', name });
const lit = (value: string): PlanExpr => ({ kind: 'literal', value });
const notNull = (name: string): PlanExpr => ({ kind: 'call', fn: 'isnotnull', args: [field(name)] });

function cellMatch(match: Allowlist['match'], name: string, value: string): PlanExpr {
  const test: Record<Allowlist['match'], () => PlanExpr> = {
    exact: () => ({ kind: 'compare', op: '=', left: field(name), right: lit(value) }),
    // A value without `*` is compared exactly: like() would also read its `_` and `%` as wildcards.
    wildcard: () => (value.includes('*') ? { kind: 'like', expr: field(name), pattern: lit(value.replace(/\*/g, '%')) } : test.exact()),
    cidr: () => ({ kind: 'call', fn: 'cidrmatch', args: [lit(value), field(name)] }),
  };
  return { kind: 'and', items: [notNull(name), test[match]()] };
}

/** The predicate that keeps rows NOT matched by any allowlist entry; null when the rule has no entries. */
export function tuningPredicate(lists: readonly LoadedAllowlist[]): PlanExpr | null {
  const rows: PlanExpr[] = [];
  for (const l of lists) {
    for (const e of l.entries) {
      const cells = Object.entries(e).map(([name, value]) => cellMatch(l.allowlist.match, name, value));
      rows.push(cells.length === 1 ? cells[0]! : { kind: 'and', items: cells });
    }
  }
  if (rows.length === 0) return null;
  return { kind: 'not', operand: rows.length === 1 ? rows[0]! : { kind: 'or', items: rows } };
}

/** The rule's plan with its tuning filter appended (unchanged when there is nothing to filter). */
export function applyTuning(plan: QueryPlan, lists: readonly LoadedAllowlist[]): QueryPlan {
  const predicate = tuningPredicate(lists);
  if (!predicate) return plan;
  return { ...plan, root: { kind: 'filter', input: plan.root, predicate } };
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+\/\d{1,3}$/;

/** Lint for allowlists: the file exists, mapped columns exist, CIDRs are valid, the mapped fields are output fields. */
export function checkAllowlistFiles(rule: Rule): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of rule.tuning.allowlists) {
    const path = ruleRelative(rule, a.file);
    if (!existsSync(path)) {
      out.push({ code: 'RULE-TUNING-FILE', message: `allowlist ${a.id}: file ${a.file} does not exist`, severity: 'error', hint: 'paths are relative to the rule file; allowlists live in rules/lookups/' });
      continue;
    }
    const table = parseCsv(readFileSync(path, 'utf8'));
    for (const column of Object.keys(a.fields)) {
      if (!table.header.includes(column)) out.push({ code: 'RULE-TUNING-COLUMN', message: `allowlist ${a.id}: ${a.file} has no column "${column}" (header: ${table.header.join(', ')})`, severity: 'error', hint: 'fix the column name in `fields:` or the CSV header' });
    }
    for (const field of Object.values(a.fields)) {
      if (!rule.spl.includes(field)) out.push({ code: 'RULE-TUNING-FIELD', message: `allowlist ${a.id}: field "${field}" is not an output field of the rule's SPL`, severity: 'error', hint: 'allowlists filter the rule\'s output rows: map columns to fields the SPL tables' });
    }
    table.rows.forEach((row, k) => {
      const cells = Object.keys(a.fields).map((c) => row[c] ?? '');
      if (cells.every((c) => c === '')) out.push({ code: 'RULE-TUNING-EMPTY-ROW', message: `allowlist ${a.id}: ${a.file}:${table.lines[k]} has no value in any mapped column`, severity: 'warning', hint: 'the row is ignored; fill a mapped column or delete it' });
      if (a.match === 'cidr') {
        for (const c of cells) {
          const m = IPV4_CIDR.exec(c);
          const ok = c === '' || (m ? m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32 : IPV6_CIDR.test(c));
          if (!ok) out.push({ code: 'RULE-TUNING-CIDR', message: `allowlist ${a.id}: ${a.file}:${table.lines[k]}: "${c}" is not a CIDR range`, severity: 'error', hint: 'write a.b.c.d/n with n <= 32, or an IPv6 prefix' });
        }
      }
    });
  }
  return out;
}
