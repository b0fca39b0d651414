// The bench's queries as sightline plans, each plan named by a key (its rule id, or the query's name). DuckDB
// runs the hand-written idiomatic SQL of each key (idiomatic.ts) and the SQL translator's script of each plan
// it can translate (sqlFor). rare-filter: one rare source address; t1021-008: the direct VM connection rule;
// stats-dc: distinct source addresses per principal; detect-pack: every rule of rules/ over the dataset's
// sourcetypes in one pass; gzip: the T1021.008 rule over the gzip copy.

// Rules and the SQL translator are imported where a query needs them: the sightline child of a plain query
// then starts as the CLI's search does, without loading modules it never runs.

import type { QueryPlan } from '../plan/nodes.ts';
import { planQuery } from '../plan/index.ts';
import { ruleLookupDirs } from '../rules/lookup-dirs.ts';
import { inBenchPack, RARE_FILTER_SPL, RULES_DIR, STATS_DC_SPL, T1021_RULE, type QueryName } from './query-names.ts';

export { QUERY_NAMES, type QueryName } from './query-names.ts';

export interface BenchQuery {
  readonly name: QueryName;
  readonly gzip: boolean;
  /** Plans sightline runs together in one pass. */
  readonly plans: readonly QueryPlan[];
  /** The key of each plan: its rule id, or the query name for a plain query. Rows are compared per key. */
  readonly keys: readonly string[];
  readonly lookupDirs: readonly string[];
}

// The rules' own lookup rule (rules/lookup-dirs.ts), so the bench runs them as detect and convert do.
const LOOKUP_DIRS = ruleLookupDirs({ dir: RULES_DIR });

export async function benchQuery(name: QueryName): Promise<BenchQuery> {
  const single = (plan: QueryPlan, key: string, gzip = false): BenchQuery => ({ name, gzip, plans: [plan], keys: [key], lookupDirs: LOOKUP_DIRS });
  switch (name) {
    case 'rare-filter':
      return single(planQuery(RARE_FILTER_SPL), name);
    case 'stats-dc':
      return single(planQuery(STATS_DC_SPL), name);
    case 't1021-008':
    case 'gzip': {
      const { loadRules, planRule } = await ruleModules();
      const rule = (await loadRules(RULES_DIR)).find((r) => r.id === T1021_RULE)!;
      return single(planRule(rule, true), rule.id, name === 'gzip');
    }
    case 'detect-pack': {
      const { loadRules, planRule } = await ruleModules();
      // Tuned, as `detect` runs them: the allowlists are part of what each rule returns.
      const all = (await loadRules(RULES_DIR)).filter(inBenchPack);
      return { name, gzip: false, plans: all.map((r) => planRule(r, true)), keys: all.map((r) => r.id), lookupDirs: LOOKUP_DIRS };
    }
  }
}

async function ruleModules() {
  const [{ loadRules }, { planRule }] = await Promise.all([import('../rules/load.ts'), import('../rules/run.ts')]);
  return { loadRules, planRule };
}

/** The DuckDB statements for a plan over `files`, or null when the SQL translator cannot translate it. */
export async function sqlFor(plan: QueryPlan, files: readonly string[]): Promise<readonly string[] | null> {
  const { translateSqlScript } = await import('../backends/sql/index.ts');
  const { script, problems } = translateSqlScript(plan, { id: 'bench', title: 'bench' }, { sqlInput: [...files], lookupDirs: LOOKUP_DIRS });
  return problems.failed ? null : script.statements;
}
