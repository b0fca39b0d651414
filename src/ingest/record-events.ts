// One record's text -> events: parse it, report what is not a JSON object, and expand a CloudTrail/Azure
// `{"Records":[...]}` / `{"records":[...]}` wrapper (one whose records key was not streamed) into its elements.
// Shared by the ingest reader and the fast scan path, so both make the same events and the same reports.

import { TIME_OUT_OF_RANGE_MESSAGE } from '../core/event-time.ts';
import type { JsonEvent } from './json-event.ts';
import { eventFromParsed, type EventContext } from './make-event.ts';

export function recordEvents(text: string, ctx: EventContext, out: JsonEvent[], report: (message: string) => void): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    report(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    report('not a JSON object; skipped');
    return;
  }
  const record = parsed as Record<string, unknown>;
  const badTimes = ctx.timesOutOfRange;
  addEvents(text, record, ctx, out, report);
  if (ctx.timesOutOfRange !== badTimes) report(TIME_OUT_OF_RANGE_MESSAGE);
}

function addEvents(text: string, record: Record<string, unknown>, ctx: EventContext, out: JsonEvent[], report: (message: string) => void): void {
  const wrapped = Array.isArray(record.Records) ? record.Records : Array.isArray(record.records) ? record.records : null;
  if (wrapped && !ctx.sourcetype && Object.keys(record).length <= 2) {
    for (const element of wrapped) {
      if (element !== null && typeof element === 'object' && !Array.isArray(element)) {
        out.push(eventFromParsed(JSON.stringify(element), element as Record<string, unknown>, ctx));
      } else report('Records element is not a JSON object; skipped');
    }
    return;
  }
  out.push(eventFromParsed(text, record, ctx));
}
