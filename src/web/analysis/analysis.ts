// Analyses of log files (uploaded, on the server's disk, or the bundled demo): read through ingest's
// readEvents (the same path as `sightline detect`), run the chosen rules, keep events and alerts in memory
// (bounded) for the results page, its histogram, drill-down and the query box.

import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SightlineError, type Event } from '../../index.ts';
import type { MalformedInput } from '../engine.ts';
import { readEventFiles, runRulesYielding, type EngineAlert, type EngineRule } from '../engine.ts';

/**
 * What one analysis may hold and how many wait: the bounds docs/web.md states. Events are counted and their
 * decompressed text is measured as it is read (a 9 MB gzip can hold gigabytes), and reading stops at either.
 */
export const ANALYSIS_LIMITS = {
  /** Events held per analysis. */
  events: 200_000,
  /** Decompressed bytes of those events' text per analysis. */
  rawBytes: 256 * 1024 * 1024,
  /** Analyses kept for their results pages (the oldest is dropped). */
  kept: 10,
  /** Analyses waiting to run behind the one running; more are refused (503). */
  queued: 2,
  /** Seconds an upload that no analysis used stays on disk. */
  uploadSeconds: 15 * 60,
} as const;

export type AnalysisLimits = { readonly [K in keyof typeof ANALYSIS_LIMITS]: number };

export class AnalysisBusy extends Error {}

export interface Analysis {
  readonly id: string;
  readonly label: string;
  readonly created: number;
  readonly sources: readonly string[];
  readonly ruleIds: readonly string[];
  readonly events: readonly Event[];
  readonly malformed: readonly MalformedInput[];
  readonly alerts: readonly EngineAlert[];
  readonly error: string | null;
}

export class AnalysisStore {
  private readonly items = new Map<string, Analysis>();
  /** Analyses run one at a time, so two uploads never hold their events at once. */
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  constructor(
    private readonly uploadDir: string,
    private readonly limits: AnalysisLimits = ANALYSIS_LIMITS,
  ) {
    // Uploads left by an earlier run (stopped before they were analysed) are nobody's now.
    rmSync(uploadDir, { recursive: true, force: true });
  }

  /** Deletes uploads older than ANALYSIS_LIMITS.uploadSeconds; returns the paths removed. */
  sweepUploads(now = Date.now()): string[] {
    const removed: string[] = [];
    let names: string[];
    try {
      names = readdirSync(this.uploadDir);
    } catch {
      return removed;
    }
    for (const name of names) {
      const dir = join(this.uploadDir, name);
      try {
        if (now - statSync(dir).mtimeMs > this.limits.uploadSeconds * 1000) {
          rmSync(dir, { recursive: true, force: true });
          removed.push(dir);
        }
      } catch {
        // gone meanwhile
      }
    }
    return removed;
  }

  get(id: string): Analysis | undefined {
    return this.items.get(id);
  }

  list(): Analysis[] {
    return [...this.items.values()].reverse();
  }

  /** Saves an uploaded file under the data directory so ingest reads it like any other file. */
  saveUpload(name: string, bytes: Buffer): string {
    const dir = join(this.uploadDir, randomUUID());
    // Uploads are someone's logs: owner only, like the rest of the data directory.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const safe = basename(name).replace(/[^\w.-]/g, '_').slice(0, 100) || 'upload.json';
    const path = join(dir, safe);
    writeFileSync(path, bytes, { mode: 0o600 });
    return path;
  }

  /** Queues an analysis behind the running one; throws AnalysisBusy when ANALYSIS_LIMITS.queued already wait. */
  run(label: string, paths: readonly string[], rules: readonly EngineRule[]): Promise<Analysis> {
    if (this.waiting >= this.limits.queued + 1) return Promise.reject(new AnalysisBusy('analyses are busy; try again shortly'));
    this.waiting++;
    const result = this.tail.then(() => this.runNow(label, paths, rules));
    this.tail = result.catch(() => undefined).finally(() => this.waiting--);
    return result;
  }

  private async runNow(label: string, paths: readonly string[], rules: readonly EngineRule[]): Promise<Analysis> {
    const malformed: MalformedInput[] = [];
    let events: Event[] = [];
    let alerts: EngineAlert[] = [];
    let error: string | null = null;
    try {
      const read = await readEventFiles(
        paths,
        (d) => {
          if (malformed.length < 100) malformed.push(d);
        },
        this.limits,
      );
      events = read.events;
      if (read.truncated) {
        error = `ANALYSIS-TOO-LARGE: reading stopped after ${events.length} events (at most ${this.limits.events} events and ${this.limits.rawBytes / 1024 / 1024} MiB of event text per analysis); the alerts are those of the events read`;
      }
      alerts = await runRulesYielding(rules, events);
    } catch (err) {
      error = err instanceof SightlineError ? `${err.diagnostic.code}: ${err.diagnostic.message}` : err instanceof Error ? err.message : String(err);
    }
    const a: Analysis = { id: randomUUID(), label, created: Date.now() / 1000, sources: paths, ruleIds: rules.map((r) => r.id), events, malformed, alerts, error };
    this.items.set(a.id, a);
    while (this.items.size > this.limits.kept) this.items.delete(this.items.keys().next().value!);
    return a;
  }
}
