// Byte-level prefilter over a buffer of NDJSON lines: finds the lines that could match at least one scan,
// without decoding the others. Each scan needs a conjunction of clauses (one alternative of each clause
// must occur). Per buffer, one clause per scan is searched over the whole buffer (the one cheapest to lead
// with lately: the search adapts to the data), the scan's other clauses are checked in the hit lines only.
// Case-sensitive terms use Buffer.indexOf; case-insensitive ones a multi-literal search over ASCII-folded
// bytes (folded-search.ts: plain literals, linear time, no user pattern syntax).
// Exactness: lines containing a backslash escape (\u, \/), a records-batch key, or (for case-insensitive
// terms) a non-ASCII character whose lower case is ASCII (U+0130, U+212A) are always kept.

import { printableAscii } from '../plan/required-terms.ts';
import { FoldedMultiSearch } from './folded-search.ts';

export interface ByteTerm {
  /** Printable ASCII only (other terms make their clause unusable; see usableTerm). */
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** One scan's needs: every clause must have an alternative present. An empty list means "any line". */
export type TermClauses = readonly (readonly ByteTerm[])[];

/** Start offsets, ascending, of the candidate lines in buf[start, end) (which holds whole lines). */
export type LineSelector = (buf: Buffer, start: number, end: number) => number[];

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
/** Every 32nd buffer re-measures all clauses, so the choice follows the data. */
const RESAMPLE = 32;
/** Rough cost of testing the other clauses in one hit line (a few short searches), in milliseconds. */
const HIT_CHECK_MS = 0.001;

/** A term the byte search can test exactly: printable ASCII, not empty. */
export function usableTerm(t: ByteTerm): boolean {
  return t.text.length > 0 && printableAscii(t.text);
}

function hasLetters(s: string): boolean {
  return /[A-Za-z]/.test(s);
}

/** One clause compiled: its case-sensitive needles and one case-insensitive multi-literal search. */
class CompiledClause {
  readonly exact: Buffer[];
  readonly folded: FoldedMultiSearch | null;
  /** Hits in the last buffer where this clause was searched whole. */
  recentHits = 0;
  /** Milliseconds that whole search took. */
  recentMs = 0;

  /**
   * What leading with this clause costs per buffer: its own search, plus a check of the other clauses in
   * each line it hits. Case-insensitive alternations search several times slower than indexOf, so the
   * clause with the fewest hits is not always the cheapest lead.
   */
  get leadCost(): number {
    return this.recentMs + this.recentHits * HIT_CHECK_MS;
  }

  constructor(clause: readonly ByteTerm[]) {
    const exact = clause.filter((t) => t.caseSensitive || !hasLetters(t.text));
    const folded = clause.filter((t) => !t.caseSensitive && hasLetters(t.text));
    this.exact = [...new Set(exact.map((t) => t.text))].map((t) => Buffer.from(t, 'latin1'));
    this.folded = folded.length ? new FoldedMultiSearch(folded.map((t) => t.text)) : null;
  }

  /** Lines of buf[start, end) where an alternative occurs. */
  linesIn(buf: Buffer, start: number, end: number): Set<number> {
    const t0 = performance.now();
    const out = new Set<number>();
    for (const needle of this.exact) {
      let from = start;
      while (from < end) {
        const at = buf.indexOf(needle, from);
        if (at < 0 || at + needle.length > end) break;
        const ls = lineStart(buf, at, start);
        out.add(ls);
        from = nextLine(buf, at + needle.length, end);
      }
    }
    if (this.folded) {
      let from = start;
      while (from < end) {
        const at = this.folded.indexIn(buf, from, end);
        if (at < 0) break;
        out.add(lineStart(buf, at, start));
        from = nextLine(buf, at + 1, end);
      }
    }
    this.recentHits = out.size;
    this.recentMs = performance.now() - t0;
    return out;
  }

  /** Whether an alternative occurs in the line buf[ls, le). */
  inLine(buf: Buffer, ls: number, le: number): boolean {
    if (this.exact.length) {
      const line = buf.subarray(ls, le);
      for (const needle of this.exact) if (line.indexOf(needle) >= 0) return true;
    }
    return this.folded !== null && this.folded.indexIn(buf, ls, le) >= 0;
  }

