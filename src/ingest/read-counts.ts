// What a read saw besides its events: the input lines it went through (parsed or skipped by a prefilter),
// and per sourcetype the events whose record carried no time of its own (they take the previous record's
// time, or the file's modification time). The detect summary prints both, so a user can see that nothing
// was skipped unseen and which events have a borrowed _time.

export interface ReadCounts {
  /** Input lines: newline-terminated lines plus a final unterminated one. */
  lines: number;
  /** Sourcetype name -> events whose own time field(s) were missing or unreadable. */
  readonly untimed: Map<string, number>;
}

export function newReadCounts(): ReadCounts {
  return { lines: 0, untimed: new Map() };
}

/** Adds `from` into `into` (a worker's counts into the coordinator's). */
export function addReadCounts(into: ReadCounts, from: { readonly lines: number; readonly untimed: Iterable<readonly [string, number]> }): void {
  into.lines += from.lines;
  for (const [st, n] of from.untimed) into.untimed.set(st, (into.untimed.get(st) ?? 0) + n);
}

const NEWLINE = 0x0a;

/** Newline bytes in `b`. */
export function countNewlines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(NEWLINE); i >= 0; i = b.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
