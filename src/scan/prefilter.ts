// Byte-level prefilter over a buffer of NDJSON lines: finds the lines that could match at least one scan,
// without decoding the others. Each scan needs a conjunction of clauses (one alternative of each clause
// must occur). Per buffer, the case-insensitive clauses of all scans are searched together in one pass
// (shared-search.ts); a scan without such a clause searches one clause over the whole buffer (the one
// cheapest to lead with lately: the search adapts to the data). Other clauses are checked in hit lines only.
// Case-sensitive terms use Buffer.indexOf; case-insensitive ones a multi-literal search over ASCII-folded
// bytes (folded-search.ts: plain literals, linear time, no user pattern syntax).
// Exactness: lines containing a backslash escape (\u, \/), a records-batch key (with bare terms), or (for
// case-insensitive terms) a non-ASCII character whose lower case is ASCII (U+0130, U+212A) are always kept.

import { printableAscii } from '../plan/required-terms.ts';
import { FoldedMultiSearch } from './folded-search.ts';
import { MIN_LITERAL, SharedClauseSearch } from './shared-search.ts';

export interface ByteTerm {
  /** Printable ASCII only (other terms make their clause unusable; see usableTerm). */
  readonly text: string;
  readonly caseSensitive: boolean;
  /** A bare search term, matched against `_raw` (not a field value or a JSON key). */
  readonly bare?: boolean;
}

/** One scan's needs: every clause must have an alternative present. An empty list means "any line". */
export type TermClauses = readonly (readonly ByteTerm[])[];

