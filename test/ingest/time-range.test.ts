// Issue #19 item 2: one record with an absurd time (`"eventTime": 1e300`) ended `detect`'s table output with
// `Invalid time value` and lost every alert. Times outside 1970-01-01..9999-12-31 (core/event-time.ts) are
// now ignored per record with a notice at file:line, on the reader and the scan fast path alike, and the
// record keeps the time of the record before it (Splunk: a timeless event takes its predecessor's time).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetect } from '../../src/cli/commands/detect.ts';
import { readEvents, type MalformedInput } from '../../src/ingest/read.ts';
import { formatAlerts } from '../../src/rules/format.ts';
import { isoTime } from '../../src/cli/output/cells.ts';
import { MAX_EVENT_TIME, inEventTimeRange } from '../../src/core/event-time.ts';
import { timeFromJson } from '../../src/ingest/parse-time.ts';
import { RULES_DIR } from '../rules/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sl-time-range-'));
const ct = (t: unknown) => ({ eventVersion: '1.08', eventTime: t, eventSource: 'ssm.amazonaws.com', eventName: 'StartSession', sourceIPAddress: '198.51.100.66', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, requestParameters: { target: 'i-0abc' } });
const T0 = '2026-11-20T16:00:00Z';
const T2 = '2026-11-20T16:20:00Z';

// Absurd times as JSON text: 1e400 parses to Infinity, ms values past year 9999, negative epochs, year 0.
const ABSURD = ['1e300', '1e400', '-1', '9e15', '"0000-01-01T00:00:00Z"', '-1e300'];

function writeCase(name: string, absurd: string): string {
  const middle = JSON.stringify(ct('X')).replace('"X"', absurd);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, [JSON.stringify(ct(T0)), middle, JSON.stringify(ct(T2))].join('\n') + '\n');
  return path;
}

async function detect(path: string, format: string, fast: boolean) {
  let out = '';
  let err = '';
  const code = await runDetect({ paths: [path], rulesDir: RULES_DIR, format, tuned: true, fast }, (s) => void (out += s), (s) => void (err += s));
  return { code, out, err };
}

describe('event times outside the accepted range', () => {
  for (const [i, absurd] of ABSURD.entries()) {
    for (const fast of [true, false]) {
      it(`${absurd} (${fast ? 'fast path' : 'reader'}): every alert printed, the record reported at its line`, async () => {
        const path = writeCase(`case${i}`, absurd);
        const table = await detect(path, 'table', fast);
        assert.equal(table.code, 0, table.err);
        // The rule direct-cloud-vm-connection alerts once per StartSession: all three are there.
        assert.equal(table.out.split('\n').filter((l) => l.includes('direct-cloud-vm-connection')).length, 3, table.out);
        assert.match(table.err, new RegExp(`case${i}\\.json:2 \\(byte \\d+\\): time outside 1970-01-01\\.\\.9999-12-31 ignored`));
        assert.doesNotMatch(table.err, /RangeError|Invalid time value|\n\s+at /);
        // The bad record took its predecessor's time.
        const json = await detect(path, 'json', fast);
        const times = json.out.trim().split('\n').map((l) => JSON.parse(l) as { rule_id: string; _time: number }).filter((a) => a.rule_id === 'direct-cloud-vm-connection-t1021-008').map((a) => a._time);
        assert.deepEqual(times.sort(), [Date.parse(T0) / 1000, Date.parse(T0) / 1000, Date.parse(T2) / 1000]);
      });
    }
  }

  it('the reader reports the record and keeps it', async () => {
    const path = writeCase('reader', '1e300');
    const bad: MalformedInput[] = [];
    const times: number[] = [];
    for await (const e of readEvents([path], { onMalformed: (m) => bad.push(m) })) times.push(e._time);
    assert.deepEqual(times, [Date.parse(T0) / 1000, Date.parse(T0) / 1000, Date.parse(T2) / 1000]);
    assert.deepEqual(bad.map((m) => m.line), [2]);
  });

  it('times inside the range are kept as they are; outside is NaN, never a number', () => {
    assert.equal(timeFromJson('9999-12-31T23:59:59Z'), MAX_EVENT_TIME);
    assert.equal(timeFromJson(0), 0);
    assert.equal(timeFromJson(1_700_000_000_000), 1_700_000_000);
    for (const v of [1e300, Infinity, -1, 9e15]) assert.ok(Number.isNaN(timeFromJson(v)), String(v));
    assert.equal(timeFromJson(null), null);
    assert.ok(!inEventTimeRange(Number.NaN));
  });

  it('an alert whose _time a rule made absurd still prints in every format', () => {
    const alert = { rule_id: 'r', rule_title: 't', technique: 'T1', tactic: 'x', severity: 'high', confidence: 'low', AlertType: 'A', _time: 1e300 };
    for (const f of ['table', 'json', 'csv'] as const) assert.match(formatAlerts([alert], f, new Map()), /1e\+300/);
    assert.equal(isoTime(1e300), '1e+300');
  });
});
