// Issue #19 item 6: 5,000 nested parentheses, 1,000 nested subsearches and 5,000 pipes overflowed the stack
// in lint, search and detect, and one such rule lost every other rule's alerts; macros expanded without a
// size bound. Each is now a coded, positioned diagnostic (SPL_LIMITS in src/spl/limits.ts), and searches at
// the bounds still parse, plan and run.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpl, MacroTable } from '../../src/spl/index.ts';
import { SPL_LIMITS } from '../../src/spl/limits.ts';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { runDetect } from '../../src/cli/commands/detect.ts';
import { RULES_DIR, ROOT } from '../rules/helpers.ts';

const N = 5000;
const HOSTILE: readonly [string, string, string][] = [
  ['nested search parentheses', 'search ' + '('.repeat(N) + 'a=1' + ')'.repeat(N), 'SPL-TOO-DEEP'],
  ['nested eval parentheses', '* | eval x=' + '('.repeat(N) + '1' + ')'.repeat(N), 'SPL-TOO-DEEP'],
  ['nested subsearches', 'search ' + '[search '.repeat(1000) + 'a=1' + ']'.repeat(1000), 'SPL-TOO-DEEP'],
  ['NOT chains', 'search ' + 'NOT '.repeat(N) + 'a=1', 'SPL-TOO-DEEP'],
  ['unary minus chains', '* | eval x=' + '-'.repeat(N) + '1', 'SPL-TOO-DEEP'],
  ['nested calls', '* | eval x=' + 'abs('.repeat(N) + '1' + ')'.repeat(N), 'SPL-TOO-DEEP'],
  ['a left-deep operator chain', '* | eval x=' + Array(N).fill('1').join(' . '), 'SPL-TOO-DEEP'],
  ['5,000 pipes', '* ' + '| eval x=1 '.repeat(N), 'SPL-TOO-MANY-COMMANDS'],
];

describe('SPL depth and size bounds', () => {
  for (const [name, text, code] of HOSTILE) {
    it(`${name}: ${code} with a position, no stack overflow`, () => {
      const r = parseSpl(text);
      assert.equal(r.ast, null);
      const d = r.diagnostics.find((x) => x.code === code);
      assert.ok(d, JSON.stringify(r.diagnostics.slice(0, 2)));
      assert.ok(d.span && d.span.start >= 0 && d.span.end <= text.length, 'positioned in the text');
      assert.throws(() => planQuery(text), (e: Error) => e.message.includes(code));
    });
  }

  it('searches just inside the bounds parse, plan and run', async () => {
    const depth = SPL_LIMITS.maxNesting - 3;
    const inside = [
      'a=1 ' + '('.repeat(depth) + 'b=2' + ')'.repeat(depth),
      '* | eval x=' + 'abs('.repeat(depth) + '-1' + ')'.repeat(depth),
      '* | eval x=' + Array(SPL_LIMITS.maxTreeDepth - 10).fill('"a"').join(' . ') + ' | eval x=len(x)',
      '* ' + '| eval x=1 '.repeat(SPL_LIMITS.maxCommands - 1),
    ];
    for (const text of inside) {
      const rows = await runQuery(planQuery(text), [makeEvent({ a: 1, b: 2 }, { time: 1 })]);
      assert.equal(rows.length, 1, text.slice(0, 40));
    }
  });

  it('macros that double at each level stop at the expansion bound with SPL-MACRO-TOO-LARGE', () => {
    const defs = [{ name: 'm0', args: [], definition: 'a=1' }];
    for (let i = 1; i <= 20; i++) defs.push({ name: `m${i}`, args: [], definition: `\`m${i - 1}\` OR \`m${i - 1}\`` });
    const text = 'search `m20`';
    const r = parseSpl(text, { macros: new MacroTable(defs) });
    const d = r.diagnostics.find((x) => x.code === 'SPL-MACRO-TOO-LARGE');
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.deepEqual(d.span, { start: 7, end: text.length });
    assert.ok(r.expandedText.length <= SPL_LIMITS.maxExpandedChars + text.length);
    // Ten levels (about 10,000 characters) are fine.
    assert.equal(parseSpl('search `m10`', { macros: new MacroTable(defs) }).diagnostics.length, 0);
  });

  it('detect: a rule past the bounds is reported and every other rule keeps its alerts', async () => {
    const rules = mkdtempSync(join(tmpdir(), 'sl-deep-rules-'));
    cpSync(RULES_DIR, rules, { recursive: true });
    const base = readFileSync(join(ROOT, 'test/web/fixtures/rules/console-login-no-mfa.yml'), 'utf8');
    const withSpl = (id: string, spl: string) => base.replace('id: test-console-login-no-mfa', `id: ${id}`).replace(/spl: \|[\s\S]*?\nalert_types/, `spl: |\n  ${spl}\nalert_types`);
    writeFileSync(join(rules, 'zz-deep.yml'), withSpl('zz-deep', 'sourcetype="aws:cloudtrail" | eval x=' + '('.repeat(N) + '1' + ')'.repeat(N) + ' | table _time x'));
    writeFileSync(join(rules, 'zz-chain.yml'), withSpl('zz-chain', 'sourcetype="aws:cloudtrail" | eval x=' + Array(N).fill('1').join(' . ') + ' | table _time x'));
    writeFileSync(join(rules, 'zz-pipes.yml'), withSpl('zz-pipes', 'sourcetype="aws:cloudtrail" ' + '| eval x=1 '.repeat(N) + '| table _time x'));
    const run = async (rulesDir: string) => {
      let out = '';
      let err = '';
      const code = await runDetect({ paths: [join(ROOT, 'demo')], rulesDir, format: 'json', tuned: true }, (s) => void (out += s), (s) => void (err += s));
      return { code, out, err };
    };
    const clean = await run(RULES_DIR);
    const hostile = await run(rules);
    // Exit 2 says some rules failed (fail closed); the alerts of all the others are printed all the same.
    assert.equal(hostile.code, 2, hostile.err.slice(0, 500));
    assert.match(hostile.err, /3 failed/);
    assert.ok(clean.out.length > 0);
    assert.equal(hostile.out, clean.out);
    for (const c of ['SPL-TOO-DEEP', 'SPL-TOO-MANY-COMMANDS']) assert.match(hostile.err, new RegExp(c));
    assert.doesNotMatch(hostile.err, /Maximum call stack|\n\s+at /);
  });
});

describe('JSON nested past the ingest limit inside a field value', () => {
  it('spath and json_extract treat it as not JSON instead of overflowing the stack', async () => {
    const deep = '{"x":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const ev = makeEvent({ a: 1, m: deep, ok: '{"x":{"y":2}}' }, { time: 1 });
    for (const q of ['* | spath input=m | table a', '* | spath input=m output=o path=x | table a o', '* | eval j=json_extract(m, "x"), k=spath(m, "x") | table a j k']) {
      const rows = await runQuery(planQuery(q), [ev]);
      assert.equal(rows.length, 1, q);
      assert.equal(rows[0]!.get('a'), 1);
    }
    const fine = await runQuery(planQuery('* | eval y=spath(ok, "x.y") | table y'), [ev]);
    assert.equal(String(fine[0]!.get('y')), '2');
  });
});
