// The line selector, table-driven: which lines of a buffer may match given clause lists. A line is only
// dropped when none of a scan's required terms can be in it; escapes (\u, \/), Records batches and
// non-ASCII characters that lower-case to ASCII keep their line whatever the terms say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLineSelector, type TermClauses } from '../../src/scan/prefilter.ts';

// Bare search terms (matched against _raw); civ() is a field value's text, which occurs in a Records line as
// in each of its records, so it needs no Records guard.
const ci = (text: string) => ({ text, caseSensitive: false, bare: true });
const cs = (text: string) => ({ text, caseSensitive: true, bare: true });
const civ = (text: string) => ({ text, caseSensitive: false });

/** Runs the selector on the lines and returns the indexes of the lines it keeps. */
function keptLines(lines: readonly string[], scans: readonly TermClauses[]): number[] | null {
  const selector = compileLineSelector(scans);
  if (!selector) return null;
  const buf = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += Buffer.byteLength(l) + 1;
  }
  // Several calls so both the resampling pass and the adaptive pass run on the same buffer.
  const results = [0, 1, 2].map(() => selector(buf, 0, buf.length).map((s) => starts.indexOf(s)));
  for (const r of results) assert.deepEqual(r, results[0]);
  return results[0]!;
}

const LINES = [
  '{"eventName":"OpenTunnel","src":"a"}',
  '{"eventName":"opentunnel"}',
  '{"eventName":"\\u004fpenTunnel"}',
  '{"path":"x\\/y"}',
  '{"Records":[{"eventName":"DescribeInstances"}]}',
  '{"eventName":"Open\u212Aey"}',
  '{"eventName":"DescribeInstances","src":"b"}',
  '{"note":null}',
];

const CASES: readonly { name: string; scans: TermClauses[]; kept: number[] | null }[] = [
  { name: 'no clauses: every line (no prefilter)', scans: [[]], kept: null },
  { name: 'no scans at all: no prefilter', scans: [], kept: null },
  { name: 'case-insensitive term, plus guard lines', scans: [[[ci('OpenTunnel')]]], kept: [0, 1, 2, 3, 4, 5] },
  { name: 'case-sensitive term keeps only its own case (and guards, no Kelvin guard)', scans: [[[cs('OpenTunnel')]]], kept: [0, 2, 3, 4] },
  { name: 'two clauses must both hold', scans: [[[ci('opentunnel')], [cs('"src"')]]], kept: [0, 2, 3, 4, 5] },
  { name: 'alternatives in one clause (OR)', scans: [[[ci('opentunnel'), ci('describeinstances')]]], kept: [0, 1, 2, 3, 4, 5, 6] },
  { name: 'any of several scans', scans: [[[cs('"b"')]], [[cs('OpenTunnel')]]], kept: [0, 2, 3, 4, 6] },
  { name: 'a scan without clauses disables the filter', scans: [[[cs('x')]], []], kept: null },
  { name: 'a non-ASCII term cannot be tested: its clause is dropped', scans: [[[ci('Straße')]]], kept: null },
  { name: 'term absent everywhere: only guard lines', scans: [[[ci('nothing-like-this')]]], kept: [2, 3, 4, 5] },
  { name: 'regex-special characters are literal', scans: [[[ci('a.*b')]]], kept: [2, 3, 4, 5] },
  { name: 'a field value: a Records line is judged by its bytes', scans: [[[civ('OpenTunnel')]]], kept: [0, 1, 2, 3, 5] },
  { name: 'a field value found in a Records line keeps it', scans: [[[civ('DescribeInstances')]]], kept: [2, 3, 4, 5, 6] },
];

for (const c of CASES) {
  test(`line selector: ${c.name}`, () => {
    assert.deepEqual(keptLines(LINES, c.scans), c.kept);
  });
}

test('line selector: terms at the very start and end of the buffer, and a range inside it', () => {
  const buf = Buffer.from('abc\nxyz\nabc');
  const selector = compileLineSelector([[[cs('abc')]]])!;
  assert.deepEqual(selector(buf, 0, buf.length), [0, 8]);
  assert.deepEqual(selector(buf, 4, 8), []);
  assert.deepEqual(selector(buf, 4, buf.length), [8]);
});
