// `sightline lint`: exit 0 on the catalog, 1 with file:line:col reports on the founding SPL, --query prints
// the rewrite with --fix, --fix rewrites a rule file in place, usage errors exit 2.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLint } from '../../src/cli/commands/lint.ts';
import { lintSpl } from '../../src/rules/lint/index.ts';
import { FIXTURES, RULES_DIR } from './helpers.ts';

function lint(req: Partial<Parameters<typeof runLint>[0]>) {
  let out = '';
  let err = '';
  const code = runLint({ paths: [], sourcetypes: [], fix: false, ...req }, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('lint command', () => {
  it('passes the whole catalog (directory argument)', () => {
    const r = lint({ paths: [RULES_DIR] });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /0 error\(s\), 0 warning\(s\)/);
  });
  it('reports the founding rule file with file:line:col, code and caret, exit 1', () => {
    const file = join(FIXTURES, 'seed-t1021-007.yml');
    const r = lint({ paths: [file] });
    assert.equal(r.code, 1);
    assert.ok(r.err.includes(`${file}:26:3: SPL-PIPE-IN-PARENS:`), r.err);
    assert.match(r.err, /\n {4}\^\n/);
    assert.match(r.err, /fix \(rewrite the branches as multisearch\/append\):\n {4}\s*\| multisearch/);
  });
  it('--query --fix prints the rewritten SPL', () => {
    const spl = readFileSync(join(FIXTURES, 'seed-t1021-008.spl'), 'utf8');
    const r = lint({ query: spl, fix: true });
    assert.equal(r.code, 1);
    assert.match(r.err, /^<query>:7:1: SPL-PIPE-IN-PARENS/m);
    assert.match(r.out, /^\| multisearch\n/);
    assert.deepEqual(lintSpl(r.out.trimEnd()).diagnostics, []);
  });
  it('--fix rewrites a rule file in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-lint-'));
    const file = join(dir, 'seed.yml');
    copyFileSync(join(FIXTURES, 'seed-t1021-007.yml'), file);
    assert.equal(lint({ paths: [file], fix: true }).code, 1);
    const after = lint({ paths: [file] });
    assert.doesNotMatch(after.err, /SPL-PIPE-IN-PARENS/);
    assert.equal((after.err.match(/SPL-UNKNOWN-FIELD/g) ?? []).length, 2, 'the seed field mistakes remain for a human to fix');
  });
  it('usage errors exit 2', () => {
    assert.equal(lint({}).code, 2);
    assert.equal(lint({ query: 'x', sourcetypes: ['nope'] }).code, 2);
  });
});
