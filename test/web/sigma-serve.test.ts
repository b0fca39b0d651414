// `serve --sigma DIR` (issue #13): the server loads the Sigma rules that can run beside the SPL rules and
// evaluates them on HEC events in real time (a plain rule per event, a correlation per window); each refused
// rule is logged with its file, code and reason, then the summary line; strict refuses to start.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudtrailLogin, hec, startTestServer, waitIdle } from './helpers/in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'sigma-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sigma = join(dir, 'sigma');
mkdirSync(sigma);
writeFileSync(
  join(sigma, 'no_mfa.yml'),
  `title: Console login without MFA
id: 11111111-0000-4000-8000-00000000000a
author: Test Author
level: high
tags: [attack.initial-access, attack.t1078]
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    eventName: ConsoleLogin
    additionalEventData.MFAUsed: 'NO'
  condition: sel
`,
);
writeFileSync(
  join(sigma, 'burst.yml'),
  `title: Login
name: any_login
logsource: {product: aws, service: cloudtrail}
detection: {sel: {eventName: ConsoleLogin}, condition: sel}
---
title: Login burst
id: 11111111-0000-4000-8000-00000000000b
correlation: {type: event_count, rules: [any_login], group-by: [userIdentity.arn], timespan: 1h, condition: {gte: 3}}
`,
);
writeFileSync(join(sigma, 'pim.yml'), 'title: PIM\nlogsource: {product: azure, service: pim}\ndetection: {sel: {riskEventType: x}, condition: sel}\n');

const T = 1767225600 + 30 * 86400;

test('serve --sigma evaluates the Sigma rules in real time and logs each refusal and the summary', async () => {
  const log: string[] = [];
  const srv = await startTestServer({ sigmaPath: sigma, log: (l) => void log.push(l) });
  try {
    assert.ok(log.some((l) => l.includes(`${join(sigma, 'pim.yml')}:1:1: refused SIGMA-UNSUPPORTED-LOGSOURCE`)), log.join('\n'));
    assert.ok(log.includes('Sigma: 3 loaded, 1 refused: 1 SIGMA-UNSUPPORTED-LOGSOURCE'), log.join('\n'));
    assert.equal(srv.app.sigma?.summary, 'Sigma: 3 loaded, 1 refused: 1 SIGMA-UNSUPPORTED-LOGSOURCE');
    const arn = 'arn:aws:iam::1:user/sigma-web';
    const body = [0, 1, 2]
      .map((k) => JSON.stringify({ event: cloudtrailLogin({ time: T + k, arn, ip: `192.0.2.${k + 1}`, mfa: k === 0 ? 'No' : 'Yes', id: `s${k}` }), sourcetype: 'aws:cloudtrail' }))
      .join('');
    assert.equal((await hec(srv.url, body)).status, 200);
    await waitIdle(srv.url);
    const alerts = (rule: string) => fetch(`${srv.url}/api/alerts?rule=${rule}`).then(async (r) => (await r.json()) as Record<string, unknown>[]);
    const noMfa = await alerts('11111111-0000-4000-8000-00000000000a');
    assert.equal(noMfa.length, 1, 'the streaming Sigma rule matches the one login without MFA (case-insensitive NO)');
    assert.equal(noMfa[0]!.sigma_author, 'Test Author');
    const burst = await alerts('11111111-0000-4000-8000-00000000000b');
    assert.deepEqual(burst.map((a) => [a['userIdentity.arn'], a.event_count]), [[arn, 3]], 'the correlation alerts once for its window');
  } finally {
    await srv.dispose();
  }
});

test('serve --sigma --strict does not start when a Sigma rule is refused', async () => {
  await assert.rejects(startTestServer({ sigmaPath: sigma, strictSigma: true }), /Sigma: 3 loaded, 1 refused.*--strict: not started/);
});
