// Derives, from query plans, the byte terms every event reaching any scan leaf must contain: the predicate's
// literal terms (plan/required-terms.ts: bare terms; field values of real JSON keys only, never aliases or
// default fields) plus a JSON key that the sourcetype's record shape requires when the scan is routed to
// sourcetypes.
// The result feeds compileLineSelector; one pass for all plans keeps a line if any scan may want it.

import type { QueryPlan } from '../plan/nodes.ts';
import { requiredSourcetypes } from '../plan/required-sourcetypes.ts';
import { aliasedSourcetypes, aliasesFor, copiedFields } from '../ingest/aliases.ts';
import { KNOWN_SOURCETYPES } from '../ingest/sourcetypes/index.ts';
import type { ByteTerm, TermClauses } from './prefilter.ts';
import { scanNodes } from './scan-filter.ts';
import { printableAscii, printableJsonText, requiredTerms } from '../plan/required-terms.ts';

const DEFAULT_FIELDS = new Set(['_time', '_raw', 'sourcetype', 'source', 'index', 'host', 'splunk_server', 'linecount', 'punct', 'eventtype', 'tag']);


/**
 * Whether a field's values are read from the record's own JSON text (so they occur in _raw): a record key,
 * or an alias that copies record keys' values unchanged in every sourcetype that defines it (e.g. Azure
 * Activity's operationName.value bridge), never a computed alias.
 */
export function fieldValueInRaw(field: string, seen: ReadonlySet<string> = new Set()): boolean {
  if (DEFAULT_FIELDS.has(field) || field.startsWith('_')) return false;
  // Aliases that copy each other (Activity's two caller-address names) add no value of their own in a loop.
  if (seen.has(field)) return true;
  const inner = new Set(seen).add(field);
  for (const st of aliasedSourcetypes()) {
    if (!aliasesFor(st)?.[field]) continue;
    const copied = copiedFields(st, field);
    if (copied === null || !copied.every((f) => fieldValueInRaw(f, inner))) return false;
  }
  return true;
}

export interface ScanTermOptions {
  /** Sourcetype forced by the reader (--sourcetype): record shapes are not checked, so no shape keys. */
  readonly forcedSourcetype?: boolean;
}

/** One clause list per scan leaf of every plan. */
export function planTermClauses(plans: readonly QueryPlan[], opts: ScanTermOptions = {}): TermClauses[] {
  const out: TermClauses[] = [];
  for (const plan of plans) {
    for (const node of scanNodes(plan)) {
      const predicate = node.kind === 'scan' ? node.predicate : null;
      const clauses: ByteTerm[][] = requiredTerms(predicate, { fieldValueInRaw: (f) => fieldValueInRaw(f), valueText: printableJsonText, termText: printableAscii }).map((c) => [...c]);
      const shape = opts.forcedSourcetype ? null : shapeClause(requiredSourcetypes(predicate));
      if (shape) clauses.push(shape);
      out.push(clauses);
    }
  }
  return out;
}

function shapeClause(sourcetypes: readonly string[] | null): ByteTerm[] | null {
  if (sourcetypes === null || sourcetypes.length === 0) return null;
  const keys: ByteTerm[] = [];
  for (const st of sourcetypes) {
    const key = KNOWN_SOURCETYPES.find((d) => d.name === st)?.requiredKey;
    if (!key) return null;
    // As written in raw JSON: quoted, case-sensitive (a key spelt with escapes keeps its line: see prefilter.ts).
    keys.push({ text: JSON.stringify(key), caseSensitive: true });
  }
  return keys;
}
