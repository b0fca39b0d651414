// A bytes-read progress bar on stderr for search and detect, shown only when stderr is a terminal and the
// run is long (it appears after a second), so pipes, CI logs and short runs stay clean.

import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

// Required when a bar is first drawn: runs into a pipe or shorter than a second never load it.
const require = createRequire(import.meta.url);

export interface Progress {
  update(bytesRead: number): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;

export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || totalBytes <= 0) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(bytesRead) {
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS) return;
        const { SingleBar, Presets } = require('cli-progress') as typeof cliProgress;
        bar = new SingleBar(
          { stream, format: 'reading [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true, clearOnComplete: true },
          Presets.shades_classic,
        );
        bar.start(toMb(totalBytes), 0);
      }
      bar.update(Math.min(toMb(bytesRead), toMb(totalBytes)));
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Bytes of the input files, the bar's total; 0 (no bar) when stdin is among them. */
export function inputBytes(files: readonly string[]): number {
  let total = 0;
  for (const f of files) {
    if (f === '-') return 0;
    try {
      total += statSync(f).size;
    } catch {
      // unreadable files are reported while reading
    }
  }
  return total;
}

function toMb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
