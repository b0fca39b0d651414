// One pass for the case-insensitive clauses of every scan: each clause gets exactly the lines where one of
// its literals occurs, checked against a direct per-line test on generated text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedClauseSearch } from '../../src/scan/shared-search.ts';
import { FoldedMultiSearch } from '../../src/scan/folded-search.ts';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

test('each clause gets the lines holding one of its literals, whatever their case', () => {
  const clauses = new Map<string, string[]>([
    ['tunnel', ['OpenTunnel', 'CloseTunnel']],
    ['session', ['StartSession', 'OpenTunnel']],
    ['none', ['NothingHere']],
  ]);
  const lines = ['{"e":"OpenTunnel"}', '{"e":"STARTSESSION"}', '{"e":"closetunnel","f":"opentunnel"}', '{"e":"Describe"}', 'OpenTunnelStartSession'];
  const text = lines.join('\n') + '\n';
  const buf = Buffer.from(text, 'latin1');
  const found = new SharedClauseSearch(clauses).linesIn(buf, 0, buf.length);
  const starts = lineStarts(text);
  const want = (lits: string[]) => new Set(lines.flatMap((l, i) => (lits.some((x) => l.toLowerCase().includes(x.toLowerCase())) ? [starts[i]!] : [])));
  for (const [name, lits] of clauses) assert.deepEqual(found.get(name), want(lits), name);
});

test('a region inside the buffer: lines outside it are not named', () => {
  const buf = Buffer.from('OpenTunnel\nxx\nOpenTunnel\n', 'latin1');
  const found = new SharedClauseSearch(new Map([['c', ['OpenTunnel']]])).linesIn(buf, 11, 14);
  assert.deepEqual(found.get('c'), new Set());
  assert.deepEqual(new SharedClauseSearch(new Map([['c', ['OpenTunnel']]])).linesIn(buf, 11, buf.length).get('c'), new Set([14]));
});

test('eachMatch finds every occurrence, overlapping ones included, as a direct search does', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = 'abAB-.';
  const literals = ['abab', 'BAba', 'ab-a', 'a.b.'];
  const search = new FoldedMultiSearch(literals);
  for (let round = 0; round < 200; round++) {
    const text = Array.from({ length: 60 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const buf = Buffer.from(text, 'latin1');
    const got: [number, string][] = [];
    search.eachMatch(buf, 0, buf.length, (at, i) => got.push([at, search.literals[i]!]));
    const want: [number, string][] = [];
    for (let at = 0; at < text.length; at++) for (const l of search.literals) if (text.slice(at, at + l.length).toLowerCase() === l) want.push([at, l]);
    const key = (x: [number, string]) => `${x[0]}:${x[1]}`;
    assert.deepEqual(got.map(key).sort(), want.map(key).sort(), text);
  }
});
