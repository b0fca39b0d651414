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
}

export function startQueries(plans: readonly QueryPlan[], sink: (planIndex: number, row: Row) => void, opts: ExecOptions = {}): QueryRun {
  const ctx = makeContext(opts);
  const built = plans.map((plan, i) => {
    const leaves: Leaves = { scans: [], generators: [] };
    const out: Sink = { push: (row) => sink(i, row), end: () => {}, done: false };
    build(plan.root, out, ctx, leaves);
    return leaves;
  });
  const scans = built.flatMap((l) => l.scans);
  for (const l of built) for (const g of l.generators) g.start();
  let ended = false;
  return {
    push(event) {
      if (ended) return;
      for (const s of scans) if (!s.done) s.pushEvent(event);
    },
    end() {
      if (ended) return;
      ended = true;
      for (const s of scans) s.end();
    },
    get done() {
      return ended || scans.every((s) => s.done);
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
