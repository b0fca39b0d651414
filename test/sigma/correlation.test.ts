// Sigma correlation rules lowered to aggregate plans: event_count, value_count, value_sum, temporal,
// temporal_ordered, aliases, generate, and the window edges. Citations: SigmaHQ/sigma-specification,
// specification/sigma-correlation-rules-specification.md. Count windows are fixed and epoch-aligned (sightline's
// documented choice): an event at t is in [floor(t/span)*span, +span), so 16:59:59 and 17:00:00 differ. Temporal
// windows slide (the spec asks for no boundaries there): any events within timespan of each other match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ct, errorCode, runYaml } from './helpers.ts';
import { lowerSigma, parseSigmaText } from '../../src/sigma/index.ts';

const T16 = Date.UTC(2026, 10, 20, 16, 0, 0) / 1000; // 2026-11-20T16:00:00Z, a multiple of 3600

function base(name: string, eventName: string): string {
  return `title: ${name}\nname: ${name}\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    eventName: ${eventName}\n  condition: sel\n`;
}

function correlation(body: string, extra = ''): string {
  return `title: corr\nid: corr-1\nlevel: high\ntags: [attack.lateral-movement, attack.t1021.008]\ncorrelation:\n${body.replace(/^/gm, '  ')}\n${extra}`;
}

const login = (user: string, time: string, extra: Record<string, unknown> = {}) =>
  ct({ eventName: 'ConsoleLogin', userIdentity: { arn: user }, ...extra }, `2026-11-20T${time}Z`);

test('event_count: counts per group-by within the timespan; the window edge splits 16:59:59 and 17:00:00', async () => {
  // Spec, "Event Count": "The resulting query must count events for each group specified by group-by separately."
  const yaml = [base('logins', 'ConsoleLogin'), correlation('type: event_count\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 1h\ncondition:\n  gte: 3')].join('---\n');
  const events = [
    login('alice', '16:00:00'), login('alice', '16:30:00'), login('alice', '16:59:59'),
    login('bob', '16:30:00'), login('bob', '16:59:59'), login('bob', '17:00:00'),
    login('carol', '16:10:00'), login('carol', '16:20:00'),
  ];
  const alerts = await runYaml(yaml, events);
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!['userIdentity.arn'], 'alice');
  assert.equal(alerts[0]!.event_count, 3);
  assert.equal(alerts[0]!._time, T16, 'the alert time is the window start');
  assert.equal(alerts[0]!.rule_id, 'corr-1');
  assert.equal(alerts[0]!.severity, 'high', 'level becomes the alert severity');
  assert.equal(alerts[0]!.technique, 'T1021.008', 'ATT&CK tags become technique/tactic');
  assert.equal(alerts[0]!.tactic, 'Lateral Movement');
});

test('event_count: the first second of a window and the last second belong together', async () => {
  const yaml = [base('logins', 'ConsoleLogin'), correlation('type: event_count\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 1h\ncondition:\n  gte: 2')].join('---\n');
  const alerts = await runYaml(yaml, [login('dave', '17:00:00'), login('dave', '17:59:59'), login('erin', '17:59:59'), login('erin', '18:00:00')]);
  assert.deepEqual(alerts.map((a) => [a['userIdentity.arn'], a._time]), [['dave', T16 + 3600]]);
});

test('event_count: a range condition (gt and lte) is an AND', async () => {
  // Spec, "Condition": "To define a range, you can use the conjunction 'AND' in the mapping."
  const yaml = [base('logins', 'ConsoleLogin'), correlation('type: event_count\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 1h\ncondition:\n  gt: 1\n  lte: 2')].join('---\n');
  const events = [login('a', '16:01:00'), login('b', '16:01:00'), login('b', '16:02:00'), login('c', '16:01:00'), login('c', '16:02:00'), login('c', '16:03:00')];
  assert.deepEqual((await runYaml(yaml, events)).map((a) => a['userIdentity.arn']), ['b']);
});

test('value_count: distinct values of condition.field per group', async () => {
  // Spec, "Value Count": "Counts values in a field defined by field."
  const yaml = [base('logins', 'ConsoleLogin'), correlation('type: value_count\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 10m\ncondition:\n  field: sourceIPAddress\n  gte: 2')].join('---\n');
  const events = [
    login('alice', '16:00:00', { sourceIPAddress: '198.51.100.1' }), login('alice', '16:05:00', { sourceIPAddress: '198.51.100.2' }),
    login('bob', '16:00:00', { sourceIPAddress: '198.51.100.1' }), login('bob', '16:05:00', { sourceIPAddress: '198.51.100.1' }),
    login('carol', '16:09:59', { sourceIPAddress: '198.51.100.1' }), login('carol', '16:10:00', { sourceIPAddress: '198.51.100.2' }),
  ];
  const alerts = await runYaml(yaml, events);
  assert.deepEqual(alerts.map((a) => [a['userIdentity.arn'], a.value_count]), [['alice', 2]]);
});

