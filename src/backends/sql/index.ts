// The SQL target: one DuckDB script over the raw JSON log files. `raw` reads each record once as a map of its
// top-level keys (reader.ts); `rec` projects the fields the query reads once per record, each by a helper
// macro (objects are not values; `{}` paths give lists), and the record's sourcetype from its shape
// (detect.ts, mirroring ingest detection). Each branch filters its sourcetype and runs its operators.

import type { QueryPlan } from '../../plan/nodes.ts';
import { Problems, type RuleMeta, type TranslateOptions, type Translation } from '../backend.ts';
import { splitBranches, unionFieldUnknown } from '../branches.ts';
import type { Scope } from '../scope.ts';
import { SqlBranch } from './branch.ts';
import { sqlString } from './quoting.ts';
import { sourcetypeCase, sqlMapping } from './detect.ts';
import { filesCte, IS_WRAPPER, WRAPPER_ELEMENTS } from './reader.ts';
import { INTERNAL_PREFIX, RecordColumns, SOURCETYPE_COLUMN } from './record-columns.ts';

export { sqlMapping, type SqlSourcetype } from './detect.ts';

/** Statements that define the field readers; run before the query. `j` is a top-level key's JSON value, `p` a path inside it. */
export const SQL_PRELUDE: readonly string[] = [
  // A JSON value as a Splunk scalar: objects and arrays are not values. The reader writes JSON text without
  // leading blanks and is never empty, so the first character gives the type without parsing.
  "CREATE OR REPLACE TEMP MACRO sl_val(v) AS CASE WHEN contains('{[', left(v, 1)) THEN NULL ELSE json_extract_string(v, '$') END",
  // _time as the ingest reads it: ISO text (zone-less = UTC) or epoch seconds / milliseconds.
  "CREATE OR REPLACE TEMP MACRO sl_time(j, p) AS CASE WHEN json_type(j, p) = 'VARCHAR' THEN epoch(TRY_CAST(json_extract_string(j, p) AS TIMESTAMPTZ)) WHEN json_type(j, p) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CASE WHEN TRY_CAST(json_extract_string(j, p) AS DOUBLE) > 1e11 THEN TRY_CAST(json_extract_string(j, p) AS DOUBLE) / 1000 ELSE TRY_CAST(json_extract_string(j, p) AS DOUBLE) END END",
  // An IPv4 address as a number for cidrmatch(); null when the text is not a dotted quad.
  "CREATE OR REPLACE TEMP MACRO sl_ip4(s) AS CASE WHEN regexp_full_match(s, '(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})') AND list_bool_and(list_transform(string_split(s, '.'), o -> o::INTEGER <= 255)) THEN ((split_part(s, '.', 1)::BIGINT * 256 + split_part(s, '.', 2)::BIGINT) * 256 + split_part(s, '.', 3)::BIGINT) * 256 + split_part(s, '.', 4)::BIGINT END",
  "CREATE OR REPLACE TEMP MACRO sl_mv(j, p) AS CASE WHEN len(list_filter(json_extract_string(j, p), x -> x IS NOT NULL)) = 0 THEN NULL ELSE list_filter(json_extract_string(j, p), x -> x IS NOT NULL) END",
];

/** What the query reads when no input is given (`convert --input` changes it). */
export const DEFAULT_SQL_INPUT: readonly string[] = ['logs/*.json'];

export interface SqlScript {
  readonly statements: readonly string[];
}

