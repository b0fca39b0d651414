// The one entry point for translation: target name -> translator and checker. The CLI (`convert`), the web
// rule pages and the tests call translate()/checkTranslation() and never a backend directly.

import type { QueryPlan } from '../plan/nodes.ts';
import type { RuleMeta, Target, TranslateOptions, Translation } from './backend.ts';
import { translateEsql, translateEsqlQueries } from './esql/index.ts';
import { checkEsql } from './esql/validate.ts';
import { translateKql } from './kql/index.ts';
import { kqlErrors } from './kql/validate.ts';
import { translateSigma, translateSigmaDocuments } from './sigma/index.ts';
import { checkSigmaDocuments } from './sigma/validate.ts';
import { translateSql, translateSqlScript } from './sql/index.ts';
import { explainSqlScript } from './sql/run-duckdb.ts';

export { TARGETS, type Target, type RuleMeta, type Translation, type TranslateOptions } from './backend.ts';

const TRANSLATORS: Record<Target, (plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions) => Translation> = {
  sigma: (p, m, o) => translateSigma(p, m, o),
  kql: (p, m, o) => translateKql(p, m, o),
  esql: (p, m, o) => translateEsql(p, m, o),
  sql: (p, m, o) => translateSql(p, m, o),
};

export function translate(plan: QueryPlan, target: Target, meta: RuleMeta, opts: TranslateOptions = {}): Translation {
  return TRANSLATORS[target](plan, meta, opts);
}

/**
 * Runs the target's validator on a successful translation; returns problems as text (empty: valid).
 * sigma: official JSON schemas + condition/modifier/taxonomy checks; kql: Kusto.Language analysis against
 * the declared Sentinel tables; esql: the structural validator; sql: DuckDB binds the query (EXPLAIN).
 */
export async function checkTranslation(plan: QueryPlan, target: Target, meta: RuleMeta, opts: TranslateOptions = {}): Promise<string[]> {
  const checks: Record<Target, () => Promise<string[]>> = {
    sigma: async () => checkSigmaDocuments(translateSigmaDocuments(plan, meta, opts).docs),
    kql: async () => kqlErrors(translateKql(plan, meta, opts).text).map((i) => `${i.code} at ${i.start}: ${i.message}`),
    esql: async () => translateEsqlQueries(plan, meta, opts).queries.flatMap((q, n) => checkEsql(q.text).map((i) => `query ${n + 1} at ${i.offset}: ${i.message}`)),
    sql: async () => explainSqlScript(translateSqlScript(plan, meta, opts).script),
  };
  return checks[target]();
}
