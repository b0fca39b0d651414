// Durability under SIGKILL: 100,000 events over HEC in batches of 1,000, the server killed with SIGKILL while a
// batch is in flight, restarted on the same data directory, and the unacknowledged batches resent (same
// Idempotency-Key). Every acknowledged event must be stored and analysed, and each alert stored exactly once:
// the alert counts are computed here from the events sent, not by the server's code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, freePort, spawnServer, waitAnalysed, waitExit } from './helpers/spawn-server.ts';

const TOTAL = 100_000;
const BATCH = 1_000;
const T0 = 1767225600; // 2026-01-01T00:00:00Z, in the past so the last window closes when the stream is idle
const TOKEN = 'sigkill-test-token';

/** Event i: a CloudTrail console login; every 10th without MFA; 50 users cycling over 7 source IPs. */
function eventOf(i: number): Record<string, unknown> {
  return {
    eventTime: new Date((T0 + i) * 1000).toISOString(),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventID: `ev-${i}`,
    sourceIPAddress: `10.0.${i % 7}.1`,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/u${i % 50}` },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: i % 10 === 0 ? 'No' : 'Yes' },
  };
}

function batchBody(b: number): string {
  let s = '';
  for (let i = b * BATCH; i < (b + 1) * BATCH; i++) s += JSON.stringify({ time: T0 + i, sourcetype: 'aws:cloudtrail', event: eventOf(i) });
  return s;
}

async function send(base: string, b: number): Promise<boolean> {
  try {
    const r = await fetch(`${base}/services/collector/event`, {
      method: 'POST',
      headers: { authorization: `Splunk ${TOKEN}`, 'idempotency-key': `batch-${b}` },
      body: batchBody(b),
    });
    const body = (await r.json()) as { code: number };
    return r.status === 200 && body.code === 0;
  } catch {
    return false; // connection reset by the kill: not acknowledged
  }
}

test('SIGKILL mid-stream: every acknowledged event analysed, every alert stored exactly once', { timeout: 240_000 }, async () => {
  // Expected alerts, from the events alone: the streaming rule alerts per event without MFA; the stats rule
  // alerts per (hour window, user) with 3 or more distinct source IPs.
  let expectedNoMfa = 0;
  const ipsByWindowUser = new Map<string, Set<string>>();
  for (let i = 0; i < TOTAL; i++) {
    const e = eventOf(i) as { sourceIPAddress: string; userIdentity: { arn: string }; additionalEventData: { MFAUsed: string } };
    if (e.additionalEventData.MFAUsed === 'No') expectedNoMfa++;
    const key = `${Math.floor((T0 + i) / 3600)}|${e.userIdentity.arn}`;
    let s = ipsByWindowUser.get(key);
    if (!s) ipsByWindowUser.set(key, (s = new Set()));
    s.add(e.sourceIPAddress);
  }
  const expectedMultiIp = [...ipsByWindowUser.values()].filter((s) => s.size >= 3).length;

  const dataDir = mkdtempSync(join(tmpdir(), 'sightline-sigkill-'));
  const port = await freePort();
  const rulesDir = join(FIXTURES, 'rules');
  const opts = { port, dataDir, token: TOKEN, rulesDir, extra: ['--idle-seconds', '5'] };
  try {
    let server = await spawnServer(opts);
    const batches = TOTAL / BATCH;
    const acked = new Set<number>();
    const killAfter = 40;
    for (let b = 0; b < killAfter; b++) if (await send(server.base, b)) acked.add(b);
    assert.equal(acked.size, killAfter, `all batches before the kill are acknowledged\n${server.output()}`);
    // A batch in flight when the process dies: it may or may not have been committed.
    const inFlight = send(server.base, killAfter);
    await new Promise((r) => setTimeout(r, 15));
    server.child.kill('SIGKILL');
    if (await inFlight) acked.add(killAfter);
    await waitExit(server.child);

    server = await spawnServer(opts);
    // A client that missed the reply resends a batch the server had committed: stored once all the same.
    assert.ok(await send(server.base, killAfter - 1));
    for (let b = 0; b < batches; b++) {
      if (acked.has(b)) continue;
      assert.ok(await send(server.base, b), `batch ${b} acknowledged after restart`);
      acked.add(b);
    }
    const s = await waitAnalysed(server.base, 150_000);
    assert.equal(s.events, TOTAL, 'every event stored once (resent batches were not duplicated)');
    assert.equal(s.analysed, TOTAL, 'every acknowledged event analysed');
    assert.equal(s.lastError, null);
    // Late events (a window closed by the idle rule, then more events for it) would be reported here.
    const late = (s as unknown as { lateEvents: number }).lateEvents;
    const alerts = (await (await fetch(`${server.base}/api/alerts`)).json()) as { rule_id: string; AlertType: string }[];
    const noMfa = alerts.filter((a) => a.rule_id === 'test-console-login-no-mfa').length;
    const multiIp = alerts.filter((a) => a.rule_id === 'test-many-source-ips').length;
    assert.equal(noMfa, expectedNoMfa, 'streaming rule: one alert per event without MFA, none twice');
    assert.equal(multiIp, expectedMultiIp, `windowed stats rule: one alert per window and user, none twice (late events: ${late})`);
    server.child.kill('SIGTERM');
    await waitExit(server.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
