// The SQL target: one DuckDB script over the raw JSON log files. Two helper macros read a Splunk field from a
// record (objects are not values; `{}` paths give lists); a CTE `raw` reads the files, each branch filters
// its sourcetype by record shape (sql/mapping.yml, mirroring ingest detection) and runs its operators.

import type { QueryPlan } from '../../plan/nodes.ts';
import { Problems, type RuleMeta, type TranslateOptions, type Translation } from '../backend.ts';
import { splitBranches, unionFieldUnknown } from '../branches.ts';
import { loadMappingData } from '../mapping-data.ts';
import type { Scope } from '../scope.ts';
import { SqlBranch } from './branch.ts';
import { jsonPath, sqlString } from './quoting.ts';

export type Detect =
  | { readonly all: readonly Detect[] }
  | { readonly any: readonly Detect[] }
  | { readonly not: Detect }
  | { readonly string: string }
  | { readonly object: string }
  | { readonly present: string }
  | { readonly equals: string; readonly values: readonly string[]; readonly case_sensitive?: boolean }
  | { readonly contains: string; readonly text: string }
  | { readonly starts_with: string; readonly text: string };

export type SqlAlias = { readonly first: readonly string[] } | { readonly constant: string } | { readonly json_paths: readonly string[] };

export interface SqlSourcetype {
  readonly detect: Detect;
  readonly time: readonly string[];
  readonly aliases?: Readonly<Record<string, SqlAlias>>;
  readonly untranslated_aliases?: readonly string[];
}
interface SqlMapping {
  readonly detect_order: readonly string[];
  readonly sourcetypes: Readonly<Record<string, SqlSourcetype>>;
}

export function sqlMapping(): SqlMapping {
  return loadMappingData<SqlMapping>('sql/mapping.yml');
}

/** Statements that define the field readers; run before the query. */
export const SQL_PRELUDE: readonly string[] = [
  "CREATE OR REPLACE TEMP MACRO sl_str(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END",
  // _time as the ingest reads it: ISO text (zone-less = UTC) or epoch seconds / milliseconds.
  "CREATE OR REPLACE TEMP MACRO sl_time(j, p) AS CASE WHEN json_type(j, p) = 'VARCHAR' THEN epoch(TRY_CAST(json_extract_string(j, p) AS TIMESTAMPTZ)) WHEN json_type(j, p) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CASE WHEN TRY_CAST(json_extract_string(j, p) AS DOUBLE) > 1e11 THEN TRY_CAST(json_extract_string(j, p) AS DOUBLE) / 1000 ELSE TRY_CAST(json_extract_string(j, p) AS DOUBLE) END END",
  // An IPv4 address as a number for cidrmatch(); null when the text is not a dotted quad.
  "CREATE OR REPLACE TEMP MACRO sl_ip4(s) AS CASE WHEN regexp_full_match(s, '(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})') AND list_bool_and(list_transform(string_split(s, '.'), o -> o::INTEGER <= 255)) THEN ((split_part(s, '.', 1)::BIGINT * 256 + split_part(s, '.', 2)::BIGINT) * 256 + split_part(s, '.', 3)::BIGINT) * 256 + split_part(s, '.', 4)::BIGINT END",
  "CREATE OR REPLACE TEMP MACRO sl_mv(j, p) AS CASE WHEN len(list_filter(json_extract_string(j, p), x -> x IS NOT NULL)) = 0 THEN NULL ELSE list_filter(json_extract_string(j, p), x -> x IS NOT NULL) END",
];

const path = (p: string) => sqlString(jsonPath(p)!.path);

/** A detection condition as a two-valued SQL boolean (never NULL, so NOT works as in the ingest code). */
function detects(d: Detect): string {
  if ('all' in d) return `(${d.all.map(detects).join(' AND ')})`;
  if ('any' in d) return `(${d.any.map(detects).join(' OR ')})`;
  if ('not' in d) return `(NOT ${detects(d.not)})`;
  if ('string' in d) return `coalesce(json_type(j, ${path(d.string)}) = 'VARCHAR', false)`;
  if ('object' in d) return `coalesce(json_type(j, ${path(d.object)}) = 'OBJECT', false)`;
  if ('present' in d) return `coalesce(json_type(j, ${path(d.present)}) IS NOT NULL, false)`;
  if ('equals' in d) {
    const v = d.case_sensitive ? `sl_str(j, ${path(d.equals)})` : `lower(sl_str(j, ${path(d.equals)}))`;
    return `coalesce(${v} IN (${d.values.map((x) => sqlString(d.case_sensitive ? x : x.toLowerCase())).join(', ')}), false)`;
  }
  if ('contains' in d) return `coalesce(contains(lower(sl_str(j, ${path(d.contains)})), ${sqlString(d.text.toLowerCase())}), false)`;
  return `coalesce(starts_with(lower(sl_str(j, ${path(d.starts_with)})), ${sqlString(d.text.toLowerCase())}), false)`;
}

