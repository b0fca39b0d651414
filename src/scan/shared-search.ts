// One pass over a block for the case-insensitive clauses of every scan at once. A rule pack has a dozen scans,
// each with clauses of event names and services; searching each clause on its own read the block a dozen
// times (measured: about as long as reading the lines the search kept). One Wu-Manber search over all their
// literals reads it once and names, per literal, the lines it occurs in. Literals shorter than MIN_LITERAL
// stay out: the shortest literal bounds every jump of the search, so one short word would slow it for all.

import { FoldedMultiSearch } from './folded-search.ts';

/** Shortest literal the shared pass takes. */
export const MIN_LITERAL = 8;

const NEWLINE = 0x0a;

export class SharedClauseSearch<C> {
  private readonly search: FoldedMultiSearch;
  /** The clauses each literal of the search belongs to, by literal index. */
  private readonly owners: C[][];

  /** `clauses`: each clause with its case-insensitive literals (all at least MIN_LITERAL long). */
  constructor(private readonly clauses: ReadonlyMap<C, readonly string[]>) {
    const all = [...clauses.values()].flat();
    this.search = new FoldedMultiSearch(all);
    const index = new Map(this.search.literals.map((l, i) => [l, i]));
    this.owners = this.search.literals.map(() => []);
    for (const [clause, literals] of clauses) for (const l of new Set(literals.map((x) => x.toLowerCase()))) this.owners[index.get(l)!]!.push(clause);
  }

  /** Start offsets of the lines of buf[start, end) where each clause has a literal. */
  linesIn(buf: Buffer, start: number, end: number): Map<C, Set<number>> {
    const found = new Map<C, Set<number>>([...this.clauses.keys()].map((c) => [c, new Set<number>()]));
    // Matches come in order of position: the line of the last match is reused until a match passes its end.
    let lineFrom = -1;
    let lineEnd = -1;
    this.search.eachMatch(buf, start, end, (at, literal) => {
      if (at >= lineEnd) {
        const nl = at > start ? buf.lastIndexOf(NEWLINE, at - 1) : -1;
        lineFrom = nl < start ? start : nl + 1;
        const next = buf.indexOf(NEWLINE, at);
        lineEnd = next < 0 || next >= end ? end : next;
      }
      for (const c of this.owners[literal]!) found.get(c)!.add(lineFrom);
    });
    return found;
  }
}
