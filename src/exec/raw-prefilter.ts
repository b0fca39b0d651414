// A byte-level prefilter for scans: before a JSON event is parsed, check that its raw text contains the
// literals every match must contain (plan/required-terms.ts), so most non-matching events are never parsed.
// Field values count only where they must appear verbatim in _raw: fields read from the JSON record itself,
// never the default fields (sourcetype, index, ...) nor the add-on aliases of the event's sourcetype, which
// are computed. Applied only to JsonEvent, whose fields all come from JSON.parse(_raw) or those aliases.
// Required field text is limited to [A-Za-z0-9 ._:@-] and never numeric (required-terms.ts). An event whose raw
// text holds a \uXXXX escape is always kept: an encoder may write even plain characters that way, so its bytes
// cannot prove a literal absent.

import type { Event } from '../core/event.ts';
import { aliasesFor } from '../ingest/aliases.ts';
import { JsonEvent } from '../ingest/json-event.ts';
import type { PlanExpr } from '../plan/nodes.ts';
import { requiredTerms, type RequiredTerms } from '../plan/required-terms.ts';
import type { Row } from './row.ts';

const COMPUTED = new Set(['_time', 'sourcetype', 'source', 'index', 'host', 'splunk_server', 'linecount', 'punct']);

export type RawPrefilter = (event: Event, row: Row) => boolean;

/** null when the predicate requires no literal at all (nothing to gain). */
export function compileRawPrefilter(predicate: PlanExpr | null): RawPrefilter | null {
  if (requiredTerms(predicate, { fieldValueInRaw: () => true }).length === 0) return null;
  const bySourcetype = new Map<string, RequiredTerms>();
  const termsFor = (sourcetype: string): RequiredTerms => {
    let terms = bySourcetype.get(sourcetype);
    if (!terms) {
      const aliases = aliasesFor(sourcetype);
      const fieldValueInRaw = (f: string) => !COMPUTED.has(f) && !(aliases && f in aliases);
      // One clause per OR: each clause is a scan of the raw text per event (the block prefilter takes more).
      terms = requiredTerms(predicate, { fieldValueInRaw, maxOrClauses: 1 });
      bySourcetype.set(sourcetype, terms);
    }
    return terms;
  };
  return (event, row) => {
    if (!(event instanceof JsonEvent) || event._raw.includes('\\u')) return true;
    for (const clause of termsFor(event.sourcetype)) {
      let found = false;
      for (const t of clause) {
        if (t.caseSensitive ? event._raw.includes(t.text) : row.lowerRaw().includes(t.text.toLowerCase())) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  };
}
