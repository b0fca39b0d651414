// Sigma conditions: and/or/not, parentheses, precedence, `1 of`/`all of` with wildcards and `them`, lists of
// maps, keyword lists. Citations: SigmaHQ/sigma-specification, specification/sigma-rules-specification.md,
// section "Condition" (operators, precedence "not > and > or", "them" excludes names starting with "_").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudtrailRule, ct, errorCode, matchesEach } from './helpers.ts';
import { lowerSigma, parseCondition, parseSigmaText } from '../../src/sigma/index.ts';

// Three selections on three fields; each event row sets which of them hold.
const SELECTIONS = 'sel_a:\n  a: 1\nsel_b:\n  b: 1\n_hidden:\n  c: 1';
const ROWS: readonly (readonly [a: boolean, b: boolean, c: boolean])[] = [
  [false, false, false], [true, false, false], [false, true, false], [true, true, false],
  [false, false, true], [true, false, true], [false, true, true], [true, true, true],
];

const CASES: readonly { condition: string; cite: string; want: (a: boolean, b: boolean, c: boolean) => boolean }[] = [
  { condition: 'sel_a', cite: 'a single search identifier', want: (a) => a },
  { condition: 'sel_a and sel_b', cite: '"and": logical AND', want: (a, b) => a && b },
  { condition: 'sel_a or sel_b', cite: '"or": logical OR', want: (a, b) => a || b },
  { condition: 'not sel_a', cite: '"not": negation', want: (a) => !a },
  { condition: 'sel_a and not sel_b', cite: 'negation of one identifier inside AND', want: (a, b) => a && !b },
  { condition: 'sel_a or sel_b and _hidden', cite: 'precedence: and binds tighter than or', want: (a, b, c) => a || (b && c) },
  { condition: 'not sel_a and sel_b', cite: 'precedence: not binds tighter than and', want: (a, b) => !a && b },
  { condition: '(sel_a or sel_b) and _hidden', cite: 'parentheses group sub-expressions', want: (a, b, c) => (a || b) && c },
  { condition: 'not (sel_a or sel_b)', cite: 'not applies to a parenthesised group', want: (a, b) => !(a || b) },
  { condition: '1 of sel_*', cite: '"1 of search-identifier-pattern": OR of the matching identifiers', want: (a, b) => a || b },
  { condition: 'all of sel_*', cite: '"all of search-identifier-pattern": AND of the matching identifiers', want: (a, b) => a && b },
  { condition: '1 of them', cite: '"1 of them": any identifier; names starting with _ are excluded', want: (a, b) => a || b },
  { condition: 'all of them', cite: '"all of them": every identifier except those starting with _', want: (a, b) => a && b },
  { condition: 'all of them and not _hidden', cite: 'an _ identifier can still be named explicitly', want: (a, b, c) => a && b && !c },
  { condition: 'SEL_A OR sel_b', cite: 'identifier names are case-sensitive: SEL_A is not defined', want: () => false },
];

function events() {
  return ROWS.map(([a, b, c]) => ct({ a: a ? 1 : 0, b: b ? 1 : 0, c: c ? 1 : 0 }));
}

for (const c of CASES) {
  test(`condition: ${c.condition}`, async () => {
    const yaml = cloudtrailRule(`${SELECTIONS}\ncondition: ${c.condition}`);
    if (c.condition.startsWith('SEL_A')) {
      assert.equal(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), 'SIGMA-BAD-CONDITION', c.cite);
      return;
    }
    assert.deepEqual(await matchesEach(yaml, events()), ROWS.map(([a, b, cc]) => c.want(a, b, cc)), c.cite);
  });
}

test('a list of maps is OR-linked; each map is AND-linked (rules spec, "Detection": maps AND, lists OR)', async () => {
  const yaml = cloudtrailRule('sel:\n  - a: 1\n    b: 1\n  - c: 1\ncondition: sel');
  assert.deepEqual(await matchesEach(yaml, events()), ROWS.map(([a, b, c]) => (a && b) || c));
});

test('keywords: a plain list searches the whole event, case-insensitive, OR-linked (rules spec, "Keywords")', async () => {
  const yaml = cloudtrailRule("keywords:\n  - 'EVIL-tool'\n  - 'bad?host'\ncondition: keywords");
  const evs = [ct({ userAgent: 'evil-TOOL/1.0' }), ct({ x: 'badXhost' }), ct({ userAgent: 'aws-cli' })];
  assert.deepEqual(await matchesEach(yaml, evs), [true, true, false]);
});

test('keywords with |all: every keyword somewhere in the event', async () => {
  const yaml = cloudtrailRule("keywords:\n  '|all':\n    - alpha\n    - beta\ncondition: keywords");
  assert.deepEqual(await matchesEach(yaml, [ct({ x: 'alpha', y: 'beta' }), ct({ x: 'alpha' })]), [true, false]);
});

test('a condition list is OR-linked', async () => {
  const yaml = cloudtrailRule(`${SELECTIONS}\ncondition:\n  - sel_a\n  - sel_b`);
  assert.deepEqual(await matchesEach(yaml, events()), ROWS.map(([a, b]) => a || b));
});

const PARSE_ERRORS: readonly [string, string][] = [
  ['sel_a and', 'SIGMA-BAD-CONDITION'],
  ['(sel_a or sel_b', 'SIGMA-BAD-CONDITION'],
  ['sel_a sel_b', 'SIGMA-BAD-CONDITION'],
  ['1 of', 'SIGMA-BAD-CONDITION'],
  ['selection | count() > 5', 'SIGMA-UNSUPPORTED-AGGREGATION'],
  ['sel_a | count(b) by c > 2', 'SIGMA-UNSUPPORTED-AGGREGATION'],
];

for (const [text, code] of PARSE_ERRORS) {
  test(`condition error: '${text}' -> ${code}`, () => {
    assert.equal(errorCode(() => parseCondition(text)), code);
  });
}

test('a condition error points at the offending token', () => {
  try {
    parseCondition('sel_a and and sel_b');
    assert.fail('must throw');
  } catch (e) {
    const d = (e as { diagnostic: { code: string; span: { start: number; end: number } } }).diagnostic;
    assert.equal(d.code, 'SIGMA-BAD-CONDITION');
    assert.deepEqual(d.span, { start: 10, end: 13 });
  }
});

test('a quantifier matching no identifier is an error, not an always-false rule', () => {
  const yaml = cloudtrailRule(`${SELECTIONS}\ncondition: 1 of filter_*`);
  assert.equal(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), 'SIGMA-BAD-CONDITION');
});

test('not of a selection is true when its field is missing, for every kind of value condition', async () => {
  // Rules spec, "Condition": not negates the selection; a selection on a missing field does not match.
  const cases: [string, Record<string, unknown>][] = [
    ["f|re: 'b'", { f: 'abc' }],
    ['f|cidr: 10.0.0.0/8', { f: '10.0.0.1' }],
    ['f|fieldref: g', { f: 'abc', g: 'ABC' }],
    ["f: 'a?c'", { f: 'abc' }],
    ['f|cased: Abc', { f: 'Abc' }],
    ['f: abc', { f: 'abc' }],
    ['n|gt: 1', { n: 2 }],
    ["f|contains: 'b'", { f: 'abc' }],
  ];
  for (const [sel, matching] of cases) {
    const yaml = cloudtrailRule(`sel:\n  ${sel}\ncondition: not sel`);
    assert.deepEqual(await matchesEach(yaml, [ct({}), ct(matching)]), [true, false], sel);
  }
});
