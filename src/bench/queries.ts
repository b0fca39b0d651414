// The bench's queries, each as plans for sightline and SQL scripts for DuckDB (from the SQL translator,
// over the same file). rare-filter: one rare source address; t1021-008: the direct VM connection rule;
// stats-dc: distinct source addresses per principal; detect-pack: every rule of rules/ in one pass
// (DuckDB runs each translatable rule in turn); gzip: the T1021.008 rule over the gzip copy.

import { join } from 'node:path';
import type { QueryPlan } from '../plan/nodes.ts';
import { planQuery } from '../plan/index.ts';
import { loadRules, type Rule } from '../rules/load.ts';
import { planRule } from '../rules/run.ts';
import { translateSqlScript } from '../backends/sql/index.ts';
import { RARE_IP } from './dataset.ts';

export const QUERY_NAMES = ['rare-filter', 't1021-008', 'stats-dc', 'detect-pack', 'gzip'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export const RARE_FILTER_SPL = `sourcetype="aws:cloudtrail" sourceIPAddress="${RARE_IP}" | table _time, eventName, userIdentity.arn, sourceIPAddress`;
export const STATS_DC_SPL = 'sourcetype="aws:cloudtrail" | stats dc(sourceIPAddress) as addresses, count by userIdentity.arn';
export const T1021_RULE = 'direct-cloud-vm-connection-t1021-008';

export interface BenchQuery {
  readonly name: QueryName;
  readonly gzip: boolean;
  /** Plans sightline runs together in one pass. */
  readonly plans: readonly QueryPlan[];
  /** The plans DuckDB runs (one script each); their rows are compared with the same plans' sightline rows. */
  readonly compared: readonly number[];
  readonly lookupDirs: readonly string[];
}

export const RULES_DIR = join(import.meta.dirname, '..', '..', 'rules');

async function rules(): Promise<Rule[]> {
  return loadRules(RULES_DIR);
}

export async function benchQuery(name: QueryName): Promise<BenchQuery> {
  const lookupDirs = [join(RULES_DIR, 'lookups'), RULES_DIR];
  const single = (plan: QueryPlan, gzip = false): BenchQuery => ({ name, gzip, plans: [plan], compared: [0], lookupDirs });
  switch (name) {
    case 'rare-filter':
      return single(planQuery(RARE_FILTER_SPL));
    case 'stats-dc':
      return single(planQuery(STATS_DC_SPL));
    case 't1021-008':
    case 'gzip': {
      const rule = (await rules()).find((r) => r.id === T1021_RULE)!;
      return single(planRule(rule, true), name === 'gzip');
    }
    case 'detect-pack': {
      const all = await rules();
      const plans = all.map((r) => planRule(r, true));
      const compared = plans.map((p, i) => (sqlFor(p, ['x']) ? i : -1)).filter((i) => i >= 0);
      return { name, gzip: false, plans, compared, lookupDirs };
    }
  }
}

/** The DuckDB statements for a plan over `files`, or null when the SQL translator cannot translate it. */
export function sqlFor(plan: QueryPlan, files: readonly string[]): readonly string[] | null {
  const { script, problems } = translateSqlScript(plan, { id: 'bench', title: 'bench' }, { sqlInput: [...files] });
  return problems.failed ? null : script.statements;
}
