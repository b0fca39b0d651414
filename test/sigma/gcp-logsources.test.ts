// Sigma log sources gcp/gcp.audit, gcp/google_workspace.login over Google records (src/sigma/mappings/
// logsources.yml). The rule texts are SigmaHQ's (Detection Rule License 1.1; authors kept): the Compute SSH
// metadata rule names Elastic's gcp.audit.method_name, the Workspace rule names Cloud Logging LogEntry paths.
// Expected counts come from reading the fixture JSON here, not from sightline's own engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Event } from '../../src/core/event.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';

const FILES = ['test/fixtures/gcp/documented-shapes.jsonl', 'test/fixtures/gcp/addon-envelope.jsonl'];
const events: Event[] = [];
for await (const ev of readEvents(FILES)) events.push(ev);

const SSH_METADATA = `title: Google Cloud Compute SSH Metadata Modified
id: f8e90445-3b47-4d07-b49c-1b1616214d1d
status: experimental
author: Ivan Saakov
logsource:
    product: gcp
    service: gcp.audit
detection:
    selection:
        gcp.audit.method_name:
            - 'v1.compute.projects.setCommonInstanceMetadata'
            - 'v1.compute.instances.setMetadata'
    condition: selection
level: medium
`;

const SUSPICIOUS_LOGIN = `title: Suspicious Login Activity Classified By Google
id: 38360161-76c4-4283-842e-efcf997dafc8
status: experimental
author: Tom Kluter
logsource:
    product: gcp
    service: google_workspace.login
detection:
    selection:
        protoPayload.serviceName: 'login.googleapis.com'
        protoPayload.metadata.event.eventName:
            - 'suspicious_login_less_secure_app'
            - 'suspicious_login'
            - 'suspicious_programmatic_login'
    condition: selection
level: medium
`;

test('SigmaHQ gcp.audit rule: Elastic field name mapped to protoPayload.methodName, both layouts', async () => {
  let expected = 0;
  for (const f of FILES) {
    for (const l of readFileSync(f, 'utf8').split('\n').filter((x) => x.trim())) {
      const r = JSON.parse(l) as { protoPayload?: { methodName?: string }; data?: { protoPayload?: { methodName?: string } } };
      const m = r.protoPayload?.methodName ?? r.data?.protoPayload?.methodName;
      if (m === 'v1.compute.projects.setCommonInstanceMetadata' || m === 'v1.compute.instances.setMetadata') expected++;
    }
  }
  const alerts = await runSigma(lowerSigma(parseSigmaText(SSH_METADATA, 'ssh.yml')), events);
  assert.equal(alerts.length, expected);
  assert.ok(expected >= 6);
});

test('SigmaHQ google_workspace.login rule reads Cloud Logging LogEntry paths', async () => {
  const entry = {
    logName: 'organizations/123/logs/cloudaudit.googleapis.com%2Fdata_access',
    resource: { type: 'audited_resource' },
    timestamp: '2026-11-23T08:55:12Z',
    protoPayload: { serviceName: 'login.googleapis.com', methodName: 'google.login.LoginService.suspiciousLogin', metadata: { event: { eventName: 'suspicious_login' } } },
  };
  const ev = makeEvent(entry);
  assert.equal(ev.sourcetype, 'google:gcp:pubsub:message');
  const alerts = await runSigma(lowerSigma(parseSigmaText(SUSPICIOUS_LOGIN, 'login.yml')), [ev, ...events]);
  assert.equal(alerts.length, 1);
});
