// Issue #19 item 3: one authenticated HEC event with `time: 1e13` made the alerts pages answer 500 for good
// and pushed the event-time watermark ahead of every sender. An envelope or record time outside 1970..9999,
// or more than MAX_SECONDS_AHEAD after receipt (core/event-time.ts), counts as absent: the record's own time
// is used, else the receive time; each is counted and logged, and the pages keep answering.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cloudtrailLogin, hec, startTestServer, waitIdle, type TestServer } from './helpers/in-process.ts';
import { eventsAfter } from '../../src/web/store/events.ts';
import { MAX_SECONDS_AHEAD } from '../../src/core/event-time.ts';
import { toStoredEvents } from '../../src/web/hec/ingest.ts';
import { parseEventBody } from '../../src/web/hec/parse-event-body.ts';

let srv: TestServer;
before(async () => {
  srv = await startTestServer();
});
after(async () => {
  await srv.dispose();
});

const T = 1767225600; // 2026-01-01T00:00:00Z
const login = (id: string) => cloudtrailLogin({ time: T, arn: `arn:aws:iam::1:user/${id}`, ip: '192.0.2.9', mfa: 'No', id });

test('an envelope time of 1e13 is ignored (record time, else receive time); pages and API keep answering', async () => {
  const sent = Date.now() / 1000;
  const r = await hec(srv.url, JSON.stringify({ time: 1e13, event: login('far') }) + JSON.stringify({ time: '999999999999', event: 'plain text far' }));
  assert.equal(r.status, 200);
  await waitIdle(srv.url);
  const stored = eventsAfter(srv.app.db, 0, 100);
  assert.equal(stored.find((e) => e.raw.includes('user/far'))!.time, T);
  const text = stored.find((e) => e.raw === 'plain text far')!;
  assert.ok(text.time >= Math.floor(sent) && text.time <= Date.now() / 1000 + 1, `stored time ${text.time}`);
  for (const path of ['/alerts', '/api/alerts', '/api/status']) assert.equal((await fetch(`${srv.url}${path}`)).status, 200, path);
  const alerts = (await (await fetch(`${srv.url}/api/alerts?rule=test-console-login-no-mfa`)).json()) as { UserArn: string; _time: number }[];
  assert.equal(alerts.filter((a) => a.UserArn === 'arn:aws:iam::1:user/far').length, 1);
});

test('a record time of 1e300 and a time days ahead are replaced by the receive time, and counted', () => {
  const now = T + 1000;
  const counts = { timesReplaced: 0 };
  const body = [
    { event: { ...login('rec'), eventTime: 1e300 } },
    { time: now + MAX_SECONDS_AHEAD + 60, event: 'ahead' },
    { event: { ...login('ahead2'), eventTime: new Date((now + 3 * 86400) * 1000).toISOString() } },
    { time: now + 60, event: login('soon') },
    { event: login('own') },
  ]
    .map((e) => JSON.stringify(e))
    .join('');
  const parsed = parseEventBody(body);
  assert.ok(parsed.ok);
  const rows = toStoredEvents(parsed.envelopes, { sourcetype: null, source: 's', host: 'h', index: 'main' }, now, counts);
  assert.deepEqual(rows.map((e) => e.time), [now, now, now, now + 60, T]);
  assert.equal(counts.timesReplaced, 3);
});

test('HEC bodies nested past the ingest depth limit: /event refuses the request, /raw keeps the line as text', async () => {
  const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
  const ev = await hec(srv.url, `{"event":${deep}}`);
  assert.equal(ev.status, 400);
  assert.equal(ev.body.code, 6);
  const raw = await hec(srv.url, deep, { path: '/services/collector/raw' });
  assert.equal(raw.status, 200);
  assert.equal((await fetch(`${srv.url}/api/status`)).status, 200);
});
