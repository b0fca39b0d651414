// Lint check across a rule's sections: the AlertType values the SPL assigns are exactly the declared
// `alert_types`, every declared entity is an output field (suppression and OCSF observables key on them),
// and every fixture file a test names exists. A mismatch means tests and alerts talk about different things.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Command, Expr, Pipeline } from '../../spl/ast/nodes.ts';
import { parseSpl } from '../../spl/index.ts';
import type { Rule } from '../load.ts';
import { outputFields } from './check-unknown-fields.ts';

/** String literals an expression can evaluate to: the literal itself, or the result arguments of if/case/coalesce. */
function literalResults(e: Expr): string[] {
  if (e.kind === 'string') return [e.value];
  if (e.kind !== 'call') return [];
  const name = e.name.toLowerCase();
  // if(cond, then, else); case(cond1, value1, cond2, value2, ...); coalesce(a, b, ...)
  const results = name === 'if' ? e.args.slice(1) : name === 'case' ? e.args.filter((_, i) => i % 2 === 1) : name === 'coalesce' ? e.args : [];
  return results.flatMap(literalResults);
}

function alertTypesAssigned(p: Pipeline, out: Set<string>): void {
  for (const c of p.commands as readonly Command[]) {
    if (c.kind === 'eval') for (const a of c.assignments) if (a.field === 'AlertType') literalResults(a.expr).forEach((v) => out.add(v));
    if (c.kind === 'multisearch' || c.kind === 'union') c.subsearches.forEach((s) => alertTypesAssigned(s, out));
    if (c.kind === 'append' || c.kind === 'join') alertTypesAssigned(c.subsearch, out);
  }
}

/** Consistency diagnostics of a loaded rule (no spans: they concern whole sections). */
export function checkRuleConsistency(rule: Rule, root = process.cwd()): Diagnostic[] {
  const out: Diagnostic[] = [];
  const parsed = parseSpl(rule.spl);
  if (parsed.ast) {
    const assigned = new Set<string>();
    alertTypesAssigned(parsed.ast, assigned);
    for (const t of rule.alert_types) {
      if (!assigned.has(t)) out.push({ code: 'RULE-ALERTTYPE-UNUSED', message: `alert_types lists ${t}, but the SPL never sets AlertType="${t}"`, severity: 'error', hint: `the SPL sets: ${[...assigned].join(', ') || '(nothing)'}` });
    }
    for (const t of assigned) {
      if (!rule.alert_types.includes(t)) out.push({ code: 'RULE-ALERTTYPE-UNDECLARED', message: `the SPL sets AlertType="${t}", which alert_types does not list`, severity: 'error', hint: 'add it to alert_types (and a test expecting it)' });
    }
    for (const t of Object.keys(rule.alert_severity ?? {})) {
      if (!rule.alert_types.includes(t)) out.push({ code: 'RULE-ALERTTYPE-UNDECLARED', message: `alert_severity names ${t}, which alert_types does not list`, severity: 'error', hint: `alert_types: ${rule.alert_types.join(', ')}` });
    }
    const { fields, fixed } = outputFields(parsed.ast, rule.sourcetypes);
    for (const e of rule.entities) {
      if (fixed && !fields.has(e)) out.push({ code: 'RULE-ENTITY-NOT-OUTPUT', message: `entity ${e} is not an output field of the SPL`, severity: 'error', hint: `output fields: ${[...fields].join(', ')}` });
    }
  }
  for (const t of rule.tests) {
    for (const f of t.fixtures ?? []) {
      if (!existsSync(resolve(root, f))) out.push({ code: 'RULE-TEST-FIXTURE', message: `test ${t.name}: fixture ${f} does not exist`, severity: 'error', hint: 'fixture paths are relative to the repository root' });
    }
  }
  return out;
}
