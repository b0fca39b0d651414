// Shared helpers of the Sigma import tests: CloudTrail-shaped events from a few fields, and "which of these
// events does this Sigma detection match" through the real loader, lowering and executor.

import type { Event } from '../../src/core/event.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import type { Alert } from '../../src/rules/alert.ts';

let seq = 0;
/** A CloudTrail event with the given extra fields, one second after the previous one unless eventTime is set. */
export function ct(fields: Record<string, unknown>, time?: string): Event {
  const t = time ?? new Date(Date.UTC(2026, 10, 20, 16, 0, 0) + 1000 * seq++).toISOString();
  return makeEvent({ eventVersion: '1.08', eventTime: t, eventSource: 'test.amazonaws.com', eventName: 'Test', ...fields }, { sourcetype: 'aws:cloudtrail' });
}

/** A Sigma CloudTrail rule with this detection body (YAML, indented under `detection:`). */
export function cloudtrailRule(detection: string, extra = ''): string {
  return `title: test rule\nid: test-rule\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection.replace(/^/gm, '  ')}\n${extra}`;
}

export async function runYaml(yaml: string, events: readonly Event[], placeholders?: Record<string, string[]>): Promise<Alert[]> {
  const queries = lowerSigma(parseSigmaText(yaml, 'test.yml'), placeholders ? { placeholders } : {});
  return runSigma(queries, events);
}

/** For each event: did the rule match it (alone)? */
export async function matchesEach(yaml: string, events: readonly Event[], placeholders?: Record<string, string[]>): Promise<boolean[]> {
  const queries = lowerSigma(parseSigmaText(yaml, 'test.yml'), placeholders ? { placeholders } : {});
  const out: boolean[] = [];
  for (const ev of events) out.push((await runSigma(queries, [ev])).length > 0);
  return out;
}

/** The SightlineError code a function throws, or null. */
export function errorCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    const d = (e as { diagnostic?: { code: string } }).diagnostic;
    if (!d) throw e;
    return d.code;
  }
}
