// readEvents: files, directories, globs and stdin ("-") -> Events, streamed. Each input's bytes go through
// gzip detection and the record splitter; each record is JSON.parsed once and handed to JsonEvent. Bad
// input is reported through onMalformed (file, line, byte offset, message) and reading goes on.

import { statSync } from 'node:fs';
import type { Event } from '../core/event.ts';
import { fail } from '../core/diagnostics.ts';
import { GzipError, UnsupportedInputError, openBytes, type ByteChunkStats } from './byte-source.ts';
import { expandPaths } from './glob.ts';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.ts';
import { defaultHost, type EventContext } from './make-event.ts';
import { RecordSplitter } from './record-splitter.ts';
import { recordEvents } from './record-events.ts';
import { sourcetypeByName } from './sourcetypes/index.ts';
import type { JsonEvent } from './json-event.ts';
import { countNewlines, type ReadCounts } from './read-counts.ts';

export interface MalformedInput {
  readonly source: string;
  /** 1-based line of the decompressed text where the bad record starts (0 when not line-related). */
  readonly line: number;
  /** Byte offset: in the decompressed text, or in the compressed file for gzip errors. */
  readonly offset: number;
  readonly message: string;
}

export interface ReadOptions {
  /** Force this sourcetype (or an accepted alias name) instead of detecting it per record. */
  readonly sourcetype?: string;
  readonly index?: string;
  readonly host?: string;
  readonly onMalformed?: (m: MalformedInput) => void;
  /** Called after each chunk with the bytes read so far over all inputs (compressed bytes for gzip). */
  readonly onProgress?: (bytesRead: number) => void;
  readonly signal?: AbortSignal;
  readonly limits?: Partial<IngestLimits>;
  /** Lines read and untimed events are added here. */
  readonly counts?: ReadCounts;
}

/** Events in batches (one per input chunk): the cheap way to consume a large input. */
export async function* readEventBatches(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<JsonEvent[]> {
  const { files, missing, unreadable } = expandPaths(paths);
  if (missing.length > 0) {
    fail('INGEST-NOT-FOUND', `no input files match ${missing.map((m) => JSON.stringify(m)).join(', ')}`, {
      hint: 'give files, directories, glob patterns or - for stdin',
    });
  }
  // A folder that cannot be listed is reported like any unreadable input; the others are still read.
  for (const u of unreadable) opts.onMalformed?.({ source: u.path, line: 0, offset: 0, message: u.message });
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const forced = opts.sourcetype ? sourcetypeByName(opts.sourcetype) : undefined;
  const host = opts.host ?? defaultHost();
  let bytesBefore = 0;
  for (const file of files) {
    if (opts.signal?.aborted) return;
    const source = file === '-' ? 'stdin' : file;
    const ctx: EventContext = { sourcetype: forced, index: opts.index, source, host, fallbackTime: fallbackTime(file), ...(opts.counts ? { counts: opts.counts } : {}) };
    // A final line without its newline is a line too.
    let lastByte = NEWLINE;
    const stats: ByteChunkStats = { bytesRead: 0, gzip: false };
    const report = (line: number, offset: number, message: string) => opts.onMalformed?.({ source, line, offset, message });
    let batch: JsonEvent[] = [];
    const splitter = new RecordSplitter(
      {
        record: (text, line, offset) => addRecord(text, line, offset, ctx, batch, report),
        malformed: report,
      },
      limits,
    );
    try {
      for await (const chunk of openBytes(file, stats, opts.signal)) {
        if (opts.counts && chunk.length > 0) {
          opts.counts.lines += countNewlines(chunk);
          lastByte = chunk[chunk.length - 1]!;
        }
        splitter.push(chunk);
        opts.onProgress?.(bytesBefore + stats.bytesRead);
        if (batch.length > 0) {
          yield batch;
          batch = [];
        }
        if (opts.signal?.aborted) return;
      }
      splitter.end();
      if (opts.counts && lastByte !== NEWLINE) opts.counts.lines++;
    } catch (err) {
      if (err instanceof GzipError) report(0, err.compressedOffset, `${err.message} (at compressed byte ${err.compressedOffset}); events before it were kept`);
      else if (err instanceof UnsupportedInputError) report(0, 0, err.message);
      else report(0, stats.bytesRead, `cannot read input: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (batch.length > 0) yield batch;
    bytesBefore += stats.bytesRead;
  }
}

/** Events one at a time, in input order. */
export async function* readEvents(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<Event> {
  for await (const batch of readEventBatches(paths, opts)) yield* batch;
}

const NEWLINE = 0x0a;

function addRecord(
  text: string,
  line: number,
  offset: number,
  ctx: EventContext,
  out: JsonEvent[],
  report: (line: number, offset: number, message: string) => void,
): void {
  recordEvents(text, ctx, out, (message) => report(line, offset, message));
}

/**
 * Splunk's fallback for a file without timestamps is its modification time ("For file sources, if no time
 * or date can be identified in the file name, use the modification time on the file"); stdin: start time.
 */
function fallbackTime(file: string): number {
  if (file !== '-') {
    try {
      return Math.floor(statSync(file).mtimeMs / 1000);
    } catch {
      // fall through
    }
  }
  return Math.floor(Date.now() / 1000);
}
