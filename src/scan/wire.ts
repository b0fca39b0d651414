// Messages between the scan coordinator and its worker threads (structured-clone friendly): the set-up,
// one task per file byte range or gzip file, and the accepted events of a task in columns (times, metadata
// ids, the projected field values, the raw bytes of all events in one buffer), so a batch of thousands of
// events costs a handful of clones instead of an object graph per event.

import type { Value } from '../core/value.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import type { TermClauses } from './prefilter.ts';

export interface WorkerSetup {
  readonly plans: readonly QueryPlan[];
  /** Null: no prefilter. */
  readonly clauses: readonly TermClauses[] | null;
  /** Read lines through a projection of the fields below (scan-projection.ts). */
  readonly projection: boolean;
  readonly sourcetype?: string;
  readonly index?: string;
  readonly host: string;
  readonly now?: number;
  readonly lookupDirs?: readonly string[];
  /** Fields the plans read: workers resolve them so the main thread need not parse (projected-event.ts). */
  readonly fields: readonly string[];
}

export interface ScanTask {
  readonly id: number;
  readonly path: string;
  readonly kind: 'lines' | 'stream';
  readonly start: number;
  readonly end: number;
  readonly size: number;
  readonly fallbackTime: number;
}

/** The accepted events of one block, in input order. */
export interface WireBatch {
  readonly count: number;
  readonly times: Float64Array;
  /** Per event, its [sourcetype, index] as a position in `metaTable`. */
  readonly meta: Uint16Array;
  readonly metaTable: readonly (readonly [string, string])[];
  /** Values of WorkerSetup.fields, event after event (fields.length values each). */
  readonly values: readonly Value[];
  /** Raw text of the events, UTF-8, back to back: event i ends at rawEnds[i] and starts where i-1 ends. */
  readonly raw: Uint8Array;
  readonly rawEnds: Uint32Array;
  /** Per event, which scan leaves took it (QueryRun.verdict), or -1: ask the leaves again. */
  readonly verdicts: Int32Array;
}

/** A task's read counts (ingest/read-counts.ts) as plain data. */
export interface WireCounts {
  readonly lines: number;
  readonly untimed: readonly (readonly [string, number])[];
}

export type ToWorker = { readonly type: 'task'; readonly task: ScanTask } | { readonly type: 'stop' };

export type FromWorker =
  | { readonly type: 'events'; readonly id: number; readonly batch: WireBatch; readonly parsed: number }
  | { readonly type: 'malformed'; readonly id: number; readonly line: number; readonly offset: number; readonly message: string }
  | { readonly type: 'done'; readonly id: number; readonly counts: WireCounts }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
