// `sightline explain`: prints the AST and the plan; invalid queries give exit code 2 and a caret diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain } from '../../src/cli/commands/explain.ts';

test('explain prints the AST s-expression and the plan', async () => {
  const { text, code } = await explain({ spl: 'sourcetype=aws:cloudtrail | stats count by user' });
  assert.equal(code, 0);
  assert.match(text, /^AST:\n\(pipeline /);
  assert.match(text, /Plan:\nstats count AS count BY user\n {2}scan search\(sourcetype="aws:cloudtrail"\)/);
});

test('explain --plan-only omits the AST', async () => {
  const { text } = await explain({ spl: '* | head 2', planOnly: true });
  assert.equal(text, 'Plan:\nhead 2\n  scan *\n');
});

test('explain reports an unsupported command at its position with exit code 2', async () => {
  const { text, code } = await explain({ spl: '* | transaction user' });
  assert.equal(code, 2);
  assert.match(text, /^1:5: SPL-UNSUPPORTED-COMMAND: /);
  assert.match(text, /\n {6}\^~{10}\n/);
});