/** The record-shape test for a sourcetype: it matches and no sourcetype earlier in detect_order does. */
export function sourcetypeCondition(sourcetype: string): string | null {
  const m = sqlMapping();
  const own = m.sourcetypes[sourcetype];
  if (!own) return null;
  const earlier = m.detect_order.slice(0, m.detect_order.indexOf(sourcetype)).map((s) => m.sourcetypes[s]).filter((s): s is SqlSourcetype => !!s);
  return [detects(own.detect), ...earlier.map((e) => `NOT ${detects(e.detect)}`)].join('\n    AND ');
}

export interface SqlScript {
  readonly statements: readonly string[];
}

export function translateSqlScript(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): { script: SqlScript; problems: Problems } {
  const problems = new Problems();
  const split = splitBranches(plan, problems);
  if (!split) return { script: { statements: [] }, problems };
  const inputs = opts.sqlInput ?? ['logs/*.json'];
  const ctes: string[] = [
    `files AS (SELECT json FROM read_json_objects([${inputs.map(sqlString).join(', ')}], format = 'auto', ignore_errors = true))`,
    // CloudTrail {"Records": [...]} files and Azure {"records": [...]} batches hold the records in an array.
    `raw AS (SELECT json AS j FROM files WHERE json_type(json, '$.Records') IS DISTINCT FROM 'ARRAY' AND json_type(json, '$.records') IS DISTINCT FROM 'ARRAY'\n` +
      `    UNION ALL SELECT unnest(json_extract(json, '$.Records[*]')) FROM files WHERE json_type(json, '$.Records') = 'ARRAY'\n` +
      `    UNION ALL SELECT unnest(json_extract(json, '$.records[*]')) FROM files WHERE json_type(json, '$.records') = 'ARRAY')`,
  ];
  const finals: { rel: string; scope: Scope }[] = [];
  for (const br of split.branches) {
    const st = sqlMapping().sourcetypes[br.sourcetype] ?? null;
    const b = new SqlBranch(problems, `b${br.index}`, br.sourcetype, st, 'raw', opts.lookupDirs ?? []);
    problems.context = br.scan.span;
    const detect = sourcetypeCondition(br.sourcetype);
    if (!detect) problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `no record-shape rule for ${br.sourcetype}`, br.scan);
    const where = [detect ?? 'FALSE', ...(br.predicate ? [b.bool(br.predicate)] : [])];
    b.push((from) => `SELECT j FROM ${from}\n  WHERE ${where.join('\n    AND ')}`);
    for (const op of br.ops) b.op(op);
    ctes.push(...b.ctes.map((c) => `${c.name} AS (${c.sql})`));
    finals.push({ rel: b.relation, scope: b.scope });
  }
  let last = finals[0]?.rel ?? 'raw';
  if (split.union) {
    ctes.push(`u AS (${finals.map((f) => `SELECT * FROM ${f.rel}`).join(' UNION ALL BY NAME ')})`);
    const post = new SqlBranch(problems, 'p', '', null, 'u', opts.lookupDirs ?? []);
    const union = split.union;
    post.scope.unionOf(finals.map((f) => f.scope), (name) => unionFieldUnknown(problems, name, union));
    for (const op of split.post) post.op(op);
    ctes.push(...post.ctes.map((c) => `${c.name} AS (${c.sql})`));
    last = post.relation;
  }
  const header = `-- ${meta.id}: ${meta.title}\n-- Generated by sightline from the rule's logical plan: DuckDB over raw JSON logs.\n`;
  const query = `${header}WITH\n${ctes.map((c) => `  ${c}`).join(',\n')}\nSELECT * FROM ${last}`;
  return { script: { statements: [...SQL_PRELUDE, query] }, problems };
}

export function translateSql(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): Translation {
  const { script, problems } = translateSqlScript(plan, meta, opts);
  return { target: 'sql', ok: !problems.failed, text: script.statements.map((s) => `${s};\n`).join('\n'), diagnostics: problems.list };
}