export function translateSqlScript(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): { script: SqlScript; problems: Problems } {
  const problems = new Problems();
  const split = splitBranches(plan, problems);
  if (!split) return { script: { statements: [] }, problems };
  const inputs = opts.sqlInput ?? DEFAULT_SQL_INPUT;
  const columns = new RecordColumns();
  const starts: string[] = [];
  const branchCtes: string[] = [];
  const finals: { rel: string; scope: Scope; projected: boolean }[] = [];
  for (const br of split.branches) {
    const st = sqlMapping().sourcetypes[br.sourcetype] ?? null;
    const b = new SqlBranch(problems, `b${br.index}`, br.sourcetype, st, 'rec', columns, opts.lookupDirs ?? []);
    problems.context = br.scan.span;
    if (!st) problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `no record-shape rule for ${br.sourcetype}`, br.scan);
    // The search's own condition first: it is usually the more selective, and DuckDB evaluates the
    // sourcetype test only on the rows it keeps.
    const start = `(${[...(br.predicate ? [b.bool(br.predicate)] : []), `${SOURCETYPE_COLUMN} = ${sqlString(br.sourcetype)}`].join('\n    AND ')})`;
    starts.push(start);
    b.push((from) => `SELECT * FROM ${from}\n  WHERE ${start}`);
    for (const op of br.ops) b.op(op);
    branchCtes.push(...b.ctes.map((c) => `${c.name} AS (${c.sql})`));
    finals.push({ rel: b.relation, scope: b.scope, projected: b.projected });
  }
  const sourcetypes = split.branches.map((br) => br.sourcetype);
  // The sourcetype and the fields of each record, computed once; `keep` adds more columns.
  const project = (from: string, keep: readonly string[] = []) =>
    `SELECT ${[`${sourcetypeCase(sourcetypes)} AS ${SOURCETYPE_COLUMN}`, ...columns.selectItems(), ...keep].join(',\n    ')}\n  FROM ${from}`;
  const wrapped = `${INTERNAL_PREFIX}wrapped`;
  const ctes = [
    filesCte(inputs),
    // One pass over the files: the records no branch can keep are dropped first, the fields of the others
    // are computed once and kept (MATERIALIZED), and wrappers keep their elements for rec.
    `candidates AS MATERIALIZED (${project('files', [`${WRAPPER_ELEMENTS} AS ${wrapped}`])}\n  WHERE ${IS_WRAPPER}\n    OR ${starts.join('\n    OR ')})`,
    // Unnesting copies the rows it passes, so only wrappers go through it.
    `rec AS (SELECT * EXCLUDE (${wrapped}) FROM candidates WHERE ${wrapped} IS NULL\n  UNION ALL BY NAME ${project(`(SELECT unnest(${wrapped}) AS m FROM candidates WHERE ${wrapped} IS NOT NULL)`)})`,
    ...branchCtes,
  ];
  let last = finals[0]?.rel ?? 'rec';
  let open = finals.some((f) => !f.projected);
  let outScope = finals[0]?.scope;
  if (split.union) {
    ctes.push(`u AS (${finals.map((f) => `SELECT * FROM ${f.rel}`).join(' UNION ALL BY NAME ')})`);
    const post = new SqlBranch(problems, 'p', '', null, 'u', columns, opts.lookupDirs ?? []);
    const union = split.union;
    post.scope.unionOf(finals.map((f) => f.scope), (name) => unionFieldUnknown(problems, name, union));
    for (const op of split.post) post.op(op);
    ctes.push(...post.ctes.map((c) => `${c.name} AS (${c.sql})`));
    last = post.relation;
    // A projection after the union leaves only its own columns.
    if (post.projected) open = false;
    outScope = post.scope;
  }
  // Rows that never went through a projection still carry the reader's columns: leave them out.
  const select = open && (outScope?.columnNames().length ?? 0) > 0 ? `COLUMNS(c -> NOT starts_with(c, ${sqlString(INTERNAL_PREFIX)}))` : '*';
  // Where the logs are read from is the one thing a user changes before running the script: say how.
  const from = `-- Reads ${inputs.join(', ').replace(/[\r\n]/g, ' ')} (read_json below; regenerate with \`sightline convert --to sql --input 'a/**/*.json.gz,b.json'\` for other files).\n`;
  const header = `-- ${meta.id}: ${meta.title}\n-- Generated by sightline from the rule's logical plan: DuckDB over raw JSON logs.\n${from}`;
  const query = `${header}WITH\n${ctes.map((c) => `  ${c}`).join(',\n')}\nSELECT ${select} FROM ${last}`;
  return { script: { statements: [...SQL_PRELUDE, query] }, problems };
}

export function translateSql(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): Translation {
  const { script, problems } = translateSqlScript(plan, meta, opts);
  return { target: 'sql', ok: !problems.failed, text: script.statements.map((s) => `${s};\n`).join('\n'), diagnostics: problems.list };
}
