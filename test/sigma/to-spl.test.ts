// `sightline convert sigma.yml --to spl`: the SPL printed from a lowered Sigma plan, parsed again by our SPL
// parser and run, matches exactly the events (or windows) the Sigma plan matches: on modifier cases with
// missing and multivalue fields, on a correlation, and on the exported rules over demo/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '../../src/core/event.ts';
import { runQuery } from '../../src/exec/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import { lowerSigma, parseSigmaText } from '../../src/sigma/index.ts';
import { sigmaPlanToSpl } from '../../src/sigma/to-spl.ts';
import { runConvert } from '../../src/cli/commands/convert.ts';
import { cloudtrailRule, ct } from './helpers.ts';

async function same(yaml: string, events: readonly Event[]): Promise<{ sigma: number; spl: number; text: string }> {
  const [q] = lowerSigma(parseSigmaText(yaml, 't.yml'));
  assert.ok(q);
  const text = sigmaPlanToSpl(q.plan.root);
  const a = await runQuery(q.plan, events);
  const b = await runQuery(planQuery(text), events);
  assert.deepEqual(b.map((r) => r.toJSON()), a.map((r) => r.toJSON()), text);
  return { sigma: a.length, spl: b.length, text };
}

const EVENTS = [
  ct({ f: 'Admin', g: 'admin', n: 7, ip: '10.1.2.3' }),
  ct({ f: 'x*y', n: 3 }),
  ct({ f: ['a', 'Bc'] }),
  ct({ f: 'C:\\Windows\\cmd.exe', g: 'other', ip: '192.0.2.9' }),
  ct({}),
];

const SELECTIONS = [
  'f: admin',
  "f|startswith: 'ad'",
  "f|contains: 'in'",
  "f: 'x\\*y'",
  "f: 'a?min'",
  'f|cased: Admin',
  "f|re: '^C:.*exe$'",
  'f|re|i: ADMIN',
  'ip|cidr: 10.0.0.0/8',
  'n|gt: 5',
  'n|lte: 3',
  'f|exists: false',
  'f: null',
  'f|fieldref: g',
  'f|neq: admin',
  "f|endswith: '\\cmd.exe'",
];

for (const sel of SELECTIONS) {
  test(`to-spl: '${sel}' and 'not' of it match the same events as the Sigma plan`, async () => {
    await same(cloudtrailRule(`sel:\n  ${sel}\ncondition: sel`), EVENTS);
    await same(cloudtrailRule(`sel:\n  ${sel}\ncondition: not sel`), EVENTS);
  });
}

test('to-spl: keywords and mixed search/where conditions', async () => {
  const r = await same(cloudtrailRule("k:\n  - 'cmd.exe'\nsel:\n  n|gt: 1\ncondition: k or sel"), EVENTS);
  assert.equal(r.sigma, 3);
});

test('to-spl: an event_count correlation prints as bin + stats + where and counts the same windows', async () => {
  const yaml =
    'title: r\nname: r\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: ConsoleLogin}, condition: s}\n---\n' +
    'title: c\ncorrelation: {type: event_count, rules: [r], group-by: [userIdentity.arn], timespan: 1h, condition: {gte: 2}}\n';
  const login = (u: string, t: string) => ct({ eventName: 'ConsoleLogin', userIdentity: { arn: u } }, `2026-11-20T${t}Z`);
  const r = await same(yaml, [login('a', '16:00:00'), login('a', '16:59:59'), login('b', '16:59:59'), login('b', '17:00:00')]);
  assert.equal(r.sigma, 1);
  assert.match(r.text, /\| bin _time span=3600s AS sigma_window \| stats count AS event_count, values\(sigma_rule\) AS sigma_rules, min\(_time\) AS _time BY sigma_window, userIdentity\.arn \| where event_count>=2$/);
});

test('convert: a Sigma file to a target other than spl is a named error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-conv-'));
  const file = join(dir, 'r.yml');
  writeFileSync(file, cloudtrailRule('sel:\n  eventName: X\ncondition: sel'));
  const origErr = process.stderr.write.bind(process.stderr);
  let err = '';
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  let out = '';
  let code: number;
  let codeSpl: number;
  try {
    code = await runConvert({ files: [file], to: 'kql' }, (s) => void (out += s));
    codeSpl = await runConvert({ files: [file], to: 'spl' }, (s) => void (out += s));
  } finally {
    process.stderr.write = origErr;
  }
  assert.equal(code, 2);
  assert.match(err, /CLI-SIGMA-TARGET/);
  assert.equal(codeSpl, 0);
  assert.match(out, /^``` test rule \(Sigma test-rule\) ```\nsearch sourcetype="aws:cloudtrail" eventName="X"\n$/);
});

test('to-spl: every exported rule, re-imported and printed as SPL, matches the same demo events as its plan', async () => {
  const { loadRules } = await import('../../src/rules/load.ts');
  const { convertRule } = await import('../../src/app/convert-rule.ts');
  const { readEvents } = await import('../../src/ingest/read.ts');
  const demo: Event[] = [];
  for await (const ev of readEvents(['demo'], { onMalformed: () => undefined })) demo.push(ev);
  let checked = 0;
  for (const rule of await loadRules('rules')) {
    const out = convertRule(rule, 'sigma');
    if (!out.ok) continue;
    for (const q of lowerSigma(parseSigmaText(out.text, `${rule.id}.yml`))) {
      const a = await runQuery(q.plan, demo);
      const b = await runQuery(planQuery(sigmaPlanToSpl(q.plan.root)), demo);
      assert.deepEqual(b.map((r) => r.toJSON()), a.map((r) => r.toJSON()), `${rule.id}: ${q.title}`);
      checked++;
    }
  }
  assert.ok(checked >= 4, 'the exported rules give at least four Sigma queries');
});
