// Resolves Splunk fields that live inside a map-text keyword (CloudTrail requestParameters.*) for an ES|QL
// branch: a key the mapping vouches for becomes a GROK capture column, emitted once per query; a list path,
// a nested path or a key without a documented scalar format fails closed with a named error.

import type { SourcetypeMapping } from '../target-mapping.ts';
import type { Code, EsqlBranch } from './branch.ts';
import { isPlainKey, mapTextPattern } from './map-text.ts';
import { esqlIdent, esqlString } from './quoting.ts';

export interface MapTextRead {
  /** Splunk field -> GROK capture column already requested in this query. */
  readonly columns: Map<string, string>;
  /** GROK lines not yet placed in the query. */
  readonly pending: string[];
  /** Map-text keywords this query reads (each gets the platform-limit warning). */
  readonly sources: Set<string>;
}

interface ExtractEntry {
  readonly extract: string;
  readonly key: string;
}

type MapTextMapping = SourcetypeMapping & { readonly map_text_prefixes?: Readonly<Record<string, string>> };

function extractEntry(mapping: SourcetypeMapping, name: string): ExtractEntry | null {
  const e: unknown = mapping.fields[name];
  return e !== null && typeof e === 'object' && 'extract' in e && 'key' in e ? (e as ExtractEntry) : null;
}

/** The column for a map-text field, or null when the field is not inside a map-text keyword. */
export function mapTextField(b: EsqlBranch, name: string, at?: unknown): Code | null {
  const known = b.mapText.columns.get(name);
  if (known) return { text: esqlIdent(known), type: 'string' };
  const entry = extractEntry(b.mapping, name);
  if (entry) {
    if (!isPlainKey(entry.key)) return b.bad('XLATE-ESQL-MAP-TEXT-KEY', `mapping key '${entry.key}' for '${name}' is not a plain identifier`, at);
    const column = `sl_${entry.extract.split('.').pop()}_${entry.key}`;
    b.mapText.columns.set(name, column);
    b.mapText.pending.push(`| GROK ${esqlIdent(entry.extract)} ${esqlString(mapTextPattern(entry.key, column))}`);
    b.mapText.sources.add(entry.extract);
    return { text: esqlIdent(column), type: 'string' };
  }
  const prefixes = (b.mapping as MapTextMapping).map_text_prefixes ?? {};
  const hit = Object.entries(prefixes).find(([prefix]) => name.startsWith(`${prefix}.`));
  if (!hit) return null;
  const [prefix, keyword] = hit;
  const rest = name.slice(prefix.length + 1);
  if (rest.includes('{')) {
    return b.bad('XLATE-ESQL-MAP-TEXT-LIST', `'${name}' is a list inside ${keyword}, whose Java map text joins elements with ', ' that an element may itself contain: it cannot be split exactly`, at,
      'match a scalar key instead, or translate to KQL/SQL');
  }
  if (rest.includes('.')) {
    return b.bad('XLATE-ESQL-MAP-TEXT-NESTED', `'${name}' is nested inside ${keyword}; only top-level keys are read from its map text`, at);
  }
  return b.bad('XLATE-ESQL-MAP-TEXT-KEY', `'${name}' has no documented scalar format in the ES|QL mapping, so reading it from ${keyword} is not known to be exact`, at,
    'add it to src/backends/esql/mapping.yml as {extract, key} with the API reference that fixes its value format');
}
