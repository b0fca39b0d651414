// The case-insensitive multi-literal search finds the first match of any literal exactly where a plain
// reference does (ASCII lower-casing both sides, then indexOf per literal), on seeded random text built from
// the literals' own letters in mixed case, with one-byte, short and long literals and non-ASCII bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldedMultiSearch } from '../../src/scan/folded-search.ts';
import { Prng } from '../../src/scenarios/prng.ts';

const asciiLower = (b: Uint8Array) => Buffer.from(b.map((c) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c))).toString('latin1');

function reference(text: Uint8Array, literals: readonly string[], from: number, end: number): number {
  const hay = asciiLower(text.subarray(0, end));
  let best = -1;
  for (const l of literals) {
    const at = hay.indexOf(l.toLowerCase(), from);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

test('folded search: the cases that matter', () => {
  const s = new FoldedMultiSearch(['StartSession', 'OpenTunnel']);
  const text = Buffer.from('{"eventName":"STARTSESSION"} {"eventName":"opentunneL"}', 'latin1');
  assert.equal(s.indexIn(text, 0, text.length), text.indexOf('STARTSESSION'));
  assert.equal(s.indexIn(text, 20, text.length), text.indexOf('opentunneL'));
  assert.equal(s.indexIn(text, 0, text.indexOf('STARTSESSION') + 11), -1, 'a match cut by the end does not count');
  // Non-ASCII letters never fold to ASCII: "Ä" is not "a".
  assert.equal(new FoldedMultiSearch(['abc']).indexIn(Buffer.from('\u00c4bc', 'latin1'), 0, 3), -1);
  assert.equal(new FoldedMultiSearch(['x']).indexIn(Buffer.from('aaX'), 0, 3), 2);
});

test('folded search equals the reference on seeded random text', () => {
  const rng = new Prng(99);
  const pool = ['StartSession', 'ResumeSession', 'SendCommand', 'ssm.amazonaws.com', 'No', 'x', 'Succeeded', 'a-b_c:d', 'OpenTunnel'];
  for (let n = 0; n < 400; n++) {
    const literals = pool.filter(() => rng.int(0, 2) === 0);
    if (literals.length === 0) continue;
    const alphabet = [...new Set(literals.join(''))].concat(['"', ' ', '\u00c4', '\u00e9', 'Z']);
    const chars: string[] = [];
    for (let i = 0; i < rng.int(0, 300); i++) {
      if (rng.int(0, 20) === 0) chars.push(rng.pick(literals));
      else chars.push(rng.pick(alphabet));
    }
    const mixed = chars.join('').replace(/[a-z]/gi, (c) => (rng.int(0, 1) ? c.toUpperCase() : c.toLowerCase()));
    const text = Buffer.from(mixed, 'latin1');
    const search = new FoldedMultiSearch(literals);
    const from = rng.int(0, Math.max(0, text.length - 1));
    const end = rng.int(from, text.length);
    assert.equal(search.indexIn(text, from, end), reference(text, literals, from, end), `${literals.join('|')} in ${mixed.slice(from, end)}`);
  }
});
