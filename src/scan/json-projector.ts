// Reads only the wanted parts of one JSON record straight from its bytes, instead of JSON.parse of the whole
// line. The scanner walks the line once: wanted keys are decoded (strings, numbers and literals directly, nested
// objects by descending, anything else by JSON.parse of its own bytes), every other value is skipped while
// its grammar is still checked, so a line JSON.parse would reject is rejected here too. The result is an
// object that holds, for every wanted key, exactly what JSON.parse would have put there (the last duplicate
// wins, as in JSON.parse). Anything unusual (nesting deeper than the ingest limit, text that is not one
// valid object) returns null and the caller takes the full-parse path, which decides and reports it.

import { DEFAULT_LIMITS } from '../ingest/limits.ts';
import type { ProjectionLevel, WantedKey } from './projection-spec.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const MAX_DEPTH = DEFAULT_LIMITS.maxDepth;
/** Container kinds on the skip stack. */
const IN_OBJECT = 1;
const IN_ARRAY = 2;
const stack = new Uint8Array(MAX_DEPTH + 1);

/** Set by scanString: whether the string just scanned held a backslash escape. */
let lastEscaped = false;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipWs(b: Uint8Array, i: number, end: number): number {
  while (i < end && isWs(b[i]!)) i++;
  return i;
}

const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

/** Bytes that end a run of plain string bytes: the quote, the backslash, control characters. */
const STRING_STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STRING_STOP[c] = 1;
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;

/** i at an opening quote; returns the index after the closing quote, or -1 for an invalid string. */
function scanString(b: Uint8Array, i: number, end: number): number {
  lastEscaped = false;
  i++;
  for (;;) {
    // Plain bytes in one tight loop; reading past `end` (into the next line) is harmless: checked below.
    // Past the buffer b[i] is undefined and STRING_STOP[undefined] is undefined, which also stops.
    while (STRING_STOP[b[i]!] === 0) i++;
    if (i >= end) return -1;
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return -1;
    lastEscaped = true;
    const e = b[i + 1];
    if (e === undefined || i + 1 >= end) return -1;
    if (SIMPLE_ESCAPE[e]) i += 2;
    else if (e === 0x75 /* u */) {
      if (i + 6 > end || !HEX[b[i + 2]!] || !HEX[b[i + 3]!] || !HEX[b[i + 4]!] || !HEX[b[i + 5]!]) return -1;
      i += 6;
    } else return -1;
  }
}

function digitsFrom(b: Uint8Array, i: number, end: number): number {
  while (i < end && b[i]! >= ZERO && b[i]! <= NINE) i++;
  return i;
}

/** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; returns the end or -1. */
function scanNumber(b: Uint8Array, i: number, end: number): number {
  if (b[i] === MINUS) i++;
  if (i >= end) return -1;
  if (b[i] === ZERO) i++;
  else if (b[i]! >= 0x31 && b[i]! <= NINE) i = digitsFrom(b, i + 1, end);
  else return -1;
  if (i < end && b[i] === DOT) {
    const j = digitsFrom(b, i + 1, end);
    if (j === i + 1) return -1;
    i = j;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === MINUS)) i++;
    const j = digitsFrom(b, i, end);
    if (j === i) return -1;
    i = j;
  }
  return i;
}

function scanWord(b: Uint8Array, i: number, end: number, word: string): number {
  if (i + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}

/** A scalar (string, number, true, false, null) at i; returns its end or -1. */
function scanScalar(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c === QUOTE) return scanString(b, i, end);
  if (c === MINUS || (c >= ZERO && c <= NINE)) return scanNumber(b, i, end);
  if (c === 0x74) return scanWord(b, i, end, 'true');
  if (c === 0x66) return scanWord(b, i, end, 'false');
  if (c === 0x6e) return scanWord(b, i, end, 'null');
  return -1;
}

/**
 * Skips one value at i (after whitespace), checking its grammar; returns its end, -1 when invalid, or -2 when
 * it nests deeper than `room` levels (the caller falls back to the full path).
 */
function skipValue(b: Uint8Array, i: number, end: number, room: number): number {
  let sp = 0;
  for (;;) {
    // A value starts at i.
    i = skipWs(b, i, end);
    if (i >= end) return -1;
    let c = b[i]!;
    if (c === LBRACE || c === LBRACKET) {
      if (sp >= room) return -2;
      stack[sp++] = c === LBRACE ? IN_OBJECT : IN_ARRAY;
      i = skipWs(b, i + 1, end);
      if (i >= end) return -1;
      if (b[i] === (c === LBRACE ? RBRACE : RBRACKET)) {
        sp--;
        i++;
      } else if (c === LBRACE) {
        i = memberValueStart(b, i, end);
        if (i < 0) return -1;
        continue;
      } else continue;
    } else {
      i = scanScalar(b, i, end);
      if (i < 0) return -1;
    }
    // A value ended at i: close containers until one continues with a comma.
    for (;;) {
      if (sp === 0) return i;
      i = skipWs(b, i, end);
      if (i >= end) return -1;
      c = b[i]!;
      const kind = stack[sp - 1];
      if (c === COMMA) {
        i = skipWs(b, i + 1, end);
        if (kind === IN_OBJECT) {
          i = memberValueStart(b, i, end);
          if (i < 0) return -1;
        }
        break;
      }
      if ((c === RBRACE && kind === IN_OBJECT) || (c === RBRACKET && kind === IN_ARRAY)) {
        sp--;
        i++;
        continue;
      }
      return -1;
    }
  }
}

