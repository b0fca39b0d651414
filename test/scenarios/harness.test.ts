// The rule test harness proves rules, and catches weakened ones: removing a rule's key condition must make
// its benign scenario alert and `sightline test` fail. Tuning claims are verified (untuned must alert).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/load.ts';
import type { Rule } from '../../src/rules/load.ts';
import { testRules, checkScenario } from '../../src/scenarios/harness.ts';
import { loadScenarios } from '../../src/scenarios/load.ts';
import { computeCoverage, navigatorLayer } from '../../src/scenarios/coverage.ts';
import { REPO, SCENARIO_DIR } from './helpers.ts';

const RULES = join(REPO, 'rules');
const scenarios = () => loadScenarios(SCENARIO_DIR).map((l) => l.scenario);
const scenario = (id: string) => scenarios().find((s) => s.id === id)!;

async function rule(id: string): Promise<Rule> {
  const r = (await loadRules(RULES)).find((x) => x.id === id);
  assert.ok(r, `rule ${id} exists`);
  return r;
}

/** The same rule with one piece of its SPL removed (the test fails if the piece is not there). */
function weaken(r: Rule, remove: string): Rule {
  assert.ok(r.spl.includes(remove), `the rule's SPL contains ${remove}`);
  return { ...r, spl: r.spl.replace(remove, '') };
}

test('every rule passes its scenarios as committed', async () => {
  const reports = await testRules(await loadRules(RULES), scenarios());
  for (const r of reports) {
    assert.deepEqual(r.gaps, [], `${r.rule.id} has attack and benign scenarios`);
    for (const c of r.checks) assert.ok(c.passed, `${r.rule.id} / ${c.scenario}: ${c.detail}`);
  }
});

// Seed page T1021.007: "AWS CloudTrail for console logins without MFA". Without the MFA condition, the
// admins' MFA console logins (benign-admin-clis) alert, and the harness reports it.
test('weakened rule: dropping the MFAUsed="No" condition makes benign-admin-clis fail', async () => {
  const good = await rule('cloud-services-risky-signin-t1021-007');
  const weak = weaken(good, ' additionalEventData.MFAUsed="No"');
  const s = scenario('benign-admin-clis');
  const before = await checkScenario(good, s, s.expect[good.id]!);
  const after = await checkScenario(weak, s, s.expect[good.id]!);
  assert.equal(before.passed, true, before.detail);
  assert.equal(after.passed, false);
  assert.match(after.detail, /expected no alert after tuning, got \d+ \(first: AWSConsoleLoginNoMFA\)/);
  // The attack scenario still passes: only the benign side can catch this weakening.
  const attack = scenario('t1021-007-test3-aws-configure');
  assert.equal((await checkScenario(weak, attack, attack.expect[good.id]!)).passed, true);
});

// Seed page T1021.008 keys on the SSM / EC2 Instance Connect event sources. Without the event-source and
// event-name pairing for SSM, inventory polling (DescribeInstanceInformation...) alerts.
test('weakened rule: dropping the SSM eventName list makes benign-monitoring-tools fail', async () => {
  const good = await rule('direct-cloud-vm-connection-t1021-008');
  const weak = weaken(good, ' eventName IN ("StartSession", "ResumeSession", "SendCommand", "StartAutomationExecution")');
  const s = scenario('benign-monitoring-tools');
  assert.equal((await checkScenario(good, s, s.expect[good.id]!)).passed, true);
  const after = await checkScenario(weak, s, s.expect[good.id]!);
  assert.equal(after.passed, false);
  assert.match(after.detail, /expected no alert after tuning/);
});

test('a tuning claim is checked: naming an allowlist that does not silence the scenario fails', async () => {
  const r = await rule('cloud-services-risky-signin-t1021-007');
  // benign-admin-clis is quiet by the rule logic; claiming an allowlist silences it is wrong.
  const claimed = await checkScenario(r, scenario('benign-admin-clis'), { alert: false, tuning: 'travel-exceptions' });
  assert.equal(claimed.passed, false);
  assert.match(claimed.detail, /quiet even without tuning/);
  const missing = await checkScenario(r, scenario('benign-travel'), { alert: false, tuning: 'no-such-allowlist' });
  assert.equal(missing.passed, false);
  assert.match(missing.detail, /does not have/);
});

test('attack expectations check AlertType and entities', async () => {
  const r = await rule('direct-cloud-vm-connection-t1021-008');
  const s = scenario('t1021-008-test1-ssm-send-command');
  const wrongType = await checkScenario(r, s, { alert: true, alert_type: 'Azure_DirectVMConnection', entities: { UserARN: 'x' }, min_alerts: 1 });
  assert.equal(wrongType.passed, false);
  assert.match(wrongType.detail, /no alert has AlertType=Azure_DirectVMConnection \(got AWS_DirectVMConnection\)/);
  const user = 'arn:aws:iam::111122223333:user/ci-deployer';
  const wrongEntity = await checkScenario(r, s, { alert: true, alert_type: 'AWS_DirectVMConnection', entities: { UserARN: user, TargetInstance: 'i-ffffffffffffffff0' }, min_alerts: 1 });
  assert.equal(wrongEntity.passed, false);
  assert.match(wrongEntity.detail, /no AWS_DirectVMConnection alert has UserARN=.* TargetInstance=i-ffffffffffffffff0/);
  const noEntity = await checkScenario(r, s, { alert: true, alert_type: 'AWS_DirectVMConnection', entities: { eventName: 'SendCommand' }, min_alerts: 1 });
  assert.equal(noEntity.passed, false);
  assert.match(noEntity.detail, /checks none of the rule's entities \(UserARN, CallerUPN\)/);
  const tooFew = await checkScenario(r, s, { alert: true, alert_type: 'AWS_DirectVMConnection', entities: { UserARN: user }, min_alerts: 5 });
  assert.equal(tooFew.passed, false);
  assert.match(tooFew.detail, /at least 5 alert\(s\), got 2/);
  const tooMany = await checkScenario(r, s, { alert: true, alert_type: 'AWS_DirectVMConnection', entities: { UserARN: user }, min_alerts: 1, max_alerts: 1 });
  assert.equal(tooMany.passed, false);
  assert.match(tooMany.detail, /at most 1 alert\(s\), got 2/);
});

test('coverage and the Navigator v4.5 layer', async () => {
  const reports = await testRules(await loadRules(RULES), scenarios());
  const cov = computeCoverage(reports, scenarios());
  assert.ok((cov.techniques.get('T1021.007') ?? []).includes('cloud-services-risky-signin-t1021-007'));
  assert.ok((cov.techniques.get('T1021.008') ?? []).includes('direct-cloud-vm-connection-t1021-008'));
  assert.equal(cov.methodology.length, 8);
  for (const m of cov.methodology) assert.ok(m.rules.length > 0, `${m.step} is detected by some rule`);
  const layer = navigatorLayer(cov) as any;
  assert.equal(layer.versions.layer, '4.5');
  assert.equal(layer.domain, 'enterprise-attack');
  const t8 = layer.techniques.find((t: any) => t.techniqueID === 'T1021.008');
  assert.equal(t8.tactic, 'lateral-movement');
  assert.equal(t8.score, cov.techniques.get('T1021.008')!.length);
  assert.ok(layer.techniques.some((t: any) => t.techniqueID === 'T1021' && t.showSubtechniques === true));
});
