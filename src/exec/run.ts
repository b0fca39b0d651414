// Runs query plans over events in one pass. `startQueries` builds every plan's operators up front, then
// each pushed event goes to every scan leaf of every plan (all rules of `detect`, every multisearch branch).
// `done` turns true when no plan can take more input (e.g. every `head` is satisfied).

import type { Event } from '../core/event.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import { build, type Leaves } from './build.ts';
import { makeContext, type ExecOptions } from './context.ts';
import { CollectSink, type Sink } from './operators/operator.ts';
import type { Row } from './row.ts';

export type { ExecOptions } from './context.ts';

export interface QueryRun {
  push(event: Event): void;
  end(): void;
  readonly done: boolean;
  /**
   * Which scan leaves take the event, as a bit mask (leaf i: bit i), without pushing it; null when the plans
   * have more leaves than a mask holds. Another run of the same plans and options can then push the event
   * with `pushVerdict`, so a scan worker's checks are not repeated by the coordinator.
   */
  verdict(event: Event): number | null;
  pushVerdict(event: Event, verdict: number): void;
  /** Whether any scan leaf takes the event (without pushing it). */
  accepts(event: Event): boolean;
}

/** Leaves a verdict mask can name (bits of a 32-bit integer, sign bit unused). */
const MAX_VERDICT_LEAVES = 31;

/**
 * `generators: false` builds the plans without starting their generating commands (makeresults,
 * inputlookup): for a run that only asks verdicts of its scan leaves.
 */
/** Which scan leaves take the event, as a mask; -1 when some leaf does but they are too many for a mask; 0 for none. */
export function leavesTaking(run: QueryRun, event: Event): number {
  return run.verdict(event) ?? (run.accepts(event) ? -1 : 0);
}

export function startQueries(plans: readonly QueryPlan[], sink: (planIndex: number, row: Row) => void, opts: ExecOptions = {}, start: { generators?: boolean } = {}): QueryRun {
  const ctx = makeContext(opts);
  const built = plans.map((plan, i) => {
    const leaves: Leaves = { scans: [], generators: [] };
    const out: Sink = { push: (row) => sink(i, row), end: () => {}, done: false };
    build(plan.root, out, ctx, leaves);
    return leaves;
  });
  const scans = built.flatMap((l) => l.scans);
  if (start.generators !== false) for (const l of built) for (const g of l.generators) g.start();
  let ended = false;
  // Leaves are asked whether they are done (a walk down each chain) only after some head stopped.
  let live = scans;
  let stopsSeen = -1;
  const refresh = () => {
    if (ctx.stops.count === stopsSeen) return;
    stopsSeen = ctx.stops.count;
    live = scans.filter((s) => !s.done);
  };
  refresh();
  return {
    push(event) {
      if (ended) return;
      for (const s of live) if (ctx.stops.count === stopsSeen || !s.done) s.pushEvent(event);
      refresh();
    },
    end() {
      if (ended) return;
      ended = true;
      for (const s of scans) s.end();
    },
    get done() {
      refresh();
      return ended || live.length === 0;
    },
    verdict(event) {
      if (scans.length > MAX_VERDICT_LEAVES) return null;
      let mask = 0;
      for (let i = 0; i < scans.length; i++) if (scans[i]!.accepts(event) !== null) mask |= 1 << i;
      return mask;
    },
    accepts(event) {
      return scans.some((s) => s.accepts(event) !== null);
    },
    pushVerdict(event, verdict) {
      if (ended) return;
      for (let i = 0; i < scans.length; i++) {
        const s = scans[i]!;
        if (verdict & (1 << i) && (ctx.stops.count === stopsSeen || !s.done)) s.pushAccepted(event);
      }
      refresh();
    },
  };
}

/** Runs one plan to completion and returns its rows. */
export async function runQuery(plan: QueryPlan, events: Iterable<Event> | AsyncIterable<Event>, opts: ExecOptions = {}): Promise<Row[]> {
  const collect = new CollectSink();
  const run = startQueries([plan], (_, row) => collect.push(row), opts);
  if (!run.done) {
    // A synchronous iterable is read without an await per event (a microtask each adds up on big inputs).
    if (Symbol.iterator in events) {
      for (const event of events as Iterable<Event>) {
        run.push(event);
        if (run.done) break;
      }
    } else {
      for await (const event of events) {
        run.push(event);
        if (run.done) break;
      }
    }
  }
  run.end();
  return collect.rows;
}