test('value_sum: the sum of condition.field per group', async () => {
  const yaml = [base('logins', 'ConsoleLogin'), correlation('type: value_sum\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 1h\ncondition:\n  field: bytes\n  gt: 10')].join('---\n');
  const events = [login('a', '16:00:00', { bytes: 6 }), login('a', '16:01:00', { bytes: 5 }), login('b', '16:00:00', { bytes: 10 })];
  assert.deepEqual((await runYaml(yaml, events)).map((a) => [a['userIdentity.arn'], a.value_sum]), [['a', 11]]);
});

const TWO = [base('enable', 'EnableSerialConsoleAccess'), base('push', 'SendSerialConsoleSSHPublicKey')].join('---\n');
const act = (name: string, user: string, time: string) => ct({ eventName: name, userIdentity: { arn: user } }, `2026-11-20T${time}Z`);

// temporal and temporal_ordered use sliding windows. Spec, "Temporal Proximity": "The time frame should not be
// restricted to boundaries if this is not required by the given backend." A match: events of every referenced rule
// (ordered: in the listed order) of one group, all within timespan of each other, both bounds inclusive.
const T1600 = T16;
const at = (hhmmss: string) => Date.parse(`2026-11-20T${hhmmss}Z`) / 1000;

test('temporal: every referenced rule within the timespan, same group, any order; a pair across a fixed-window edge matches', async () => {
  // Spec, "Temporal Proximity": "All events defined by the rules referred by the rule field must occur in the time frame"
  // and "The values of fields defined in group-by must all have the same value".
  const yaml = [TWO, correlation('type: temporal\nrules: [enable, push]\ngroup-by: [userIdentity.arn]\ntimespan: 10m')].join('---\n');
  const events = [
    act('SendSerialConsoleSSHPublicKey', 'alice', '16:01:00'), act('EnableSerialConsoleAccess', 'alice', '16:02:00'),
    act('EnableSerialConsoleAccess', 'bob', '16:01:00'), act('SendSerialConsoleSSHPublicKey', 'carol', '16:02:00'),
    // 16:09:59 and 16:10:00 were in two fixed 10-minute windows; one second apart, they are one match.
    act('EnableSerialConsoleAccess', 'dave', '16:09:59'), act('SendSerialConsoleSSHPublicKey', 'dave', '16:10:00'),
  ];
  const alerts = await runYaml(yaml, events);
  assert.deepEqual(alerts.map((a) => [a['userIdentity.arn'], a.rule_count, a._time, a.sigma_first]), [['alice', 2, at('16:02:00'), at('16:01:00')], ['dave', 2, at('16:10:00'), at('16:09:59')]]);
  assert.deepEqual(alerts[0]!.sigma_rules, ['enable', 'push']);
  assert.ok(T1600 < at('16:02:00'));
});

/** Table-driven: (events of one user, the times of the alerts it gives) for temporal_ordered over [enable, push], 10m. */
const ORDERED: { name: string; events: [string, string][]; alerts: string[] }[] = [
  { name: 'in order', events: [['enable', '16:01:00'], ['push', '16:02:00']], alerts: ['16:02:00'] },
  { name: 'out of order does not match', events: [['push', '16:01:00'], ['enable', '16:02:00']], alerts: [] },
  { name: 'same second counts as ordered', events: [['push', '16:03:00'], ['enable', '16:03:00']], alerts: ['16:03:00'] },
  { name: 'across a fixed-window edge', events: [['enable', '16:09:59'], ['push', '16:10:00']], alerts: ['16:10:00'] },
  { name: 'exactly timespan apart matches', events: [['enable', '16:00:00'], ['push', '16:10:00']], alerts: ['16:10:00'] },
  { name: 'timespan + 1 s apart does not', events: [['enable', '16:00:00'], ['push', '16:10:01']], alerts: [] },
  { name: 'a later first-rule event opens a new window', events: [['enable', '16:00:00'], ['enable', '16:08:00'], ['push', '16:17:00']], alerts: ['16:17:00'] },
  { name: 'one alert per closing event', events: [['enable', '16:00:00'], ['push', '16:01:00'], ['push', '16:05:00'], ['push', '16:11:00']], alerts: ['16:01:00', '16:05:00'] },
  { name: 'push, enable, push: only the second push closes a match', events: [['push', '16:01:00'], ['enable', '16:02:00'], ['push', '16:04:00']], alerts: ['16:04:00'] },
];
const NAME: Record<string, string> = { enable: 'EnableSerialConsoleAccess', push: 'SendSerialConsoleSSHPublicKey' };

