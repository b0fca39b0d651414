// The founding seed queries put pipelines inside parenthesised search groups. Splunk rejects that:
// "A search consists of a series of commands that are delimited by pipe ( | ) characters" and
// parentheses only group Boolean search terms (Search Manual, "Anatomy of a search"; see
// spl-semantics.md, "Pipeline structure; pipes inside parentheses"). The parser must say so at the
// first offending pipe, with a hint towards multisearch/append/one branch per rule.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lineColAt } from '../../src/core/diagnostics.ts';
import { parseSpl } from '../../src/spl/index.ts';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');

// Expected positions read off the fixture files by hand: the first line that starts with `|`
// while a `(` group is open.
const CASES = [
  { file: 't1021-007-cloud-services.spl', line: 5, col: 1, firstCommand: '| eval UserUPN=' },
  { file: 't1021-008-direct-cloud-vm.spl', line: 7, col: 1, firstCommand: "| eval UserARN='userIdentity.arn'" },
];

for (const c of CASES) {
  test(`seed ${c.file}: SPL-PIPE-IN-PARENS at ${c.line}:${c.col}`, () => {
    const text = readFileSync(join(SEEDS, c.file), 'utf8');
    assert.ok(text.split('\n')[c.line - 1]?.startsWith(c.firstCommand), 'fixture changed: recheck the expected position');
    const { ast, diagnostics } = parseSpl(text);
    assert.equal(ast, null);
    const first = diagnostics[0];
    assert.ok(first, 'expected at least one diagnostic');
    assert.equal(first.code, 'SPL-PIPE-IN-PARENS');
    assert.ok(first.span);
    assert.deepEqual(lineColAt(text, first.span.start), { line: c.line, col: c.col });
    assert.equal(text.slice(first.span.start, first.span.end), '|', 'the span covers exactly the pipe');
    assert.match(first.hint ?? '', /multisearch/);
    assert.match(first.hint ?? '', /append/);
    assert.match(first.hint ?? '', /one branch per rule/);
  });
}

test('a pipe inside double quotes is literal text, not a pipe ("Anatomy of a search")', () => {
  const { ast, diagnostics } = parseSpl('index=a (msg="error | stats count" OR msg=x)');
  assert.deepEqual(diagnostics, []);
  assert.ok(ast);
});