/** At a member's key (after whitespace): checks `"key" :` and returns where the value starts, or -1. */
function memberValueStart(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== QUOTE) return -1;
  i = scanString(b, i, end);
  if (i < 0) return -1;
  i = skipWs(b, i, end);
  if (b[i] !== COLON || i >= end) return -1;
  return i + 1;
}

/** What one projection produced: the object, or why the full path must decide. */
export type Projection = Record<string, unknown> | null;

/**
 * The last text a key held, reused while the bytes repeat: log fields such as eventSource or a principal's
 * ARN repeat from record to record, and one string per distinct run saves the decoding, the allocation and
 * the hashing of an equal new string downstream (stats groups, dc sets). Keys whose values rarely repeat
 * (request ids) stop being compared after a while.
 */
const RECENT_MAX_BYTES = 96;

class RecentText {
  private readonly bytes = new Uint8Array(RECENT_MAX_BYTES);
  private length = -1;
  private value = '';
  private hits = 0;
  private misses = 0;

  text(b: Buffer, start: number, end: number): string {
    const n = end - start;
    if (n > RECENT_MAX_BYTES || this.misses > 64 + 4 * this.hits) return b.toString('utf8', start, end);
    if (n === this.length) {
      let k = 0;
      while (k < n && this.bytes[k] === b[start + k]) k++;
      if (k === n) {
        this.hits++;
        return this.value;
      }
    }
    this.misses++;
    this.value = b.toString('utf8', start, end);
    this.length = n;
    this.bytes.set(b.subarray(start, end));
    return this.value;
  }
}

/** Reusable projector for one wanted-field tree (see projection-spec.ts). */
export class JsonProjector {
  private end = 0;
  private pos = 0;
  private readonly recent = new Map<WantedKey, RecentText>();

  private recentText(want: WantedKey): RecentText {
    let r = this.recent.get(want);
    if (!r) this.recent.set(want, (r = new RecentText()));
    return r;
  }

  constructor(private readonly root: ProjectionLevel) {}

  /**
   * The wanted parts of the JSON object in buf[start, end), or null when the text is not one valid plain
   * object within the limits (the caller then parses it the ordinary way, which reports what is wrong).
   */
  project(buf: Buffer, start: number, end: number): Projection {
    this.end = end;
    let i = skipWs(buf, start, end);
    if (buf[i] !== LBRACE) return null;
    const obj = this.object(buf, i, this.root, MAX_DEPTH);
    if (obj === null) return null;
    i = skipWs(buf, this.pos, end);
    return i === end ? obj : null;
  }

  /** The object at i (a `{`), keeping wanted members; sets this.pos after it. `room`: levels left. */
  private object(b: Buffer, i: number, level: ProjectionLevel, room: number): Record<string, unknown> | null {
    if (room <= 0) return null;
    const end = this.end;
    const out: Record<string, unknown> = {};
    i = skipWs(b, i + 1, end);
    if (b[i] === RBRACE) {
      this.pos = i + 1;
      return out;
    }
    // Log records rarely hold whitespace between tokens: each step tries the expected byte first.
    for (;;) {
      if (b[i] !== QUOTE) return null;
      const keyStart = i;
      i = scanString(b, i, end);
      if (i < 0) return null;
      const want = lastEscaped ? level.byName(JSON.parse(b.toString('utf8', keyStart, i)) as string) : level.byBytes(b, keyStart + 1, i - 1);
      if (b[i] !== COLON) {
        i = skipWs(b, i, end);
        if (b[i] !== COLON) return null;
      }
      i++;
      if (isWs(b[i]!)) i = skipWs(b, i, end);
      if (i >= end) return null;
      if (want === null) {
        i = b[i] === QUOTE ? scanString(b, i, end) : skipValue(b, i, end, room - 1);
        if (i < 0) return null;
      } else {
        const value = this.value(b, i, want, room - 1);
        if (value === undefined) return null;
        if (want.name === '__proto__') Object.defineProperty(out, want.name, { value, enumerable: true, writable: true, configurable: true });
        else out[want.name] = value;
        i = this.pos;
      }
      let c = b[i];
      if (c === COMMA && i < end) {
        i++;
        if (b[i] !== QUOTE) i = skipWs(b, i, end);
        continue;
      }
      if (c === RBRACE && i < end) {
        this.pos = i + 1;
        return out;
      }
      i = skipWs(b, i, end);
      if (i >= end) return null;
      c = b[i];
      if (c === RBRACE) {
        this.pos = i + 1;
        return out;
      }
      if (c !== COMMA) return null;
      i = skipWs(b, i + 1, end);
    }
  }

  /** A wanted value at i; sets this.pos after it. undefined: invalid or beyond the limits. */
  private value(b: Buffer, i: number, want: WantedKey, room: number): unknown {
    const end = this.end;
    const c = b[i]!;
    if (c === LBRACE && want.children !== null && !want.whole) {
      const obj = this.object(b, i, want.children, room);
      return obj === null ? undefined : obj;
    }
    if (c === QUOTE) {
      const e = scanString(b, i, end);
      if (e < 0) return undefined;
      this.pos = e;
      if (lastEscaped) return JSON.parse(b.toString('utf8', i, e));
      return this.recentText(want).text(b, i + 1, e - 1);
    }
    if (c === LBRACE || c === LBRACKET) {
      const e = skipValue(b, i, end, room);
      if (e < 0) return undefined;
      this.pos = e;
      return JSON.parse(b.toString('utf8', i, e));
    }
    const e = scanScalar(b, i, end);
    if (e < 0) return undefined;
    this.pos = e;
    if (c === 0x74) return true;
    if (c === 0x66) return false;
    if (c === 0x6e) return null;
    return Number(b.toString('latin1', i, e));
  }
}