for (const c of ORDERED) {
  test(`temporal_ordered (sliding): ${c.name}`, async () => {
    // Spec, "Ordered Temporal Proximity": "requires in addition that the events appear in the order provided in the rule attribute."
    const yaml = [TWO, correlation('type: temporal_ordered\nrules: [enable, push]\ngroup-by: [userIdentity.arn]\ntimespan: 10m')].join('---\n');
    // The events arrive shuffled (reversed): the order is the events' times, not the input order.
    const events = c.events.map(([rule, time]) => act(NAME[rule]!, 'u', time)).reverse();
    const alerts = await runYaml(yaml, events);
    assert.deepEqual(alerts.map((a) => a._time), c.alerts.map(at));
    for (const a of alerts) assert.equal(a['userIdentity.arn'], 'u');
  });
}

test('temporal_ordered: no group-by value, no match; a multivalue group-by value joins each of its groups', async () => {
  // As stats BY (the fixed-window correlations): a row without the field is in no group; a multivalue puts it in each.
  const yaml = [TWO, correlation('type: temporal_ordered\nrules: [enable, push]\ngroup-by: ["requestParameters.owners{}"]\ntimespan: 10m')].join('---\n');
  const ev = (rule: string, owner: unknown, time: string) => ct({ eventName: NAME[rule], ...(owner === null ? {} : { requestParameters: { owners: owner } }) }, `2026-11-20T${time}Z`);
  const events = [
    ev('enable', null, '16:00:00'), ev('push', null, '16:01:00'),
    ev('enable', ['ann', 'bo'], '16:02:00'), ev('push', ['bo'], '16:03:00'), ev('push', ['ann'], '16:04:00'), ev('push', ['cy'], '16:05:00'), ev('push', [], '16:06:00'),
  ];
  const alerts = await runYaml(yaml, events);
  assert.deepEqual(alerts.map((a) => [a['requestParameters.owners{}'], a._time]), [['bo', at('16:03:00')], ['ann', at('16:04:00')]]);
});

test('temporal over three rules: all three within the timespan of each other, the window slides', async () => {
  const THREE = [TWO, base('stop', 'StopInstances')].join('---\n');
  const yaml = [THREE, correlation('type: temporal\nrules: [enable, push, stop]\ngroup-by: [userIdentity.arn]\ntimespan: 10m')].join('---\n');
  const events = [
    // a: enable 16:00, push 16:09, stop 16:12: 12 minutes from first to last, no match until enable again at 16:03.
    act('EnableSerialConsoleAccess', 'a', '16:00:00'), act('SendSerialConsoleSSHPublicKey', 'a', '16:09:00'), act('StopInstances', 'a', '16:12:00'),
    act('EnableSerialConsoleAccess', 'b', '16:00:00'), act('SendSerialConsoleSSHPublicKey', 'b', '16:09:00'), act('EnableSerialConsoleAccess', 'b', '16:03:00'), act('StopInstances', 'b', '16:12:00'),
    // c: exactly 10 minutes from first to last.
    act('StopInstances', 'c', '16:00:00'), act('SendSerialConsoleSSHPublicKey', 'c', '16:05:00'), act('EnableSerialConsoleAccess', 'c', '16:10:00'),
  ];
  const alerts = await runYaml(yaml, events);
  assert.deepEqual(alerts.map((a) => [a['userIdentity.arn'], a._time, a.sigma_first, a.rule_count]).sort(), [['b', at('16:12:00'), at('16:03:00'), 3], ['c', at('16:10:00'), at('16:00:00'), 3]]);
});

