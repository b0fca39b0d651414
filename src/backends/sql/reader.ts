// Reading the raw JSON logs in DuckDB. One read_json with records = false and the type MAP(VARCHAR, JSON):
// each record is parsed once and keeps its top-level keys, matched exactly. Typed read_json columns parse
// as fast, but DuckDB column names are case-insensitive, so `Records` and `records` (or `category` and
// `Category`) could not both be read, and the wrappers need both.
// CloudTrail {"Records": [...]} files and Azure {"records": [...]} batches hold their records in an array;
// `wrapperElements` lists their elements as record maps. Unnesting copies every row it passes, so the query
// unnests only the wrappers and lets other records through as they are (index.ts).

import { sqlString } from './quoting.ts';

/** One row per top-level JSON value of the inputs, column `m` (NULL for text that is no JSON object). */
export function filesCte(inputs: readonly string[]): string {
  return `files AS (SELECT m FROM read_json([${inputs.map(sqlString).join(', ')}], format = 'auto', ignore_errors = true, records = false, columns = {m: 'MAP(VARCHAR, JSON)'}))`;
}

/** True when the record in `m` is a wrapper: its Records or records key holds an array. */
export const IS_WRAPPER = "(json_type(m['Records']) = 'ARRAY' OR json_type(m['records']) = 'ARRAY')";

/** The elements of a wrapper array under `key` as record maps, or [] when the key holds no array. */
function elements(key: string): string {
  const v = `m[${sqlString(key)}]`;
  return `CASE WHEN json_type(${v}) = 'ARRAY' THEN list_transform(json_extract(${v}, '$[*]'), e -> from_json(e, '"MAP(VARCHAR, JSON)"')) ELSE [] END`;
}

/** The records inside a wrapper, as a list of maps (NULL for a record that is no wrapper). */
export const WRAPPER_ELEMENTS = `CASE WHEN ${IS_WRAPPER} THEN list_concat(${elements('Records')}, ${elements('records')}) END`;

/** `SELECT ... FROM from` giving one row `m` per record: a wrapper's elements, any other record itself. */
export function openWrappers(from: string): string {
  return `SELECT unnest(coalesce(${WRAPPER_ELEMENTS}, [m])) AS m FROM ${from}`;
}
