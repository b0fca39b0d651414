// Running a target's validator over one rule's translation (`sightline convert --check`).

import type { QueryPlan } from '../plan/nodes.ts';
import { checkTranslation, type Target } from '../backends/registry.ts';
import { translateSigmaDocuments } from '../backends/sigma/index.ts';
import { sigmaFilterDocuments } from '../backends/sigma/filters.ts';
import { checkSigmaDocuments } from '../backends/sigma/validate.ts';
import type { Rule } from '../rules/load.ts';
import { ruleLookupDirs } from '../rules/lookup-dirs.ts';
import { planRule } from '../rules/run.ts';
import { loadAllowlists } from '../rules/tuning.ts';
import { allowlistsAsSigmaFilters } from '../rules/sigma-filter.ts';
import { ruleMeta } from './rule-meta.ts';

/** Validator findings for one rule's translation (empty when valid). */
export async function checkRule(rule: Rule, to: Target, tuned = true): Promise<string[]> {
  if (to === 'sigma') {
    const { docs } = translateSigmaDocuments(planRule(rule, false), ruleMeta(rule), { lookupDirs: ruleLookupDirs(rule) });
    const filters = tuned ? sigmaFilterDocuments(allowlistsAsSigmaFilters(rule, loadAllowlists(rule)), docs, rule.date) : [];
    return checkSigmaDocuments([...docs, ...filters]);
  }
  const plan: QueryPlan = planRule(rule, tuned);
  return checkTranslation(plan, to, ruleMeta(rule), { lookupDirs: ruleLookupDirs(rule) });
}
