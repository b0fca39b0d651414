// Bad input never crashes the parser and every error points inside the text: real searches cut at
// many positions and with characters spliced in must give either an AST or errors with valid spans.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { loadMacros, parseSpl } from '../../src/spl/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'escu');
const searches = (parseYaml(readFileSync(join(DIR, 'detections.yml'), 'utf8')) as { search: string }[]).map((d) => d.search);
const macros = loadMacros(join(DIR, 'macros'), { missingFilterMacros: 'match-all' });
const SPLICES = ['(', ')', '[', ']', '|', '"', "'", '`', '```', '=', ',', '\\', 'NOT ', ' OR ', '\n'];

function check(text: string): void {
  let result: ReturnType<typeof parseSpl>;
  assert.doesNotThrow(() => {
    result = parseSpl(text, { macros });
  }, `parseSpl threw on ${JSON.stringify(text)}`);
  const { ast, diagnostics } = result!;
  assert.ok(ast !== null || diagnostics.length > 0, `no AST and no diagnostic for ${JSON.stringify(text)}`);
  for (const d of diagnostics) {
    assert.match(d.code, /^SPL-[A-Z-]+$/);
    assert.ok(d.span, `${d.code} has no span`);
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} span ${JSON.stringify(d.span)} outside ${text.length} chars`);
  }
}

test('truncated real searches never throw and report errors inside the text', () => {
  for (const s of searches) for (let cut = 0; cut < s.length; cut += 11) check(s.slice(0, cut));
});

test('real searches with a breaking character spliced in never throw', () => {
  searches.forEach((s, i) => {
    for (let k = 0; k < SPLICES.length; k++) {
      const at = (i * 37 + k * 53) % (s.length + 1);
      check(s.slice(0, at) + SPLICES[k] + s.slice(at));
    }
  });
});
