// The fast scan path: runs query plans over input files in one pass, reading NDJSON with byte-level line
// splitting and a literal prefilter derived from the plans, across worker threads (byte ranges of big
// files, whole gzip files). Events reach the plans in input order, so results equal the single-threaded
// run. Inputs the fast path does not handle (stdin, arrays, Records wrappers) use the ingest reader.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Event } from '../core/event.ts';
import { fail } from '../core/diagnostics.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import { leavesTaking, startQueries, type ExecOptions } from '../exec/run.ts';
import type { Row } from '../exec/row.ts';
import { expandPaths } from '../ingest/glob.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { defaultHost, type EventContext } from '../ingest/make-event.ts';
import { readEventBatches, type MalformedInput } from '../ingest/read.ts';
import { addReadCounts, newReadCounts, type ReadCounts } from '../ingest/read-counts.ts';
import { sourcetypeByName } from '../ingest/sourcetypes/index.ts';
import { classifyInput, type InputKind } from './classify.ts';
import { planTermClauses } from './plan-terms.ts';
import { compileLineSelector, type LineSelector } from './prefilter.ts';
import { planFieldNames } from './projected-event.ts';
import { scanProjection, type ScanProjection } from './scan-projection.ts';
import { scanFileRange, scanStream } from './scan-file.ts';
import type { FromWorker, ScanTask, WireBatch, WorkerSetup } from './wire.ts';
import { unpackBatch } from './wire-batch.ts';
import { startScanWorker } from './worker-start.ts';

export interface ScanRunOptions extends ExecOptions {
  readonly sourcetype?: string;
  readonly index?: string;
  readonly host?: string;
  readonly onMalformed?: (m: MalformedInput) => void;
  /**
   * Scanning threads, this one included: with N > 1, N - 1 workers scan byte ranges and this thread runs the
   * plans and scans ranges too while it waits. 1 (or a single task) runs in this thread alone. Default: this
   * thread on machines of up to 2 cores, else one thread per 256 MiB of input, up to the cores.
   */
  readonly threads?: number;
  /** Byte prefilter on literal terms (default true; off only to compare results). */
  readonly prefilter?: boolean;
  /** Read only the fields the plans need from each line's bytes (default true; off only to compare results). */
  readonly projection?: boolean;
  /** Size of the byte ranges a big file is cut into for workers. */
  readonly rangeBytes?: number;
  /** Events failing this test are counted but not handed to the plans (e.g. the CLI's --earliest/--latest). */
  readonly accept?: (e: Event) => boolean;
  /** Sees every event handed to the plans, in input order (sourcetype counts, a Sigma run beside the plans). */
  readonly onEvent?: (e: Event) => void;
  /** Stops the scan early when true (e.g. stdout closed); checked per event and per task. */
  readonly stop?: () => boolean;
  /** Input bytes done so far (per finished task or reader batch): drives a progress bar. */
  readonly onProgress?: (bytes: number) => void;
}

export interface ScanRunStats {
  /** Events built (lines parsed); lines the prefilter rejected are not counted. */
  eventsParsed: number;
  /** Events offered to the plans (before `accept`), up to an early stop. */
  eventsPushed: number;
  /** Input lines gone through (parsed or skipped by the prefilter) and events without a time of their own. */
  readonly counts: ReadCounts;
  readonly inputs: Record<InputKind, number>;
}

/** Input bytes per worker below which the default thread count stays lower (gzip counts ~8x its size). */
const WORKER_MIN_BYTES = 256 * 1024 * 1024;

type Task = ScanTask | { readonly id: number; readonly kind: 'other'; readonly path: string };

