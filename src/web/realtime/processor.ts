// Continuous rule evaluation over the HEC journal. Streaming rules consume events in id order; each batch's
// alerts and the cursor move commit in one transaction. Windowed rules (stats, dedup...) are evaluated per
// tumbling window of event time once the watermark has passed the window end (or the stream went idle),
// again recording alerts and the window's "evaluated" mark together, so a crash never duplicates or loses.

import type { Db } from '../store/db.ts';
import { getProgress, setProgress } from '../store/db.ts';
import { eventsAfter, eventsInWindow, type StoredEvent } from '../store/events.ts';
import { insertAlerts, type NewAlert } from '../store/alerts.ts';
import { runRules, runSigmaRules, runStreamingRules, runStreamingSigma, type EngineAlert, type EngineRule, type SigmaQuery } from '../engine.ts';
import { toEngineEvent } from './stored-event.ts';
import { alertKeys, streamingAlertKeys } from './alert-key.ts';
import type { RuleMode } from './rule-mode.ts';

export interface ProcessorRule {
  /** For a Sigma rule: the Rule-shaped view of it (id, title), its query in `sigma`. */
  readonly rule: EngineRule;
  /** Set for a Sigma rule (`serve --sigma`): it runs from this query instead of an SPL rule's plan. */
  readonly sigma?: SigmaQuery;
  readonly mode: RuleMode;
  readonly sourcetypes: readonly string[] | null;
}

export interface ProcessorOptions {
  readonly batchSize?: number;
  /** Seconds of event time a window stays open after its end, for late events. */
  readonly graceSeconds?: number;
  /** Wall-clock seconds without new events after which every window that ended is evaluated. */
  readonly idleSeconds?: number;
  readonly webhook?: boolean;
  readonly onAlerts?: (ids: readonly number[]) => void;
  readonly log?: (line: string) => void;
}

export interface ProcessorStatus {
  readonly cursor: number;
  readonly watermark: number;
  readonly lateEvents: number;
  readonly openWindows: number;
  readonly lastError: string | null;
  readonly busy: boolean;
}

const CURSOR = 'cursor';
/** Event-time seconds a window stays open past its end for late deliveries (CloudTrail delivers within ~5 min). */
export const DEFAULT_GRACE_SECONDS = 300;
const WATERMARK = 'watermark';
const LATE = 'late_events';

export class RuleProcessor {
  private running: Promise<void> | null = null;
  private again = false;
  private lastError: string | null = null;
  /** Last time events arrived or a batch was processed: the stream is idle only after neither for a while. */
  private lastActivityAt = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly streaming: ProcessorRule[];
  private readonly windowed: ProcessorRule[];

  constructor(
    private readonly db: Db,
    rules: readonly ProcessorRule[],
    private readonly opts: ProcessorOptions = {},
  ) {
    this.streaming = rules.filter((r) => r.mode.kind === 'streaming');
    this.windowed = rules.filter((r) => r.mode.kind === 'windowed');
    const idle = (opts.idleSeconds ?? 30) * 1000;
    this.idleTimer = setInterval(() => this.wake(), Math.max(250, Math.min(idle, 5000)));
    this.idleTimer.unref();
  }

