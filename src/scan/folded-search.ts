// Case-insensitive search for several ASCII literals at once, straight over bytes. Splunk compares search
// terms and field values case-insensitively, so the prefilter must find "StartSession" as "STARTSESSION"
// too. A regular expression needs the block as a string (a latin1 copy of every 4 MiB block, which cost more
// than the search itself) and case-insensitive alternations run slowly; this is a Wu-Manber search over
// ASCII-folded bytes: a table of how far the window may jump for each pair of bytes at its end, and a check
// of the literals that can end there. Folding is ASCII only, which is exactly what a case-insensitive match
// of ASCII literals means (JavaScript's /i never maps a non-ASCII character to an ASCII one either).

const FOLD = new Uint8Array(256);
for (let c = 0; c < 256; c++) FOLD[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;

/** A walk that stops at the first match. */
const FIRST = () => true;

export class FoldedMultiSearch {
  /** Folded literals. */
  private readonly needles: Uint8Array[];
  /** Shortest literal: the window every literal's first `m` bytes fit. */
  private readonly m: number;
  /** Per pair of folded bytes at a window's end: how far the window may move (m - 1 when the pair occurs in no literal). */
  private readonly shift: Uint8Array | null;
  /** Indexes of the literals whose window ends with a given pair (shift 0), by pair. */
  private readonly ending = new Map<number, number[]>();
  /** The literals as searched (lower case, without duplicates), in the order eachMatch names them. */
  readonly literals: readonly string[];

  constructor(literals: readonly string[]) {
    this.literals = [...new Set(literals.map((l) => l.toLowerCase()))];
    this.needles = this.literals.map((l) => Uint8Array.from(Buffer.from(l, 'latin1'), (c) => FOLD[c]!));
    this.m = Math.min(...this.needles.map((n) => n.length));
    if (this.m < 2 || this.m > 256) {
      this.shift = null;
      return;
    }
    const m = this.m;
    const shift = new Uint8Array(65536).fill(Math.min(255, m - 1));
    this.needles.forEach((n, index) => {
      for (let j = 1; j < m; j++) {
        const pair = (n[j - 1]! << 8) | n[j]!;
        const s = m - 1 - j;
        if (s < shift[pair]!) shift[pair] = s;
      }
      const last = (n[m - 2]! << 8) | n[m - 1]!;
      const list = this.ending.get(last) ?? [];
      list.push(index);
      this.ending.set(last, list);
    });
    this.shift = shift;
  }

  /** Offset of the first match starting in b[from, end) (wholly inside it), or -1. */
  indexIn(b: Uint8Array, from: number, end: number): number {
    return this.walk(b, from, end, FIRST);
  }

  /** Calls onMatch for every match wholly inside b[from, end), overlapping ones too, in order of position. */
  eachMatch(b: Uint8Array, from: number, end: number, onMatch: (start: number, literal: number) => void): void {
    this.walk(b, from, end, (start, literal) => {
      onMatch(start, literal);
      return false;
    });
  }

  /** The search itself: offers each match to `stop`, and returns the first match it accepts (or -1). */
  private walk(b: Uint8Array, from: number, end: number, stop: (start: number, literal: number) => boolean): number {
    if (this.shift === null) {
      // Literals of one byte (or very long ones): every position is checked.
      for (let at = from; at < end; at++) for (let i = 0; i < this.needles.length; i++) if (this.matchesAt(b, at, end, this.needles[i]!) && stop(at, i)) return at;
      return -1;
    }
    const m = this.m;
    const shift = this.shift;
    let pos = from + m - 1;
    while (pos < end) {
      const pair = (FOLD[b[pos - 1]!]! << 8) | FOLD[b[pos]!]!;
      const s = shift[pair]!;
      if (s > 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const i of this.ending.get(pair)!) if (this.matchesAt(b, start, end, this.needles[i]!) && stop(start, i)) return start;
      pos++;
    }
    return -1;
  }

  private matchesAt(b: Uint8Array, start: number, end: number, n: Uint8Array): boolean {
    if (start + n.length > end) return false;
    for (let k = 0; k < n.length; k++) if (FOLD[b[start + k]!] !== n[k]) return false;
    return true;
  }
}
