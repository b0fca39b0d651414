// Translating one loaded rule, as `sightline convert` writes it and the web catalog shows it.

import type { Diagnostic } from '../core/diagnostics.ts';
import { translate, TARGETS, type Target } from '../backends/registry.ts';
import { renderSigma, translateSigmaDocuments } from '../backends/sigma/index.ts';
import { sigmaFilterDocuments } from '../backends/sigma/filters.ts';
import type { Rule } from '../rules/load.ts';
import { ruleLookupDirs } from '../rules/lookup-dirs.ts';
import { planRule } from '../rules/run.ts';
import { loadAllowlists, tuningPredicate } from '../rules/tuning.ts';
import { allowlistsAsSigmaFilters } from '../rules/sigma-filter.ts';
import { parseSplStrict } from '../spl/index.ts';
import { printSpl } from '../spl/print.ts';
import { planExprToSplWhere } from '../sigma/to-spl.ts';
import { ruleMeta } from './rule-meta.ts';

export type ConvertTarget = Target | 'spl';
export const CONVERT_TARGETS: readonly ConvertTarget[] = [...TARGETS, 'spl'];

export interface ConvertOutput {
  readonly ok: boolean;
  readonly text: string;
  /** Several separate queries (ES|QL over several data streams), each a whole file; `text` bundles them. */
  readonly queries?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Translates one loaded rule. Sigma gets the untuned detection plus the allowlists as Sigma filter
 * documents (the native form of tuning there); the query languages get the tuned plan unless `tuned` is false,
 * SPL as the rule's own query with the same allowlist filter appended as a `where`.
 */
export function convertRule(rule: Rule, to: ConvertTarget, opts: { tuned?: boolean; sqlInput?: readonly string[] } = {}): ConvertOutput {
  if (to === 'spl') return { ok: true, text: `${tunedSpl(rule, opts.tuned !== false)}\n`, diagnostics: [] };
  const meta = ruleMeta(rule);
  if (to === 'sigma') {
    const { docs, problems } = translateSigmaDocuments(planRule(rule, false), meta, { lookupDirs: ruleLookupDirs(rule) });
    const filters = opts.tuned === false ? [] : sigmaFilterDocuments(allowlistsAsSigmaFilters(rule, loadAllowlists(rule)), docs, rule.date, problems);
    return { ok: !problems.failed, text: renderSigma([...docs, ...filters]), diagnostics: problems.list };
  }
  const t = translate(planRule(rule, opts.tuned !== false), to, meta, { lookupDirs: ruleLookupDirs(rule), ...(opts.sqlInput ? { sqlInput: opts.sqlInput } : {}) });
  return { ok: t.ok, text: t.text, ...(t.queries ? { queries: t.queries } : {}), diagnostics: t.diagnostics };
}

/** The rule's SPL in canonical form, followed by `| where NOT (...)` for its allowlist entries when tuned: the
 *  filter every other target applies (rules/tuning.ts), on the rule's output fields, so it goes last. */
function tunedSpl(rule: Rule, tuned: boolean): string {
  const spl = printSpl(parseSplStrict(rule.spl));
  const predicate = tuned ? tuningPredicate(loadAllowlists(rule)) : null;
  return predicate ? `${spl} | where ${planExprToSplWhere(predicate)}` : spl;
}
