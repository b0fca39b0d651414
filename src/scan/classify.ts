// Decides how the fast scan path may read an input: `lines` (a plain NDJSON file: byte ranges, random
// access), `stream` (gzip whose text is NDJSON: sequential), or `other` (stdin, arrays, Records wrappers,
// pretty-printed or UTF-16 text...), which goes through the ingest reader unchanged.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { openBytes, type ByteChunkStats } from '../ingest/byte-source.ts';

export type InputKind = 'lines' | 'stream' | 'other';

const PEEK = 256 * 1024;

/** Whether the first line of `head` is one plain JSON object (not a Records batch) followed by a newline. */
export function startsAsNdjson(head: Buffer): boolean {
  const a = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const nl = head.indexOf(0x0a, a);
  if (nl < 0) return false;
  const line = head.toString('utf8', a, nl).trim();
  if (!line.startsWith('{') || !line.endsWith('}')) return false;
  try {
    const v = JSON.parse(line) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const r = v as Record<string, unknown>;
    return !Array.isArray(r.Records) && !Array.isArray(r.records);
  } catch {
    return false;
  }
}

export async function classifyInput(path: string): Promise<InputKind> {
  if (path === '-') return 'other';
  let fd: number;
  try {
    if (!statSync(path).isFile()) return 'other';
    fd = openSync(path, 'r');
  } catch {
    return 'other';
  }
  const head = Buffer.alloc(PEEK);
  let n: number;
  try {
    n = readSync(fd, head, 0, PEEK, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return (await gzipStartsAsNdjson(path)) ? 'stream' : 'other';
  return startsAsNdjson(head.subarray(0, n)) ? 'lines' : 'other';
}

async function gzipStartsAsNdjson(path: string): Promise<boolean> {
  const stats: ByteChunkStats = { bytesRead: 0, gzip: false };
  let text = Buffer.alloc(0);
  try {
    for await (const chunk of openBytes(path, stats)) {
      text = Buffer.concat([text, chunk]);
      if (text.indexOf(0x0a) >= 0 || text.length >= PEEK) break;
    }
  } catch {
    return false;
  }
  return startsAsNdjson(text);
}
