// What a query run may depend on besides its events: the clock, where lookup tables live, and where
// warnings go. Injected so that `now()`, `earliest=-24h` and lookups are deterministic under test.

import type { Diagnostic } from '../core/diagnostics.ts';

export interface ExecOptions {
  /** Epoch seconds used for now(), relative time bounds and makeresults; default: the wall clock at start. */
  readonly now?: number;
  /** Directories searched for `<table>` and `<table>.csv` by lookup and inputlookup. */
  readonly lookupDirs?: readonly string[];
  /** Non-fatal problems (truncated append, skipped values); default: ignored. */
  readonly onWarning?: (d: Diagnostic) => void;
}

export interface ExecContext {
  readonly now: number;
  readonly lookupDirs: readonly string[];
  readonly warn: (d: Diagnostic) => void;
}

export function makeContext(opts: ExecOptions = {}): ExecContext {
  return {
    now: opts.now ?? Date.now() / 1000,
    lookupDirs: opts.lookupDirs ?? [],
    warn: opts.onWarning ?? (() => {}),
  };
}
