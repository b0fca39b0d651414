// CloudTrail records that lost eventTime and eventVersion (re-shipped single records) are still CloudTrail when
// they keep eventSource, eventName and the userIdentity object (AWS "CloudTrail record contents",
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html:
// every record has eventSource, eventName and userIdentity). Both read paths (reader and scan) take one
// definition (src/ingest/sourcetypes/aws-cloudtrail.ts) and count the events that had no time of their own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectSourcetype } from '../../src/ingest/make-event.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { newReadCounts } from '../../src/ingest/read-counts.ts';
import { loadRules } from '../../src/rules/load.ts';
import { runRulesOverFiles, runRulesWithSummary } from '../../src/rules/run.ts';
import { RULES_DIR } from '../rules/helpers.ts';

// A denied SendSSHPublicKey as other vendors' rule tests ship it: no eventTime, no eventVersion.
const timeless = {
  eventSource: 'ec2-instance-connect.amazonaws.com',
  eventName: 'SendSSHPublicKey',
  sourceIPAddress: '198.51.100.67',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' },
  errorCode: 'AccessDenied',
  requestParameters: { instanceId: 'i-0fedcba9876543210', instanceOSUser: 'ec2-user' },
};

describe('CloudTrail records without eventTime/eventVersion', () => {
  it('are aws:cloudtrail with userIdentity, _json without it', () => {
    assert.equal(detectSourcetype(timeless), 'aws:cloudtrail');
    const { userIdentity: _u, ...bare } = timeless;
    assert.equal(detectSourcetype(bare), '_json');
    // userIdentity must be an object, as CloudTrail writes it.
    assert.equal(detectSourcetype({ ...bare, userIdentity: 'x' }), '_json');
  });

  it('reach the rules through the reader and the scan path alike, with a notice count of untimed events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-ct-notime-'));
    const other = { eventVersion: '1.08', eventTime: '2026-11-20T16:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/a' } };
    writeFileSync(join(dir, 'ct.ndjson'), [other, timeless].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const rules = (await loadRules(RULES_DIR)).filter((r) => r.id === 'direct-cloud-vm-connection-t1021-008');
    const fast = await runRulesOverFiles(rules, [dir]);
    const counts = newReadCounts();
    const slow = await runRulesWithSummary(rules, readEvents([dir], { counts }), { counts });
    for (const run of [fast, slow]) {
      assert.deepEqual(run.alerts.map((a) => [a.AlertType, a.Outcome]), [['AWS_DirectVMConnectionFailed', 'AccessDenied']]);
      assert.equal(run.summary.read?.lines, 2);
      assert.equal(run.summary.read?.untimed.get('aws:cloudtrail'), 1);
    }
    // The timeless record borrows the time of the record before it (Splunk's rule for timeless events).
    assert.equal(fast.alerts[0]!._time, Date.parse('2026-11-20T16:00:00Z') / 1000);
  });
});
