// Parse gate: the searches of Splunk's security_content cloud detections for our four log families,
// with their macros expanded, parse without a single error. A detection whose upstream SPL is itself
// invalid is listed with `expectError` and must fail with exactly that code. tstats/datamodel searches
// parse into the `unsupported` command kind, which is fine for the gate.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadMacros, parseSpl, printSpl } from '../../src/spl/index.ts';
import { stripSpans } from './helpers/strip-spans.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'escu');

interface Detection {
  name: string;
  file: string;
  commit: string;
  search: string;
  expectError?: string;
}

const detections = parseYaml(readFileSync(join(DIR, 'detections.yml'), 'utf8')) as Detection[];
const macros = loadMacros(join(DIR, 'macros'), { missingFilterMacros: 'match-all' });

test('the gate covers at least 40 detections from all four log families', () => {
  assert.ok(detections.length >= 40, `${detections.length} detections`);
  for (const macro of ['`cloudtrail`', '`azure_monitor_aad`', '`o365_management_activity`', '`azure_audit`']) {
    assert.ok(detections.some((d) => d.search.includes(macro)), `no detection uses ${macro}`);
  }
});

for (const d of detections) {
  test(`ESCU ${d.file}`, () => {
    const { ast, diagnostics } = parseSpl(d.search, { macros });
    if (d.expectError) {
      assert.equal(ast, null);
      assert.deepEqual([...new Set(diagnostics.map((x) => x.code))], [d.expectError]);
      return;
    }
    assert.deepEqual(diagnostics.map((x) => formatDiagnostic(x, d.search)), []);
    assert.ok(ast);
    // Spans refer to the original text (before macro expansion) and stay inside it.
    for (const c of ast.commands) assert.ok(c.span.start >= 0 && c.span.end <= d.search.length, `${c.kind} span outside the text`);
    // And the expanded AST survives the printer.
    const again = parseSpl(printSpl(ast));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(stripSpans(again.ast), stripSpans(ast));
  });
}

test('without the filter-macro default, a missing *_filter macro is an error at its position', () => {
  const strict = loadMacros(join(DIR, 'macros'));
  const d = detections.find((x) => x.file.endsWith('aws_excessive_security_scanning.yml'));
  assert.ok(d);
  const { ast, diagnostics } = parseSpl(d.search, { macros: strict });
  assert.equal(ast, null);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.code, 'SPL-UNKNOWN-MACRO');
  const span = diagnostics[0]?.span;
  assert.ok(span);
  assert.equal(d.search.slice(span.start, span.end), '`aws_excessive_security_scanning_filter`');
});
