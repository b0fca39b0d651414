// Reads one top-level key out of a keyword that holds a JSON object as Java map text (`{k=v, k2=[a, b]}`),
// the only ES|QL-readable copy of CloudTrail requestParameters (the flattened copy cannot be read). The text
// is not JSON: strings are unquoted, so the GROK pattern built here accepts only layouts it can read exactly
// and yields null for everything else; the residual ambiguity is documented in docs/translation.md (ES|QL).

/** Nesting depth of the other parameters the pattern can step over (deeper objects read as null). */
export const MAP_TEXT_DEPTH = 8;

/**
 * Facts about a map-text keyword in an Elastic integration. CloudTrail: the ingest pipeline stores
 * `ctx.json.requestParameters.toString()` after a script dropped null and empty values recursively
 * (elastic/integrations packages/aws/data_stream/cloudtrail/elasticsearch/ingest_pipeline/default.yml), and
 * fields.yml maps aws.cloudtrail.request_parameters as keyword with `ignore_above: 8191`.
 */
export interface MapTextSource {
  readonly ignoreAbove: number;
}

/** A key the mapping may extract: plain identifier characters, so it needs no regex escaping. */
export function isPlainKey(key: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(key);
}

/** Balanced `{...}` / `[...]` text nested at most `depth` levels, with no bracket inside its strings. */
function nested(depth: number): string {
  let inner = '[^{}\\[\\]]*';
  for (let d = 1; d < depth; d++) inner = `(?:[^{}\\[\\]]|[{\\[]${inner}[}\\]])*`;
  return `[{\\[]${inner}[}\\]]`;
}

/**
 * The Oniguruma (GROK) pattern that captures the value of top-level `key` into `column`:
 *   \A\{ (key= | other entries, key=) VALUE (, nextkey=rest)? \}\z
 * - "Top level": the other entries are stepped over as balanced bracket groups, so a nested map or list
 *   that holds the same key name (`targets=[{key=InstanceIds, ...}]`) is never read.
 * - Exactly one top-level `, key=`: the text before and after may not contain it again (tempered token),
 *   so a string value that itself contains `, key=` makes the row null instead of picking either.
 * - VALUE is a scalar: no `{ } [ ]` and no `, ` (Java's entry separator); a nested value reads as null,
 *   as Splunk has no leaf of that name for an object or array.
 * - After VALUE comes `}` or `, <name>=`, so a value with `, ` that is not followed by a key is not cut.
 */
export function mapTextPattern(key: string, column: string, depth = MAP_TEXT_DEPTH): string {
  if (!isPlainKey(key) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)) throw new Error(`map-text key or column not plain: ${key}, ${column}`);
  const other = `(?:(?!, ${key}=)[^{}\\[\\]]|${nested(depth)})*`;
  const value = `(?<${column}>(?:[^,{}\\[\\]]|,(?! ))+)`;
  return `\\A\\{(?:${key}=|(?!${key}=)${other}, ${key}=)${value}(?:, (?!${key}=)[^\\s=,{}\\[\\]]+=${other})?\\}\\z`;
}