  /** Schedules processing of whatever is in the journal; resolves when the journal is drained. */
  wake(newEvents = false): Promise<void> {
    if (newEvents) this.lastActivityAt = Date.now();
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.step())) {
            // keep going while batches are full
          }
          if (!this.stopped) await this.closeWindows();
        } while (this.again && !this.stopped);
        this.lastError = null;
      } catch (err) {
        // The cursor did not move: the same events are retried on the next wake (fail closed, lose nothing).
        this.lastError = err instanceof Error ? err.message : String(err);
        this.opts.log?.(`rule processing failed, will retry: ${this.lastError}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Stops scheduling and waits for a batch in progress to finish (its transaction commits or never starts). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.running;
  }

  status(): ProcessorStatus {
    const open = this.db.prepare('SELECT count(*) AS n FROM windows WHERE evaluated_at IS NULL').get() as { n: number };
    return {
      cursor: getProgress(this.db, CURSOR),
      watermark: getProgress(this.db, WATERMARK),
      lateEvents: getProgress(this.db, LATE),
      openWindows: open.n,
      lastError: this.lastError,
      busy: this.running !== null,
    };
  }

  /** Processes one batch of journal events; true when a full batch was processed (more may wait). */
  private async step(): Promise<boolean> {
    const size = this.opts.batchSize ?? 2000;
    const cursor = getProgress(this.db, CURSOR);
    const batch = eventsAfter(this.db, cursor, size);
    if (batch.length === 0) return false;
    const first = batch[0]!.id;
    const last = batch[batch.length - 1]!.id;
    const events = batch.map(toEngineEvent);
    const spl = this.streaming.filter((r) => !r.sigma);
    const sigma = this.streaming.flatMap((r) => (r.sigma ? [r.sigma] : []));
    const attributed = [...(spl.length > 0 ? runStreamingRules(spl.map((r) => r.rule), events) : []), ...(sigma.length > 0 ? runStreamingSigma(sigma, events) : [])];
    const withIds = attributed.map((a) => ({ alert: a.alert, eventId: a.eventIndex === null ? null : batch[a.eventIndex]!.id }));
    const keys = streamingAlertKeys(`events:${first}-${last}`, withIds);
    const rows: NewAlert[] = withIds.map((a, i) => ({
      key: keys[i]!,
      ruleId: String(a.alert.rule_id ?? ''),
      alert: a.alert,
      windowStart: null,
      windowEnd: null,
      firstEventId: a.eventId ?? first,
      lastEventId: a.eventId ?? last,
    }));
    let inserted: number[] = [];
    this.db.immediateTransaction(() => {
      inserted = insertAlerts(this.db, rows, this.opts.webhook ?? false);
      this.noteWindows(batch);
      // Watermarks: overall, and per sourcetype (sources deliver at different paces and replays come file by file).
      const maxBy = new Map<string, number>();
      for (const e of batch) if (e.time > (maxBy.get(e.sourcetype) ?? -Infinity)) maxBy.set(e.sourcetype, e.time);
      let wm = getProgress(this.db, WATERMARK);
      for (const [st, t] of maxBy) {
        if (t > getProgress(this.db, `${WATERMARK}:${st}`, -Infinity)) setProgress(this.db, `${WATERMARK}:${st}`, t);
        if (t > wm) wm = t;
      }
      setProgress(this.db, WATERMARK, wm);
      setProgress(this.db, CURSOR, last);
    });
    if (inserted.length > 0) this.opts.onAlerts?.(inserted);
    this.lastActivityAt = Date.now();
    return batch.length === size;
  }

  /**
   * Records the windows these events fall in. An event for an already evaluated window is late: it is counted
   * and the window reopened, so it is evaluated again with the late event (alerts it already stored keep
   * their keys and are not stored twice; a changed result is stored as a new alert).
   */
  private noteWindows(batch: readonly StoredEvent[]): void {
    if (this.windowed.length === 0) return;
    const add = this.db.prepare('INSERT INTO windows(rule_id, window_start, window_end) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const state = this.db.prepare('SELECT evaluated_at FROM windows WHERE rule_id = ? AND window_start = ?');
    const reopen = this.db.prepare('UPDATE windows SET evaluated_at = NULL WHERE rule_id = ? AND window_start = ?');
    let late = 0;
    for (const r of this.windowed) {
      const w = (r.mode as { seconds: number }).seconds;
      const seen = new Set<number>();
      for (const e of batch) {
        if (r.sourcetypes && !r.sourcetypes.includes(e.sourcetype)) continue;
        const start = Math.floor(e.time / w) * w;
        if (!seen.has(start)) {
          seen.add(start);
          add.run(r.rule.id, start, start + w);
        }
        const s = state.get(r.rule.id, start) as { evaluated_at: number | null } | undefined;
        if (s && s.evaluated_at !== null) {
          late++;
          reopen.run(r.rule.id, start);
        }
      }
    }
    if (late > 0) setProgress(this.db, LATE, getProgress(this.db, LATE) + late);
  }

  private async closeWindows(): Promise<void> {
    if (this.windowed.length === 0) return;
    const grace = this.opts.graceSeconds ?? DEFAULT_GRACE_SECONDS;
    // Requests queued while a long batch ran have not been stored yet: processing counts as activity too.
    const idle = Date.now() - this.lastActivityAt >= (this.opts.idleSeconds ?? 30) * 1000;
    const wallNow = Date.now() / 1000;
    const query = this.db.prepare(
      'SELECT rule_id, window_start, window_end FROM windows WHERE rule_id = ? AND evaluated_at IS NULL AND (window_end + ? <= ? OR (? AND window_end <= ?)) ORDER BY window_start',
    );
    const cursor = getProgress(this.db, CURSOR);
    for (const r of this.windowed) {
      const due = query.all(r.rule.id, grace, this.ruleWatermark(r), idle ? 1 : 0, wallNow) as { rule_id: string; window_start: number; window_end: number }[];
      for (const w of due) {
        if (this.stopped) return;
        await this.evaluateWindow(r, w, cursor);
      }
    }
  }

  /**
   * How far event time has certainly progressed for a rule: the slowest of its sourcetypes that has sent
   * anything (a window closes once all its inputs have passed it; a silent input is covered by the idle rule).
   */
  private ruleWatermark(r: ProcessorRule): number {
    if (!r.sourcetypes) return getProgress(this.db, WATERMARK);
    const marks = r.sourcetypes.map((st) => getProgress(this.db, `${WATERMARK}:${st}`, Number.NaN)).filter((m) => !Number.isNaN(m));
    return marks.length === 0 ? 0 : Math.min(...marks);
  }

  private async evaluateWindow(r: ProcessorRule, w: { rule_id: string; window_start: number; window_end: number }, cursor: number): Promise<void> {
    const events = eventsInWindow(this.db, r.sourcetypes, w.window_start, w.window_end, cursor);
    const alerts: EngineAlert[] = events.length === 0 ? [] : r.sigma ? await runSigmaRules([r.sigma], events.map(toEngineEvent)) : await runRules([r.rule], events.map(toEngineEvent));
    const keys = alertKeys(`window:${w.window_start}-${w.window_end}`, alerts);
    const rows: NewAlert[] = alerts.map((a, i) => ({
      key: keys[i]!,
      ruleId: String(a.rule_id ?? r.rule.id),
      alert: a,
      windowStart: w.window_start,
      windowEnd: w.window_end,
      firstEventId: events[0]?.id ?? null,
      lastEventId: events[events.length - 1]?.id ?? null,
    }));
    let inserted: number[] = [];
    this.db.immediateTransaction(() => {
      inserted = insertAlerts(this.db, rows, this.opts.webhook ?? false);
      this.db.prepare('UPDATE windows SET evaluated_at = ?, alert_count = ? WHERE rule_id = ? AND window_start = ?').run(Date.now() / 1000, rows.length, w.rule_id, w.window_start);
    });
    if (inserted.length > 0) this.opts.onAlerts?.(inserted);
  }
}
