// Messages between the scan coordinator and its worker threads (structured-clone friendly): the set-up,
// one task per file byte range or gzip file, and the accepted events of a task as raw text plus the
// metadata the worker already computed, so the main thread rebuilds them without parsing.

import type { Value } from '../core/value.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import type { TermClauses } from './prefilter.ts';

export interface WorkerSetup {
  readonly plans: readonly QueryPlan[];
  /** Null: no prefilter. */
  readonly clauses: readonly TermClauses[] | null;
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

export interface WireEvent {
  readonly raw: string;
  readonly time: number;
  readonly sourcetype: string;
  readonly index: string;
  /** Values of WorkerSetup.fields, in that order. */
  readonly values: readonly Value[];
}

export type ToWorker = { readonly type: 'task'; readonly task: ScanTask } | { readonly type: 'stop' };

export type FromWorker =
  | { readonly type: 'events'; readonly id: number; readonly events: WireEvent[]; readonly parsed: number }
  | { readonly type: 'malformed'; readonly id: number; readonly line: number; readonly offset: number; readonly message: string }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
