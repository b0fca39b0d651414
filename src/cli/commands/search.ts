// `sightline search '<SPL>' <paths...>`: runs one SPL query over raw log files in a single streaming pass
// through the fast scan path (src/scan: byte prefilter, workers; --no-fast reads every event instead).
// Results go to stdout (table, JSON lines or CSV); diagnostics, malformed-input positions, the progress bar
// and the summary go to stderr. Invalid SPL exits 2 with `line:col: CODE: message` and a caret excerpt.

import { defineCommand } from 'citty';
import { SightlineError, formatDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { parseRelativeTime, parseTimestamp } from '../../core/time.ts';
import type { Event } from '../../core/event.ts';
import { startQueries, type QueryRun } from '../../exec/run.ts';
import type { Row } from '../../exec/row.ts';
import { expandPaths } from '../../ingest/glob.ts';
import { readEventBatches, type MalformedInput } from '../../ingest/read.ts';
import { planQuery } from '../../plan/index.ts';
import { scanQueries } from '../../scan/run-scan.ts';
import type { QueryPlan } from '../../plan/nodes.ts';
import { resultColumns } from '../output/columns.ts';
import { renderCsv } from '../output/csv.ts';
import { rowToJsonLine } from '../output/json-lines.ts';
import { createProgress, inputBytes } from '../output/progress.ts';
import { formatSummary, newRunStats, recordMalformed, type RunStats } from '../output/summary.ts';
import { renderTable } from '../output/table.ts';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
/** How many malformed inputs are listed by position before the rest are only counted. */
const MALFORMED_SHOWN = 10;

export default defineCommand({
  meta: { name: 'search', description: 'Run an SPL query over raw log files (NDJSON, JSON arrays, CloudTrail Records, gzip)' },
  args: {
    spl: { type: 'positional', required: true, description: 'the SPL query' },
    paths: { type: 'positional', required: false, valueHint: 'paths...', description: 'files, directories, globs or - for stdin (all of them are read; stdin when none and piped)' },
    format: { type: 'string', default: 'table', description: 'table | json (one object per line) | csv' },
    sourcetype: { type: 'string', description: 'force this sourcetype instead of detecting it per record' },
    macros: { type: 'string', description: 'macro definitions file (macros.conf or YAML)' },
    lookups: { type: 'string', description: 'directory holding lookup tables' },
    earliest: { type: 'string', description: 'only events at or after this time (ISO, epoch, or a modifier like -24h@h)' },
    latest: { type: 'string', description: 'only events before this time (default with --earliest: now)' },
    now: { type: 'string', description: 'epoch seconds used as now() and for relative times' },
    fast: { type: 'boolean', default: true, description: 'use the fast scan path (prefilter, workers); --no-fast reads every event with the plain reader' },
  },
  async run({ args }) {
    process.exitCode = await runSearch({
      spl: String(args.spl),
      paths: (args._ as string[]).slice(1),
      format: String(args.format),
      sourcetype: args.sourcetype as string | undefined,
      macros: args.macros as string | undefined,
      lookups: args.lookups as string | undefined,
      earliest: args.earliest as string | undefined,
      latest: args.latest as string | undefined,
      now: args.now as string | undefined,
      fast: args.fast !== false,
    });
  },
});

export interface SearchRequest {
  readonly spl: string;
  readonly paths: readonly string[];
  readonly format: string;
  readonly sourcetype?: string;
  readonly macros?: string;
  readonly lookups?: string;
  readonly earliest?: string;
  readonly latest?: string;
  readonly now?: string;
  /** The fast scan path (default); false reads every event through the ingest reader (for debugging). */
  readonly fast?: boolean;
}

/** Runs the search and returns the exit code: 0 ok, 2 usage, query or input errors. */
export async function runSearch(req: SearchRequest): Promise<number> {
  const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  if (!(FORMATS as readonly string[]).includes(req.format)) {
    err(`sightline search: CLI-BAD-FORMAT: unknown --format ${JSON.stringify(req.format)}\n  hint: use ${FORMATS.join(', ')}`);
    return 2;
  }
  const format = req.format as Format;
  const now = req.now !== undefined ? Number(req.now) : Date.now() / 1000;
  if (!Number.isFinite(now)) {
    err(`sightline search: CLI-BAD-NOW: --now must be epoch seconds, got ${JSON.stringify(req.now)}`);
    return 2;
  }

  let plan: QueryPlan;
  let window: { earliest: number | null; latest: number | null };
  try {
    // Loaded only when asked for, so a search without macros never depends on the macro module.
    const macros = req.macros ? await (await import('../../spl/macros.ts')).loadMacros(req.macros) : undefined;
    plan = planQuery(req.spl, macros ? { macros } : undefined);
    window = {
      earliest: req.earliest !== undefined ? parseTimeArg(req.earliest, now) : null,
      // As with Splunk's time range picker, an earliest bound alone runs up to now (latest is exclusive).
      latest: req.latest !== undefined ? parseTimeArg(req.latest, now) : req.earliest !== undefined ? now : null,
    };
  } catch (e) {
    err(describeError(e, req.spl));
    return 2;
  }

  const paths = req.paths.length > 0 ? req.paths : process.stdin.isTTY ? [] : ['-'];
  if (paths.length === 0) {
    err('sightline search: CLI-NO-INPUT: no input files\n  hint: sightline search \'<SPL>\' <files, directories, globs or - for stdin>');
    return 2;
  }
  const { files, missing } = expandPaths(paths);
  if (missing.length > 0) {
    err(`sightline search: INGEST-NOT-FOUND: no input files match ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
    return 2;
  }

  const stats = newRunStats();
  stats.files = files.length;
  const rows: Row[] = [];
  const out = new StdoutWriter();
  const warnings: Diagnostic[] = [];
  const sink = (_i: number, row: Row) => {
    stats.results++;
    if (format === 'json') out.write(rowToJsonLine(row));
    else rows.push(row);
  };
  const progress = createProgress(inputBytes(files));
  const started = performance.now();
  const inWindow = (event: Event) =>
    (window.earliest === null || event._time >= window.earliest) && (window.latest === null || event._time < window.latest);
  const execOpts = { now, lookupDirs: req.lookups ? [req.lookups] : [], onWarning: (d: Diagnostic) => void warnings.push(d) };
  const onMalformed = (m: MalformedInput) => recordMalformed(stats, m, MALFORMED_SHOWN);
  const onProgress = (bytes: number) => {
    stats.bytes = bytes;
    progress.update(bytes);
  };
  try {
    if (req.fast === false) {
      const run = startQueries([plan], sink, execOpts);
      await readAll(files, run, req.sourcetype, inWindow, () => out.closed, onMalformed, onProgress, stats);
    } else {
      const scanned = await scanQueries([plan], files, sink, {
        ...execOpts,
        sourcetype: req.sourcetype,
        onMalformed,
        onProgress,
        accept: inWindow,
        stop: () => out.closed,
      });
      // Lines the prefilter rejected are never parsed: the count is of events offered to the query.
      stats.events = scanned.eventsPushed;
    }
  } catch (e) {
    progress.stop();
    err(describeError(e, req.spl));
    return 2;
  }
  progress.stop();

  if (format !== 'json' && rows.length > 0) {
    const columns = resultColumns(rows);
    out.write(format === 'csv' ? renderCsv(columns, rows) : renderTable(columns, rows));
  }
  await out.flush();
  for (const w of warnings) err(formatDiagnostic(w, w.span ? req.spl : undefined));
  err(formatSummary(stats, (performance.now() - started) / 1000));
  return 0;
}

/** The reader path (--no-fast): every event is parsed and offered to the query, in input order. */
async function readAll(
  files: readonly string[],
  run: QueryRun,
  sourcetype: string | undefined,
  inWindow: (e: Event) => boolean,
  closed: () => boolean,
  onMalformed: (m: MalformedInput) => void,
  onProgress: (bytes: number) => void,
  stats: RunStats,
): Promise<void> {
  const abort = new AbortController();
  const batches = readEventBatches(files, { sourcetype, signal: abort.signal, onMalformed, onProgress });
  for await (const batch of batches) {
    for (const event of batch) {
      stats.events++;
      if (!inWindow(event)) continue;
      run.push(event);
      // Stop reading as soon as no operator can take more input (e.g. `head` is satisfied).
      if (run.done || closed()) {
        abort.abort();
        run.end();
        return;
      }
    }
  }
  run.end();
}

/** --earliest/--latest: an ISO timestamp, or anything Splunk's time modifiers accept (-24h@h, epoch, now). */
function parseTimeArg(spec: string, now: number): number {
  return parseTimestamp(spec, 'UTC') ?? parseRelativeTime(spec, now);
}

function describeError(e: unknown, spl: string): string {
  if (e instanceof SightlineError) return formatDiagnostic(e.diagnostic, e.diagnostic.span ? spl : undefined);
  return `sightline search: ${e instanceof Error ? e.message : String(e)}`;
}

/** Buffers stdout writes and notices a closed pipe (`| head`), so the search can stop reading early. */
class StdoutWriter {
  closed = false;
  private buffer: string[] = [];
  private size = 0;

  constructor() {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
    });
  }

  write(text: string): void {
    if (this.closed) return;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 64 * 1024) void this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0 || this.closed) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  }
}