/** Start offsets, ascending, of the candidate lines in buf[start, end) (which holds whole lines). */
export type LineSelector = (buf: Buffer, start: number, end: number) => number[];

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
/** Every 32nd buffer re-measures all clauses, so the choice follows the data. */
const RESAMPLE = 32;
// Modelled costs, in nanoseconds, of leading with a clause (measured on CloudTrail lines, 2026-12-08:
// Buffer.indexOf ~0.5 ns per byte per needle, the folded multi-literal search ~1.1 ns per byte, a hit line's
// check of the other clauses ~1 us). A model, not a clock: timing each search made the choice follow the
// machine's load instead of the data.
const EXACT_NS_PER_BYTE = 0.5;
const FOLDED_NS_PER_BYTE = 1.1;
const HIT_CHECK_NS = 1000;

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
  /** Hits in the last buffer where this clause was searched whole, and that buffer's length. */
  recentHits = 0;
  recentBytes = 0;

  /**
   * What leading with this clause costs per buffer: its own search, plus a check of the other clauses in
   * each line it hits. Case-insensitive alternations search slower than indexOf, so the clause with the
   * fewest hits is not always the cheapest lead.
   */
  get leadCost(): number {
    const perByte = this.exact.length * EXACT_NS_PER_BYTE + (this.folded ? FOLDED_NS_PER_BYTE : 0);
    return this.recentBytes * perByte + this.recentHits * HIT_CHECK_NS;
  }

  constructor(clause: readonly ByteTerm[]) {
    const exact = clause.filter((t) => t.caseSensitive || !hasLetters(t.text));
    const folded = clause.filter((t) => !t.caseSensitive && hasLetters(t.text));
    this.exact = [...new Set(exact.map((t) => t.text))].map((t) => Buffer.from(t, 'latin1'));
    this.folded = folded.length ? new FoldedMultiSearch(folded.map((t) => t.text)) : null;
  }

  /** Lines of buf[start, end) where an alternative occurs. */
  linesIn(buf: Buffer, start: number, end: number): Set<number> {
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
    this.recentBytes = end - start;
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
  const guards: Guards = {
    folded: compiled.some((cs) => cs.some((c) => c.hasFolded)),
    records: cleaned.some((clauses) => clauses.some((c) => c.some((t) => t.bare))),
  };
  // Case-insensitive clauses are searched together in one pass (shared-search.ts); the others, and scans
  // without such a clause, lead with their cheapest clause as before.
  const sharable = new Map<CompiledClause, readonly string[]>();
  for (const c of shared.values()) {
    const literals = c.folded?.literals ?? [];
    if (c.exact.length === 0 && literals.length > 0 && literals.every((l) => l.length >= MIN_LITERAL)) sharable.set(c, literals);
  }
  const together = sharable.size > 0 ? new SharedClauseSearch(sharable) : null;
  // Per scan, its clauses the shared pass answers and the ones to check in their lines (fixed for the run).
  const parts = compiled.map((clauses) => ({ clauses, searched: clauses.filter((c) => sharable.has(c)), unsearched: clauses.filter((c) => !sharable.has(c)) }));
  let calls = 0;

  return (buf, start, end) => {
    const resample = calls++ % RESAMPLE === 0;
    const keep = new Set<number>();
    const found = together ? together.linesIn(buf, start, end) : new Map<CompiledClause, Set<number>>();
    const linesOf = (c: CompiledClause) => {
      let set = found.get(c);
      if (!set) found.set(c, (set = c.linesIn(buf, start, end)));
      return set;
    };
    for (const { clauses, searched, unsearched: rest } of parts) {
      if (searched.length > 0 || resample) {
        const sets = (searched.length > 0 ? searched : clauses).map(linesOf);
        const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
        const unsearched = searched.length > 0 ? rest : [];
        for (const ls of smallest) {
          if (keep.has(ls) || !sets.every((s) => s.has(ls))) continue;
          if (unsearched.length === 0 || unsearched.every((c) => c.inLine(buf, ls, nextLine(buf, ls, end)))) keep.add(ls);
        }
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
    return withGuardLines(buf, start, end, [...keep].sort((a, b) => a - b), guards);
  };
}

const RECORDS_KEY = Buffer.from('ecords"');

/**
 * The kept lines plus the lines the byte test cannot judge (see the header) among the others. Only the
 * gaps between kept lines are searched: a kept line needs no guard, and when most lines are kept (a rule
 * reading every record of a sourcetype) the gaps are a small part of the block.
 */
function withGuardLines(buf: Buffer, start: number, end: number, kept: readonly number[], guards: Guards): number[] {
  const out: number[] = [];
  let gap = start;
  for (const ls of kept) {
    if (ls > gap) guardLines(buf, gap, ls, guards, out);
    out.push(ls);
    gap = nextLine(buf, ls, end);
  }
  if (gap < end) guardLines(buf, gap, end, guards, out);
  return out;
}

/**
 * Which lines the byte test cannot judge. Always: a backslash escape (\u, \/: the value may be spelt
 * differently). With case-insensitive terms: U+0130 and U+212A, whose lower case is ASCII. With bare terms,
 * which match `_raw`: a records-batch key, because each record's `_raw` is that record written again
 * (JSON.stringify: other spacing, 1e2 as 100), not the line's bytes. Field values and keys occur in the line
 * as in each record, so without bare terms such a line needs no guard.
 */
interface Guards {
  readonly folded: boolean;
  readonly records: boolean;
}

/** Appends, in order, the starts of the lines of buf[start, end) (whole lines) the byte test cannot judge. */
function guardLines(buf: Buffer, start: number, end: number, guards: Guards, out: number[]): void {
  // A bounded view: Buffer.indexOf has no end offset, and a miss in a small gap must not search the block.
  const view = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
  const found: number[] = [];
  const scan = (needle: number | Buffer, ok: (at: number) => boolean) => {
    let from = 0;
    while (from < view.length) {
      const at = view.indexOf(needle, from);
      if (at < 0) break;
      if (ok(at)) {
        found.push(lineStart(view, at, 0));
        from = nextLine(view, at + 1, view.length);
      } else from = at + 1;
    }
  };
  scan(BACKSLASH, (at) => view[at + 1] === 0x75 || view[at + 1] === 0x2f);
  if (guards.records) scan(RECORDS_KEY, (at) => (view[at - 1] === 0x72 || view[at - 1] === 0x52) && view[at - 2] === 0x22);
  if (guards.folded) {
    scan(0xc4, (at) => view[at + 1] === 0xb0);
    scan(0xe2, (at) => view[at + 1] === 0x84 && view[at + 2] === 0xaa);
  }
  if (found.length === 0) return;
  // Several guards can name one line; each is kept once, in order.
  found.sort((a, b) => a - b);
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) out.push(start + found[i]!);
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
