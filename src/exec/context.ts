// What a query run may depend on besides its events: the clock, the time zone, the random source, where
// lookup tables live, and where warnings go. Injected so that `now()`, `earliest=-24h`, strftime, random()
// and lookups are deterministic under test.

import type { Diagnostic } from '../core/diagnostics.ts';

export interface ExecOptions {
  /** Epoch seconds used for now(), relative time bounds and makeresults; default: the wall clock at start. */
  readonly now?: number;
  /** Time zone for strftime/strptime/relative_time, time bounds and convert; default UTC. */
  readonly tz?: string;
  /** Source of random() numbers in [0, 1); tests pass a seeded one (seededRandom). Default Math.random. */
  readonly random?: () => number;
  /** Directories searched for `<table>` and `<table>.csv` by lookup and inputlookup. */
  readonly lookupDirs?: readonly string[];
  /** Non-fatal problems (truncated append, skipped values); default: ignored. */
  readonly onWarning?: (d: Diagnostic) => void;
  /**
   * The events were already byte-filtered on the scans' required literals (the scan path): scans skip their
   * own per-event raw check, which could only repeat that work.
   */
  readonly rawPrefiltered?: boolean;
}

export interface ExecContext {
  readonly now: number;
  readonly tz: string;
  readonly random: () => number;
  readonly lookupDirs: readonly string[];
  readonly warn: (d: Diagnostic) => void;
  readonly rawPrefiltered: boolean;
  /**
   * How many operators stopped taking rows (a satisfied head, the only operator that stops on its own):
   * a driver asks the chains whether they are done only when this count changed.
   */
  readonly stops: { count: number };
}

export function makeContext(opts: ExecOptions = {}): ExecContext {
  return {
    now: opts.now ?? Date.now() / 1000,
    tz: opts.tz ?? 'UTC',
    random: opts.random ?? Math.random,
    lookupDirs: opts.lookupDirs ?? [],
    warn: opts.onWarning ?? (() => {}),
    rawPrefiltered: opts.rawPrefiltered ?? false,
    stops: { count: 0 },
  };
}

/** A deterministic [0, 1) generator (mulberry32) for tests and reproducible runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
