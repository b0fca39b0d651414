// Sigma rules on real recorded logs: the Stratus Red Team detonation of aws.credential-access.ec2-get-password-data
// (test/fixtures/real/stratus-red-team, Apache-2.0, see test/fixtures/real/SOURCES.md): 30 GetPasswordData calls
// by one assumed role within 21:31:16-21:31:20Z, all refused (Client.UnauthorizedOperation), plus 4 AssumeRole.
// Expected counts were taken from the file with a separate script (5-minute epoch windows), not from sightline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../../src/core/event.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import { ct, matchesEach } from './helpers.ts';

const FILE = 'test/fixtures/real/stratus-red-team/aws.credential-access.ec2-get-password-data.json';
const events: Event[] = [];
for await (const ev of readEvents([FILE])) events.push(ev);

const BASE = `title: Password data requested for an instance
name: get_password_data
logsource: {product: aws, service: cloudtrail}
detection:
  selection:
    eventSource: ec2.amazonaws.com
    eventName: getpassworddata
  condition: selection
`;

test('the detection rule matches the 30 GetPasswordData records (case-insensitive value)', async () => {
  assert.equal(events.length, 34);
  const alerts = await runSigma(lowerSigma(parseSigmaText(BASE, 'r.yml')), events);
  assert.equal(alerts.length, 30);
});

test('an event_count correlation raises one alert for the burst, in the window 21:30:00-21:35:00Z, at its first event 21:31:16Z', async () => {
  const yaml = `${BASE}---
title: Many password data requests by one principal
id: 7f0e2b6c-1d6a-4c55-9d3e-2b1f8f0c4a10
level: high
tags: [attack.credential-access, attack.t1552.005]
correlation:
  type: event_count
  rules: [get_password_data]
  group-by: [userIdentity.arn]
  timespan: 5m
  condition:
    gte: 10
`;
  const alerts = await runSigma(lowerSigma(parseSigmaText(yaml, 'r.yml')), events);
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!.sigma_window, 1722375000);
  assert.equal(alerts[0]!._time, 1722375076);
  assert.equal(alerts[0]!.event_count, 30);
  assert.equal(alerts[0]!.technique, 'T1552.005');
  assert.equal(alerts[0]!['userIdentity.arn'], 'arn:aws:sts::457448411975:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1722375070115152000');
});

test("a SigmaHQ-style value 'NO' matches the 'No' CloudTrail writes (log-sources.md section 3)", async () => {
  // "It only works because Sigma string matching is case-insensitive by default".
  const yaml = "title: console login without MFA\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s:\n    eventName: ConsoleLogin\n    additionalEventData.MFAUsed: 'NO'\n  condition: s\n";
  const login = (mfa: string) => ct({ eventName: 'ConsoleLogin', additionalEventData: { MFAUsed: mfa } });
  assert.deepEqual(await matchesEach(yaml, [login('No'), login('Yes')]), [true, false]);
});