/** Runs the plans over the inputs; rows go to `sink` as they are produced. */
export async function scanQueries(
  plans: readonly QueryPlan[],
  paths: readonly string[],
  sink: (planIndex: number, row: Row) => void,
  opts: ScanRunOptions = {},
): Promise<ScanRunStats> {
  const { files, missing, unreadable } = expandPaths(paths);
  if (missing.length > 0) {
    fail('INGEST-NOT-FOUND', `no input files match ${missing.map((m) => JSON.stringify(m)).join(', ')}`, { hint: 'give files, directories, glob patterns or - for stdin' });
  }
  for (const u of unreadable) opts.onMalformed?.({ source: u.path, line: 0, offset: 0, message: u.message });
  const stats: ScanRunStats = { eventsParsed: 0, eventsPushed: 0, counts: newReadCounts(), inputs: { lines: 0, stream: 0, other: 0 } };
  const tasks: Task[] = [];
  const rangeBytes = opts.rangeBytes ?? 32 * 1024 * 1024;
  for (const path of files) {
    const kind = await classifyInput(path);
    stats.inputs[kind]++;
    if (kind === 'lines') {
      const size = statSync(path).size;
      for (let start = 0; start < size; start += rangeBytes) {
        tasks.push({ id: tasks.length, path, kind, start, end: Math.min(size, start + rangeBytes), size, fallbackTime: mtimeOf(path) });
      }
    } else if (kind === 'stream') {
      tasks.push({ id: tasks.length, path, kind, start: 0, end: Infinity, size: Infinity, fallbackTime: mtimeOf(path) });
    } else tasks.push({ id: tasks.length, kind, path });
  }
  const clauses = opts.prefilter === false ? null : planTermClauses(plans, { forcedSourcetype: !!opts.sourcetype });
  // One clock for the coordinator and its workers, so relative time bounds agree on every event.
  const runOpts: ScanRunOptions = { ...opts, now: opts.now ?? Date.now() / 1000, rawPrefiltered: clauses !== null };
  // Events of plain line inputs were byte-filtered already; exec need not repeat its per-event raw check.
  const run = startQueries(plans, sink, runOpts);
  const stopped = () => run.done || (opts.stop?.() ?? false);
  /** `verdict`: which scan leaves a worker found taking the event (-1 or absent: ask them here). */
  const push = (e: Event, verdict = -1) => {
    // A block may hold events past the point where the plans stopped (head): they are dropped, uncounted.
    if (stopped()) return;
    stats.eventsPushed++;
    if (opts.accept && !opts.accept(e)) return;
    opts.onEvent?.(e);
    if (verdict === -1) run.push(e);
    else run.pushVerdict(e, verdict);
  };
  const progress = new ProgressCounter(tasks, opts.onProgress);
  // The coordinator runs the plans on every event the workers send, so on 2 cores a worker competes with it:
  // on the 2-core bench machine two threads lost where many events cross (300 MB, 2026-12-08, whole process:
  // stats-dc 3.0-3.2 s vs 2.3-2.4 s in one thread, detect-pack 5.4-5.6 vs 4.3-4.8) and barely won where few do
  // (t1021-008 1.02-1.06 vs 1.08-1.11; docs/performance.md). A worker costs about 100 ms of start-up.
  const parallelBytes = tasks.reduce((n, t) => n + (t.kind === 'lines' ? t.end - t.start : t.kind === 'stream' ? statSync(t.path).size * 8 : 0), 0);
  const cores = availableParallelism();
  const wanted = opts.threads ?? (cores <= 2 ? 1 : Math.min(cores, 1 + Math.ceil(parallelBytes / WORKER_MIN_BYTES)));
  const threads = Math.max(1, wanted);
  const parallelTasks = tasks.filter((t) => t.kind !== 'other').length;
  if (threads === 1 || parallelTasks <= 1) await runInThread(tasks, clauses, projectionFor(plans, runOpts), runOpts, push, stats, stopped, progress);
  else {
    await runInWorkers(tasks, plans, clauses, runOpts, threads - 1, push, (e) => leavesTaking(run, e), stats, stopped, progress);
  }
  run.end();
  return stats;
}

