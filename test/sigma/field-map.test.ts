// The one Sigma field mapping (src/backends/sigma/mapping.yml), read by import and export alike: field names
// as SigmaHQ's Azure rules write them (any letter case of a mapped Sentinel column), the Sentinel
// AzureActivity columns on both Activity log layouts, and SigninLogs `Status` as the sign-in's outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { sigmaField, sigmaSources, sourceOfLogsource, splunkField } from '../../src/backends/sigma/field-map.ts';
import { sigmaFieldFor } from '../../src/backends/sigma/index.ts';
import { matchesEach } from './helpers.ts';

const rule = (service: string, detection: string) => `title: t\nid: t\nlogsource: {product: azure, service: ${service}}\ndetection:\n${detection.replace(/^/gm, '  ')}\n  condition: s\n`;
const signin = (props: Record<string, unknown>) =>
  makeEvent({ time: '2026-11-20T16:00:00Z', category: 'SignInLogs', operationName: 'Sign-in activity', properties: props }, { sourcetype: 'azure:monitor:aad:signin' });

test('no two listed names of a case-insensitive source differ only in case while naming different fields', () => {
  for (const src of sigmaSources().filter((s) => s.caseInsensitive)) {
    const seen = new Map<string, string>();
    for (const [sigma, splunk] of src.fields) {
      const first = seen.get(sigma.toLowerCase());
      // The first line of a name wins on import; a later line of the same name (any case) is export-only.
      if (first === undefined) seen.set(sigma.toLowerCase(), splunk);
      else assert.equal(splunkField(src, sigma), first, `${src.logsource.service}: ${sigma}`);
    }
  }
});

test('import and export read the same lines: a Splunk field exports under the name that imports back to it', () => {
  const signinSrc = sourceOfLogsource({ product: 'azure', service: 'signinlogs' })!;
  for (const [sigma, splunk] of [['UserAgent', 'properties.userAgent'], ['ResultType', 'properties.status.errorCode'], ['LocationDetails.countryOrRegion', 'properties.location.countryOrRegion']]) {
    assert.equal(sigmaField(signinSrc, splunk!), sigma);
    assert.equal(splunkField(signinSrc, sigma!), splunk);
    assert.equal(sigmaFieldFor({ product: 'azure', service: 'signinlogs' }, splunk!), sigma, 'the exporter reads the same entry');
  }
  assert.equal(sigmaField(signinSrc, 'action'), null, 'Status is import-only: a rule sightline writes never says Status for action');
});

test('Azure sign-in names match in any letter case (userAgent, Resultdescription, conditionalAccessStatus)', async () => {
  const yaml = rule('signinlogs', 's:\n  userAgent|contains: azurehound\n  Resultdescription: Blocked by Conditional Access\n  conditionalAccessStatus: failure\n  DeviceDetail.trusttype: Hybrid Azure AD joined');
  const base = { userAgent: 'azurehound/v2.1', status: { errorCode: 53003, failureReason: 'Blocked by Conditional Access' }, conditionalAccessStatus: 'failure', deviceDetail: { trustType: 'Hybrid Azure AD joined' } };
  assert.deepEqual(await matchesEach(yaml, [signin(base), signin({ ...base, userAgent: 'Mozilla/5.0' })]), [true, false]);
});

test('AWS field names stay case-sensitive: CloudTrail paths are JSON keys (identity mapping)', () => {
  const ct = sourceOfLogsource({ product: 'aws', service: 'cloudtrail' })!;
  assert.equal(splunkField(ct, 'EventName'), 'EventName');
  assert.equal(splunkField(ct, 'eventName'), 'eventName');
});

test('SigninLogs Status is the sign-in outcome: Success when the error code is 0, failure otherwise', async () => {
  const ok = signin({ status: { errorCode: 0 } });
  const bad = signin({ status: { errorCode: 50126, failureReason: 'Invalid username or password' } });
  assert.deepEqual(await matchesEach(rule('signinlogs', "s:\n  Status: 'Success'"), [ok, bad]), [true, false]);
  assert.deepEqual(await matchesEach(rule('signinlogs', 's:\n  Status: failure'), [ok, bad]), [false, true]);
});

test('Sentinel AzureActivity columns match on both Activity log layouts (Event Hub and REST)', async () => {
  const yaml = rule(
    'activitylogs',
    "s:\n  CategoryValue: 'Administrative'\n  ResourceProviderValue: 'Microsoft.Compute'\n  OperationNameValue: 'Microsoft.Compute/virtualMachines/runCommand/action'\n  ActivityStatusValue: [Success, Succeeded]\n  Caller|endswith: '@example.com'",
  );
  const UPN = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
  const eventHub = (op: string) =>
    makeEvent({ time: '2026-11-20T16:00:00Z', resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1', operationName: op, category: 'Administrative', resultType: 'Success', identity: { claims: { [UPN]: 'admin@example.com' } } }, { sourcetype: 'azure:activity' });
  const rest = makeEvent(
    {
      eventTimestamp: '2026-11-20T16:00:00Z',
      operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action' },
      category: { value: 'Administrative' },
      resourceProviderName: { value: 'Microsoft.Compute' },
      status: { value: 'Succeeded' },
      caller: 'ops@example.com',
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2',
    },
    { sourcetype: 'azure:activity' },
  );
  assert.deepEqual(await matchesEach(yaml, [eventHub('MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION'), rest, eventHub('MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE')]), [true, true, false]);
});
