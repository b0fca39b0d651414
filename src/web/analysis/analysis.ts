// Analyses of log files (uploaded, on the server's disk, or the bundled demo): read through ingest's
// readEvents (the same path as `sightline detect`), run the chosen rules, keep events and alerts in memory
// (bounded) for the results page, its histogram, drill-down and the query box.

import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SightlineError, type Event } from '../../index.ts';
import type { MalformedInput } from '../engine.ts';
import { readEventFiles, runRules, type EngineAlert, type EngineRule } from '../engine.ts';

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
  constructor(private readonly uploadDir: string, private readonly keep = 10) {}

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

  async run(label: string, paths: readonly string[], rules: readonly EngineRule[]): Promise<Analysis> {
    const malformed: MalformedInput[] = [];
    let events: Event[] = [];
    let alerts: EngineAlert[] = [];
    let error: string | null = null;
    try {
      events = await readEventFiles(paths, (d) => {
        if (malformed.length < 100) malformed.push(d);
      });
      alerts = await runRules(rules, events);
    } catch (err) {
      error = err instanceof SightlineError ? `${err.diagnostic.code}: ${err.diagnostic.message}` : err instanceof Error ? err.message : String(err);
    }
    const a: Analysis = { id: randomUUID(), label, created: Date.now() / 1000, sources: paths, ruleIds: rules.map((r) => r.id), events, malformed, alerts, error };
    this.items.set(a.id, a);
    while (this.items.size > this.keep) this.items.delete(this.items.keys().next().value!);
    return a;
  }
}
