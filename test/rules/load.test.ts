// Loading rule files: schema problems come back as diagnostics at the file position of the offending key or
// value; the SPL offset -> file offset map points into block and quoted scalars; bad YAML never throws.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lineColAt } from '../../src/core/diagnostics.ts';
import { loadRuleSource } from '../../src/rules/load.ts';
import { RULES_DIR } from './helpers.ts';

const GOOD = readFileSync(`${RULES_DIR}/aws-ec2-instance-connect-endpoint-tunnel-t1021-008.yml`, 'utf8');
const pos = (text: string, offset: number) => {
  const { line, col } = lineColAt(text, offset);
  return `${line}:${col}`;
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('loadRuleSource', () => {
  it('loads a valid rule with defaults applied', () => {
    const r = loadRuleSource(GOOD, 'x.yml');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.rule?.id, 'aws-ec2-instance-connect-endpoint-tunnel-t1021-008');
    assert.equal(r.rule?.tests[0]?.tuned, false);
  });

  const broken: readonly (readonly [string, string, string, RegExp])[] = [
    // [what, from, to, message] : the diagnostic must sit on the line of `to`
    ['bad severity enum', 'severity: medium', 'severity: urgent', /severity/],
    ['bad technique id', 'subtechnique: T1021.008', 'subtechnique: T1021.8', /attack\.subtechnique/],
    ['unknown key (strict)', 'confidence: medium', 'confidence: medium\nconfidance: high', /confidance|Unrecognized/],
    ['wrong type in a test', 'expect: no_alert\n    tuned: true', 'expect: no_alert\n    tuned: sometimes', /tuned/],
  ];
  for (const [what, from, to, message] of broken) {
    it(`reports ${what} at its line`, () => {
      assert.ok(GOOD.includes(from), from);
      const text = GOOD.replace(from, to);
      const r = loadRuleSource(text, 'bad.yml');
      assert.equal(r.rule, null);
      const d = r.diagnostics.find((x) => x.code === 'RULE-SCHEMA' && message.test(x.message));
      assert.ok(d, JSON.stringify(r.diagnostics.map((x) => x.message)));
      assert.equal(d.file, 'bad.yml');
      const wantLine = lineOf(text, to.split('\n').pop()!);
      assert.equal(lineColAt(text, d.span!.start).line, wantLine, `${d.message} at ${pos(text, d.span!.start)}`);
    });
  }

  it('reports a missing required key at the document', () => {
    const r = loadRuleSource(GOOD.replace(/^title: .*\n/m, ''), 'bad.yml');
    assert.ok(r.diagnostics.some((d) => d.code === 'RULE-SCHEMA' && /title/.test(d.message)));
  });

  it('reports YAML syntax errors with a position and does not throw', () => {
    const r = loadRuleSource('id: x\nspl: "unterminated\n', 'bad.yml');
    assert.equal(r.rule, null);
    assert.equal(r.diagnostics[0]?.code, 'RULE-YAML');
    assert.ok(r.diagnostics[0]?.span);
  });

  it('maps SPL offsets into the block scalar', () => {
    const r = loadRuleSource(GOOD, 'x.yml');
    const spl = r.spl!;
    const splLine2 = spl.text.indexOf('| eval');
    const fileOffset = spl.toFile(splLine2);
    assert.equal(GOOD.slice(fileOffset, fileOffset + 6), '| eval');
    assert.equal(pos(GOOD, fileOffset), `${lineOf(GOOD, '  | eval Principal')}:3`);
    assert.equal(GOOD.slice(spl.toFile(0), spl.toFile(0) + 10), 'sourcetype');
  });

  it('maps SPL offsets into a quoted scalar', () => {
    const text = GOOD.replace(/spl: \|\n(?: {2}.*\n)+/, 'spl: "sourcetype=\\"aws:cloudtrail\\" | table eventName"\n');
    const r = loadRuleSource(text, 'x.yml');
    assert.ok(r.spl);
    assert.equal(text.slice(r.spl.toFile(0), r.spl.toFile(0) + 10), 'sourcetype');
  });
});