test('temporal with a condition: at least 2 of 3 rules within the timespan', async () => {
  // Spec, "Temporal Proximity": the condition is optional; sightline counts the rules in the window (rule_count).
  const THREE = [TWO, base('stop', 'StopInstances')].join('---\n');
  const yaml = [THREE, correlation('type: temporal\nrules: [enable, push, stop]\ngroup-by: [userIdentity.arn]\ntimespan: 10m\ncondition:\n  gte: 2')].join('---\n');
  const events = [
    act('EnableSerialConsoleAccess', 'a', '16:00:00'), act('StopInstances', 'a', '16:10:01'),
    act('EnableSerialConsoleAccess', 'b', '16:00:00'), act('StopInstances', 'b', '16:10:00'),
  ];
  const alerts = await runYaml(yaml, events);
  assert.deepEqual(alerts.map((a) => [a['userIdentity.arn'], a.rule_count, a.sigma_rules]), [['b', 2, ['enable', 'stop']]]);
});

test('aliases: group-by a name that maps to a different field per rule', async () => {
  // Spec, "Field Name Aliases": "The alias field names can then be referenced in group-by attributes and are resolved to their respective field names."
  const yaml = [TWO, correlation('type: temporal\nrules: [enable, push]\ngroup-by: [who]\ntimespan: 10m\naliases:\n  who:\n    enable: userIdentity.arn\n    push: requestParameters.instanceOwner')].join('---\n');
  const events = [
    ct({ eventName: 'EnableSerialConsoleAccess', userIdentity: { arn: 'alice' } }, '2026-11-20T16:01:00Z'),
    ct({ eventName: 'SendSerialConsoleSSHPublicKey', userIdentity: { arn: 'other' }, requestParameters: { instanceOwner: 'alice' } }, '2026-11-20T16:02:00Z'),
  ];
  assert.deepEqual((await runYaml(yaml, events)).map((a) => a.who), ['alice']);
});

test('generate: referenced rules alert on their own only when the correlation says generate: true', async () => {
  // Spec, "Generate": "defines if the rules referred from the correlation rule should be converted as stand-alone rules or if only the correlation query should be generated (default)."
  const make = (generate: string) => [base('logins', 'ConsoleLogin'), correlation(`type: event_count\nrules: [logins]\ngroup-by: [userIdentity.arn]\ntimespan: 1h\ncondition:\n  gte: 5`, generate)].join('---\n');
  const events = [login('a', '16:00:00')];
  assert.deepEqual((await runYaml(make(''), events)).length, 0);
  assert.deepEqual((await runYaml(make('generate: true\n'), events)).map((a) => a.rule_id), ['logins']);
});

const ERRORS: readonly [string, string, string][] = [
  ['type: event_count\nrules: [logins]\ngroup-by: [x]\ntimespan: 1w\ncondition: {gte: 1}', 'SIGMA-BAD-TIMESPAN', 'spec: "Xs seconds, Xm minutes, Xh hours, Xd days"'],
  ['type: event_count\nrules: [logins]\ntimespan: 1h', 'SIGMA-BAD-CORRELATION', 'event_count requires a condition'],
  ['type: value_count\nrules: [logins]\ntimespan: 1h\ncondition: {gte: 2}', 'SIGMA-BAD-CORRELATION', 'value_count requires field in condition'],
  ['type: event_count\nrules: [nosuch]\ntimespan: 1h\ncondition: {gte: 1}', 'SIGMA-UNKNOWN-RULE', 'a reference to a rule that was not loaded'],
  ['type: event_count\nrules: [logins]\ntimespan: 1h\ncondition: {about: 1}', 'SIGMA-BAD-CORRELATION', 'only gt, gte, lt, lte, eq, neq'],
  ['type: value_percentile\nrules: [logins]\ntimespan: 1h\ncondition: {field: x, gte: 1}', 'SIGMA-UNSUPPORTED-CORRELATION', 'not implemented: named error'],
  ['type: temporal_ordered\nrules: [logins, logins, logins]\ntimespan: 1h', 'SIGMA-UNSUPPORTED-CORRELATION', 'order is checked for exactly two rules'],
];

for (const [body, code, why] of ERRORS) {
  test(`correlation error: ${code} (${why})`, () => {
    const yaml = [base('logins', 'ConsoleLogin'), correlation(body)].join('---\n');
    assert.equal(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), code, why);
  });
}

test('a correlation of a correlation is refused with a named error', () => {
  const inner = `title: inner\nname: inner\ncorrelation:\n  type: event_count\n  rules: [logins]\n  timespan: 1h\n  condition: {gte: 2}\n`;
  const yaml = [base('logins', 'ConsoleLogin'), inner, correlation('type: event_count\nrules: [inner]\ntimespan: 1h\ncondition: {gte: 1}')].join('---\n');
  assert.equal(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), 'SIGMA-UNSUPPORTED-CORRELATION');
});