  get hasFolded(): boolean {
    return this.folded !== null;
  }
}

/**
 * A selector for the given scans, or null when some scan accepts any line (no prefilter possible).
 * Clauses with an unusable alternative are dropped (a weaker, still exact, filter).
 */
export function compileLineSelector(scans: readonly TermClauses[]): LineSelector | null {
  if (scans.length === 0) return null;
  const cleaned = scans.map((clauses) => clauses.filter((c) => c.length > 0 && c.every(usableTerm)));
  if (cleaned.some((c) => c.length === 0)) return null;
  // Identical clauses of different scans (a shared sourcetype key...) are compiled and searched once.
  const shared = new Map<string, CompiledClause>();
  const clauseKey = (c: readonly ByteTerm[]) => JSON.stringify(c.map((t) => [t.text, t.caseSensitive]).sort());
  const compiled = cleaned.map((clauses) =>
    clauses.map((c) => {
      const key = clauseKey(c);
      let cc = shared.get(key);
      if (!cc) shared.set(key, (cc = new CompiledClause(c)));
      return cc;
    }),
  );
  const anyFolded = compiled.some((cs) => cs.some((c) => c.hasFolded));
  let calls = 0;

  return (buf, start, end) => {
    const resample = calls++ % RESAMPLE === 0;
    const keep = new Set<number>(guardLines(buf, start, end, anyFolded));
    const found = new Map<CompiledClause, Set<number>>();
    const linesOf = (c: CompiledClause) => {
      let set = found.get(c);
      if (!set) found.set(c, (set = c.linesIn(buf, start, end)));
      return set;
    };
    for (const clauses of compiled) {
      if (resample) {
        const sets = clauses.map(linesOf);
        const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
        for (const ls of smallest) if (sets.every((s) => s.has(ls))) keep.add(ls);
        continue;
      }
      const lead = clauses.reduce((a, b) => (b.leadCost < a.leadCost ? b : a));
      const others = clauses.filter((c) => c !== lead);
      for (const ls of linesOf(lead)) {
        if (keep.has(ls)) continue;
        const le = nextLine(buf, ls, end);
        if (others.every((c) => c.inLine(buf, ls, le))) keep.add(ls);
      }
    }
    return [...keep].sort((a, b) => a - b);
  };
}

const RECORDS_KEY = Buffer.from('ecords"');

/** Lines the byte test cannot judge (see the header), found with single-byte or short searches. */
function guardLines(buf: Buffer, start: number, end: number, folded: boolean): number[] {
  const out: number[] = [];
  const scan = (needle: number | Buffer, ok: (at: number) => boolean) => {
    let from = start;
    while (from < end) {
      const at = buf.indexOf(needle, from);
      if (at < 0 || at >= end) break;
      if (ok(at)) {
        out.push(lineStart(buf, at, start));
        from = nextLine(buf, at + 1, end);
      } else from = at + 1;
    }
  };
  scan(BACKSLASH, (at) => buf[at + 1] === 0x75 || buf[at + 1] === 0x2f);
  scan(RECORDS_KEY, (at) => (buf[at - 1] === 0x72 || buf[at - 1] === 0x52) && buf[at - 2] === 0x22);
  if (folded) {
    scan(0xc4, (at) => buf[at + 1] === 0xb0);
    scan(0xe2, (at) => buf[at + 1] === 0x84 && buf[at + 2] === 0xaa);
  }
  return out;
}

function lineStart(buf: Buffer, at: number, start: number): number {
  const nl = at > start ? buf.lastIndexOf(NEWLINE, at - 1) : -1;
  return nl < start ? start : nl + 1;
}

/** Start of the line after the one containing `at` (end when it is the last). */
function nextLine(buf: Buffer, at: number, end: number): number {
  const nl = buf.indexOf(NEWLINE, at);
  return nl < 0 || nl >= end ? end : nl + 1;
}
