// Golden parse trees: every case in test/golden/parse/*.txt is parsed and compared with its expected
// s-expression or diagnostics. Every valid case is also round-tripped: printSpl(ast) must parse back
// to the same AST (spans aside), and printing that AST again must give the same text (a fixpoint).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertGolden, UPDATE_GOLDENS } from '../helpers/golden.ts';
import { parseSpl, printSpl } from '../../src/spl/index.ts';
import { readCases, renderParse, writeCases } from './helpers/parse-cases.ts';
import { stripSpans } from './helpers/strip-spans.ts';

const DIR = join(import.meta.dirname, '..', 'golden', 'parse');
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

test('golden parse files hold at least 80 cases', () => {
  const total = files.reduce((n, f) => n + readCases(readFileSync(join(DIR, f), 'utf8')).cases.length, 0);
  assert.ok(total >= 80, `only ${total} golden parse cases`);
});

for (const file of files) {
  const path = join(DIR, file);
  const { preamble, cases } = readCases(readFileSync(path, 'utf8'));
  describe(`golden/parse/${file}`, () => {
    if (UPDATE_GOLDENS) {
      test('rewrite', () => {
        assertGolden(path, writeCases(preamble, cases.map((c) => ({ ...c, expected: renderParse(c.spl).text }))));
      });
      return;
    }
    for (const c of cases) {
      test(c.title, () => {
        assert.ok(c.expected !== '', 'expected block is empty: run `npm test -- --update` and review');
        assert.equal(renderParse(c.spl).text, c.expected);
      });
      const { ast } = parseSpl(c.spl);
      if (!ast) continue;
      test(`round-trip: ${c.title}`, () => {
        const printed = printSpl(ast);
        const again = parseSpl(printed);
        assert.deepEqual(again.diagnostics, [], `printed text does not parse: ${printed}`);
        assert.deepEqual(stripSpans(again.ast), stripSpans(ast), `printed: ${printed}`);
        assert.equal(printSpl(again.ast!), printed, 'printing is not a fixpoint');
      });
    }
  });
}