/** Bytes of finished tasks (file sizes, byte ranges); a reader input reports its own progress as it goes. */
class ProgressCounter {
  private doneBytes = 0;
  constructor(
    private readonly tasks: readonly Task[],
    private readonly report?: (bytes: number) => void,
  ) {}
  taskDone(id: number): void {
    const t = this.tasks[id]!;
    this.doneBytes += t.kind === 'lines' ? t.end - t.start : sizeOf(t.path);
    this.report?.(this.doneBytes);
  }
  within(bytes: number): void {
    this.report?.(this.doneBytes + bytes);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function mtimeOf(path: string): number {
  try {
    return Math.floor(statSync(path).mtimeMs / 1000);
  } catch {
    return Math.floor(Date.now() / 1000);
  }
}

function projectionFor(plans: readonly QueryPlan[], opts: ScanRunOptions): ScanProjection | null {
  if (opts.projection === false) return null;
  return scanProjection(planFieldNames(plans), opts.sourcetype ? sourcetypeByName(opts.sourcetype) : undefined);
}

/** What a byte range or stream is scanned with in this thread (runInThread, and the coordinator's own ranges). */
function scanTarget(task: ScanTask, selector: LineSelector | null, projection: ScanProjection | null, opts: ScanRunOptions, stats: ScanRunStats) {
  return { selector, projection, ctx: contextFor(task.path, opts, task.fallbackTime, stats.counts), onMalformed: malformedReporter(task.path, opts) };
}

function contextFor(path: string, opts: ScanRunOptions, fallbackTime: number, counts: ReadCounts): EventContext {
  return {
    counts,
    sourcetype: opts.sourcetype ? sourcetypeByName(opts.sourcetype) : undefined,
    index: opts.index,
    source: path,
    host: opts.host ?? defaultHost(),
    fallbackTime,
  };
}

function malformedReporter(path: string, opts: ScanRunOptions) {
  return (line: number, offset: number, message: string) => opts.onMalformed?.({ source: path, line, offset, message });
}

async function readOther(path: string, opts: ScanRunOptions, push: (e: Event) => void, stats: ScanRunStats, done: () => boolean, progress: ProgressCounter): Promise<void> {
  const abort = new AbortController();
  const batches = readEventBatches([path], {
    sourcetype: opts.sourcetype,
    index: opts.index,
    host: opts.host,
    onMalformed: opts.onMalformed,
    counts: stats.counts,
    signal: abort.signal,
    onProgress: (bytes) => progress.within(bytes),
  });
  for await (const batch of batches) {
    stats.eventsParsed += batch.length;
    for (const e of batch) push(e);
    if (done()) {
      abort.abort();
      return;
    }
  }
}

async function runInThread(
  tasks: readonly Task[],
  clauses: ReturnType<typeof planTermClauses> | null,
  projection: ScanProjection | null,
  opts: ScanRunOptions,
  push: (e: Event) => void,
  stats: ScanRunStats,
  done: () => boolean,
  progress: ProgressCounter,
): Promise<void> {
  const selector = clauses ? compileLineSelector(clauses) : null;
  for (const task of tasks) {
    if (done()) return;
    if (task.kind === 'other') {
      await readOther(task.path, opts, push, stats, done, progress);
      progress.taskDone(task.id);
      continue;
    }
    const target = scanTarget(task, selector, projection, opts, stats);
    const emit = (events: JsonEvent[]) => {
      stats.eventsParsed += events.length;
      for (const e of events) push(e);
    };
    if (task.kind === 'lines') scanFileRange(task.path, task.start, task.end, task.size, target, emit);
    else await scanStream(task.path, target, emit);
    progress.taskDone(task.id);
  }
}

async function runInWorkers(
  tasks: readonly Task[],
  plans: readonly QueryPlan[],
  clauses: ReturnType<typeof planTermClauses> | null,
  opts: ScanRunOptions,
  workerCount: number,
  push: (e: Event, verdict?: number) => void,
  verdictOf: (e: Event) => number,
  stats: ScanRunStats,
  done: () => boolean,
  progress: ProgressCounter,
): Promise<void> {
  const setup: WorkerSetup = {
    plans,
    clauses,
    projection: opts.projection !== false,
    sourcetype: opts.sourcetype,
    index: opts.index,
    host: opts.host ?? defaultHost(),
    now: opts.now,
    lookupDirs: opts.lookupDirs,
    fields: planFieldNames(plans),
  };
  const host = setup.host;
  const workerTasks = tasks.filter((t): t is ScanTask => t.kind !== 'other');
  const count = Math.max(1, Math.min(workerCount, workerTasks.length - 1));
  // Results of tasks that finish ahead of their turn wait here; the current task's events stream through.
  // A task this thread scanned itself keeps its accepted events (with their verdicts) instead of batches.
  const pending = new Map<number, { events: WireBatch[]; finished: boolean; local?: { events: JsonEvent[]; verdicts: number[] } }>();
  let current = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const positions = new Map(setup.fields.map((f, i) => [f, i]));
  const queue = [...workerTasks];
  const inFlight = new Map<Worker, number>();
  const maxAhead = count * 3;
  const workers: Worker[] = [];
  const dispatch = (w: Worker) => {
    const next = queue[0];
    if (!next || next.id > current + maxAhead || done()) return;
    queue.shift();
    inFlight.set(w, next.id);
    pending.set(next.id, { events: [], finished: false });
    w.postMessage({ type: 'task', task: next });
  };
  for (let i = 0; i < count; i++) {
    const w = startScanWorker(setup);
    w.on('message', (m: FromWorker) => {
      const slot = pending.get(m.id);
      if (m.type === 'events') {
        stats.eventsParsed += m.parsed;
        slot?.events.push(m.batch);
      } else if (m.type === 'malformed') {
        const t = tasks[m.id]!;
        opts.onMalformed?.({ source: t.path, line: m.line, offset: m.offset, message: m.message });
      } else if (m.type === 'done') {
        addReadCounts(stats.counts, m.counts);
        if (slot) slot.finished = true;
        inFlight.delete(w);
        dispatch(w);
      } else if (m.type === 'error') {
        failure = new Error(`scan worker failed on ${tasks[m.id]!.path}: ${m.message}`);
      }
      notify();
    });
    w.on('error', (err) => {
      failure = err;
      notify();
    });
    workers.push(w);
  }
  const selector = clauses ? compileLineSelector(clauses) : null;
  const projection = projectionFor(plans, opts);
  /** Scans a byte range in this thread; stream tasks (gzip) are left to the workers. */
  const scanHere = (task: ScanTask, emit: (events: JsonEvent[]) => void) => {
    scanFileRange(task.path, task.start, task.end, task.size, scanTarget(task, selector, projection, opts, stats), (events) => {
      stats.eventsParsed += events.length;
      emit(events);
    });
  };
  /** The task in turn is done: on to the next, and idle workers take more. */
  const finish = (id: number) => {
    pending.delete(id);
    progress.taskDone(id);
    current++;
    for (const w of workers) if (!inFlight.has(w)) dispatch(w);
  };
  try {
    for (const w of workers) dispatch(w);
    while (current < tasks.length && !done()) {
      if (failure) throw failure;
      const task = tasks[current]!;
      if (task.kind === 'other') {
        await readOther(task.path, opts, push, stats, done, progress);
        finish(task.id);
        continue;
      }
      const slot = pending.get(task.id);
      if (!slot && queue[0] === task && task.kind === 'lines') {
        // No worker took it yet: this thread scans it, straight into the plans.
        queue.shift();
        scanHere(task, (events) => {
          for (const e of events) push(e);
        });
        finish(task.id);
        continue;
      }
      if (slot?.local) {
        const { events, verdicts } = slot.local;
        for (let i = 0; i < events.length; i++) push(events[i]!, verdicts[i]);
        finish(task.id);
        continue;
      }
      if (slot) {
        for (const batch of slot.events.splice(0)) unpackBatch(batch, task.path, host, positions, push);
        if (slot.finished) {
          finish(task.id);
          continue;
        }
      }
      // The current task is with a worker: meanwhile this thread scans the next waiting one and keeps what
      // the plans' scan leaves take, to push in its turn. Then it lets the workers' messages in.
      const ahead = queue[0];
      if (ahead && ahead.kind === 'lines' && ahead.id <= current + maxAhead) {
        queue.shift();
        const local = { events: [] as JsonEvent[], verdicts: [] as number[] };
        scanHere(ahead, (events) => {
          for (const e of events) {
            const v = verdictOf(e);
            if (v === 0) continue;
            local.events.push(e);
            local.verdicts.push(v);
          }
        });
        pending.set(ahead.id, { events: [], finished: true, local });
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      await new Promise<void>((r) => (wake = r));
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
