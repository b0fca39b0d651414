// Time for the SPL engine: Splunk relative time modifiers (-24h, -7d@d, @w1, -1mon@mon), strftime/strptime
// with Splunk's format variables, and ISO 8601 parsing as cloud logs write it. Times are epoch seconds
// (fractional); time zones are IANA names, UTC, or fixed offsets such as +05:30.

import { fail } from './diagnostics.ts';

// ---------------------------------------------------------------------------------------------------------
// Time zones and calendar fields

/** Largest |epoch seconds| a JS Date can represent (±100,000,000 days). */
export const MAX_EPOCH = 8.64e12;

export interface LocalTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Microseconds within the second (0..999999). */
  readonly micros: number;
  readonly weekday: number; // 0 = Sunday
  readonly yearDay: number; // 1-366
  /** Offset from UTC in seconds, east positive. */
  readonly offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function fixedOffset(tz: string): number | null {
  if (/^(UTC|GMT|Z|UT)$/i.test(tz)) return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60);
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fail('SPL-TIME-ZONE-UNKNOWN', `unknown time zone ${JSON.stringify(tz)}`, {
        hint: 'use an IANA name such as Europe/Paris, UTC, or a fixed offset such as +02:00',
      });
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC at the instant `epochSeconds`, in seconds (east positive). */
export function tzOffsetSeconds(epochSeconds: number, tz: string): number {
  const fixed = fixedOffset(tz);
  if (fixed !== null) return fixed;
  const whole = Math.floor(epochSeconds);
  const parts: Record<string, number> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(whole * 1000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) / 1000;
  return local - whole;
}

/** Calendar fields of an instant in a time zone. */
export function toLocalTime(epochSeconds: number, tz = 'UTC'): LocalTime {
  const offset = tzOffsetSeconds(epochSeconds, tz);
  let whole = Math.floor(epochSeconds);
  let micros = Math.round((epochSeconds - whole) * 1e6);
  if (micros >= 1e6) {
    whole += 1;
    micros -= 1e6;
  }
  const d = new Date((whole + offset) * 1000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    micros,
    weekday: d.getUTCDay(),
    yearDay: Math.round((dayStart - startOfYear) / 86_400_000) + 1,
    offset,
  };
}

/**
 * Epoch seconds of a wall-clock time in `tz`. Out-of-range fields roll over as C mktime does
 * (month 13 is January of the next year, day 0 is the last day of the previous month).
 */
export function fromLocalTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, tz = 'UTC'): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC
  d.setUTCHours(hour, minute, second, 0);
  const wall = d.getTime() / 1000;
  const fixed = fixedOffset(tz);
  if (fixed !== null) return wall - fixed;
  // Two passes settle the offset around DST transitions.
  const first = wall - tzOffsetSeconds(wall, tz);
  return wall - tzOffsetSeconds(first, tz);
}

// ---------------------------------------------------------------------------------------------------------
// Relative time modifiers: [+|-]<int><unit> offsets and @<unit> snaps, applied left to right.

type Unit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

const UNIT_NAMES: Record<string, Unit> = {};
const UNIT_SPELLINGS: Record<Unit, readonly string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['w', 'week', 'weeks'],
  mon: ['mon', 'month', 'months'],
  q: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  y: ['y', 'yr', 'yrs', 'year', 'years'],
};
for (const [unit, names] of Object.entries(UNIT_SPELLINGS)) for (const n of names) UNIT_NAMES[n] = unit as Unit;

const SECONDS: Partial<Record<Unit, number>> = { s: 1, m: 60, h: 3600 };

function badModifier(spec: string, why: string): never {
  fail('SPL-TIME-MODIFIER-INVALID', `invalid time modifier ${JSON.stringify(spec)}: ${why}`, {
    hint: 'use [+|-]<int><unit>[@<unit>] with units s, m, h, d, w, mon, q, y (e.g. -24h, -7d@d, @w1), now, an epoch number, or %m/%d/%Y:%H:%M:%S',
  });
}

function addOffset(t: number, n: number, unit: Unit, tz: string): number {
  const secs = SECONDS[unit];
  if (secs !== undefined) return t + n * secs;
  const l = toLocalTime(t, tz);
  const frac = t - Math.floor(t);
  const days = unit === 'd' ? n : unit === 'w' ? 7 * n : 0;
  const months = unit === 'mon' ? n : unit === 'q' ? 3 * n : unit === 'y' ? 12 * n : 0;
  return fromLocalTime(l.year, l.month + months, l.day + days, l.hour, l.minute, l.second, tz) + frac;
}

function snap(t: number, unit: Unit, weekday: number | null, tz: string): number {
  const l = toLocalTime(t, tz);
  switch (unit) {
    case 's':
      return Math.floor(t);
    case 'm':
      return fromLocalTime(l.year, l.month, l.day, l.hour, l.minute, 0, tz);
    case 'h':
      return fromLocalTime(l.year, l.month, l.day, l.hour, 0, 0, tz);
    case 'd':
      return fromLocalTime(l.year, l.month, l.day, 0, 0, 0, tz);
    case 'w': {
      const back = (l.weekday - (weekday ?? 0) + 7) % 7;
      return fromLocalTime(l.year, l.month, l.day - back, 0, 0, 0, tz);
    }
    case 'mon':
      return fromLocalTime(l.year, l.month, 1, 0, 0, 0, tz);
    case 'q':
      return fromLocalTime(l.year, l.month - ((l.month - 1) % 3), 1, 0, 0, 0, tz);
    case 'y':
      return fromLocalTime(l.year, 1, 1, 0, 0, 0, tz);
  }
}

/**
 * Resolves a Splunk time modifier against `now` (epoch seconds) in `tz`. Throws SPL-TIME-MODIFIER-INVALID.
 * Accepts `now`, epoch numbers (`0`, `1700000000`), `%m/%d/%Y:%H:%M:%S` and chains such as `-1d@d+8h`.
 */
export function parseRelativeTime(spec: string, now: number, tz = 'UTC'): number {
  const text = spec.trim();
  if (text === '') badModifier(spec, 'empty');
  if (text.toLowerCase() === 'now') return now;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{1,2}\/\d{1,2}\/\d{4}/.test(text)) {
    const abs = strptime(text, '%m/%d/%Y:%H:%M:%S', tz);
    if (abs === null || !/^\d{1,2}\/\d{1,2}\/\d{4}:\d{1,2}:\d{1,2}:\d{1,2}$/.test(text)) badModifier(spec, 'absolute times are written %m/%d/%Y:%H:%M:%S');
    return abs;
  }
  const step = /([+-])(\d*)([a-z]+)|@([a-z]+?)(\d?)(?=$|[-+@])/gy;
  let t = now;
  let pos = 0;
  while (pos < text.length) {
    step.lastIndex = pos;
    const m = step.exec(text.toLowerCase());
    if (!m) badModifier(spec, `unexpected text at ${JSON.stringify(text.slice(pos))}`);
    pos = step.lastIndex;
    if (m[1] !== undefined) {
      const unit = UNIT_NAMES[m[3] as string];
      if (!unit) badModifier(spec, `unknown time unit ${JSON.stringify(m[3])}`);
      const n = m[2] === '' ? 1 : Number(m[2]);
      t = addOffset(t, m[1] === '-' ? -n : n, unit, tz);
    } else {
      const unit = UNIT_NAMES[m[4] as string];
      if (!unit) badModifier(spec, `unknown snap unit ${JSON.stringify(m[4])}`);
      let weekday: number | null = null;
      if (m[5]) {
        if (unit !== 'w') badModifier(spec, 'only weeks take a day number (@w0..@w7)');
        weekday = Number(m[5]) % 7; // w7 is Sunday, like w0
      }
      t = snap(t, unit, weekday, tz);
    }
  }
  if (!Number.isFinite(t) || Math.abs(t) > MAX_EPOCH) badModifier(spec, 'the result is out of the representable time range');
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// strftime / strptime

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number, fill = '0'): string => String(n).padStart(width, fill);

function offsetText(offset: number, style: 'plain' | 'colon' | 'seconds' | 'hours'): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = pad(Math.floor(a / 3600), 2);
  const mm = pad(Math.floor((a % 3600) / 60), 2);
  if (style === 'plain') return `${sign}${hh}${mm}`;
  if (style === 'colon') return `${sign}${hh}:${mm}`;
  if (style === 'seconds') return `${sign}${hh}:${mm}:${pad(a % 60, 2)}`;
  return `${sign}${hh}`;
}

function zoneName(epochSeconds: number, tz: string, offset: number): string {
  if (fixedOffset(tz) === 0) return 'UTC';
  if (fixedOffset(tz) !== null) return offsetText(offset, 'plain');
  // ICU knows American abbreviations under en-US and European ones under en-GB; otherwise it says GMT+h.
  let name = tz;
  for (const locale of ['en-US', 'en-GB']) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' })
      .formatToParts(new Date(Math.floor(epochSeconds) * 1000))
      .find((p) => p.type === 'timeZoneName');
    name = part?.value ?? tz;
    if (!/^GMT[+-]/.test(name)) return name;
  }
  return name;
}

function isoWeek(l: LocalTime): number {
  const date = Date.UTC(l.year, l.month - 1, l.day);
  const dow = (l.weekday + 6) % 7; // Monday = 0
  const thursday = new Date(date - dow * 86_400_000 + 3 * 86_400_000);
  const firstThursdayYearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - firstThursdayYearStart) / (7 * 86_400_000)) + 1;
}

function subseconds(micros: number, digits: number): string {
  const s = pad(micros, 6) + '000';
  return s.slice(0, Math.max(1, Math.min(9, digits))).padEnd(digits, '0');
}

/** Formats epoch seconds with Splunk's strftime variables (see test/core/time-format.test.ts for the list). */
export function strftime(epochSeconds: number, fmt: string, tz = 'UTC'): string {
  const l = toLocalTime(epochSeconds, tz);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] as string;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    let j = i + 1;
    let width = '';
    while (j < fmt.length && /[0-9]/.test(fmt[j] as string)) width += fmt[j++];
    let colons = 0;
    while (fmt[j] === ':') {
      colons++;
      j++;
    }
    let v = fmt[j] as string | undefined;
    if (v === 'E' && fmt[j + 1] === 'z') {
      v = 'Ez';
      j++;
    }
    const text = formatVariable(v ?? '', width, colons, l, epochSeconds, tz);
    if (text === null) {
      out += fmt.slice(i, j + 1); // unknown variables print as written
    } else {
      out += text;
    }
    i = j;
  }
  return out;
}

function formatVariable(v: string, width: string, colons: number, l: LocalTime, epoch: number, tz: string): string | null {
  const hour12 = l.hour % 12 === 0 ? 12 : l.hour % 12;
  switch (v) {
    case 'Y': return String(l.year);
    case 'y': return pad(l.year % 100, 2);
    case 'm': return pad(l.month, 2);
    case 'd': return pad(l.day, 2);
    case 'e': return pad(l.day, 2, ' ');
    case 'H': return pad(l.hour, 2);
    case 'k': return pad(l.hour, 2, ' ');
    case 'I': return pad(hour12, 2);
    case 'l': return pad(hour12, 2, ' ');
    case 'M': return pad(l.minute, 2);
    case 'S': return pad(l.second, 2);
    case 'p': return l.hour < 12 ? 'AM' : 'PM';
    case 'N': return subseconds(l.micros, width ? Number(width) : 9);
    case 'Q': return subseconds(l.micros, width ? Number(width) : 3);
    case 'f': return pad(l.micros, 6);
    case 's': return String(Math.floor(epoch));
    case 'j': return pad(l.yearDay, 3);
    case 'b': case 'h': return MONTHS[l.month - 1]!.slice(0, 3);
    case 'B': return MONTHS[l.month - 1]!;
    case 'a': return DAYS[l.weekday]!.slice(0, 3);
    case 'A': return DAYS[l.weekday]!;
    case 'w': return String(l.weekday);
    case 'u': return String(l.weekday === 0 ? 7 : l.weekday);
    case 'V': return pad(isoWeek(l), 2);
    case 'U': return pad(Math.floor((l.yearDay + 6 - l.weekday) / 7), 2);
    case 'T': return `${pad(l.hour, 2)}:${pad(l.minute, 2)}:${pad(l.second, 2)}`;
    case 'R': return `${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
    case 'F': return `${l.year}-${pad(l.month, 2)}-${pad(l.day, 2)}`;
    case 'D': return `${pad(l.month, 2)}/${pad(l.day, 2)}/${pad(l.year % 100, 2)}`;
    case 'c': return strftime(epoch, '%a %b %e %H:%M:%S %Y', tz);
    case '+': return strftime(epoch, '%a %b %e %H:%M:%S %Z %Y', tz);
    case 'z': return offsetText(l.offset, colons === 0 ? 'plain' : colons === 1 ? 'colon' : colons === 2 ? 'seconds' : 'hours');
    case 'Ez': return String(Math.round(l.offset / 60));
    case 'Z': return zoneName(epoch, tz, l.offset);
    case 'n': return '\n';
    case 't': return '\t';
    case '%': return '%';
    default: return null;
  }
}

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
  pm: boolean | null;
  yearDay: number | null;
  epoch: number | null;
  offset: number | null;
  zone: string | null;
}

const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, UT: 0, Z: 0,
  EST: -5 * 3600, EDT: -4 * 3600, CST: -6 * 3600, CDT: -5 * 3600,
  MST: -7 * 3600, MDT: -6 * 3600, PST: -8 * 3600, PDT: -7 * 3600,
  CET: 3600, CEST: 7200, BST: 3600, JST: 9 * 3600,
};

/**
 * Parses `text` with Splunk's strptime variables and returns epoch seconds, or null when the text does
 * not fit the format. Text after the end of the format is ignored, as C strptime does. Fields the format
 * does not mention default to 1970-01-01 00:00:00. A %z/%Z in the text overrides `tz`.
 */
export function strptime(text: string, fmt: string, tz = 'UTC'): number | null {
  const p: Parsed = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, micros: 0, pm: null, yearDay: null, epoch: null, offset: null, zone: null };
  let pos = 0;
  const digits = (min: number, max: number, allowSign = false): number | null => {
    const re = new RegExp(`^${allowSign ? '[+-]?' : ''}\\d{${min},${max}}`);
    const m = re.exec(text.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const word = (names: readonly string[]): number | null => {
    const rest = text.slice(pos).toLowerCase();
    for (let k = 0; k < names.length; k++) {
      const full = names[k]!.toLowerCase();
      if (rest.startsWith(full)) {
        pos += full.length;
        return k;
      }
    }
    for (let k = 0; k < names.length; k++) {
      if (rest.startsWith(names[k]!.slice(0, 3).toLowerCase())) {
        pos += 3;
        return k;
      }
    }
    return null;
  };
  const expanded = fmt.replace(/%T/g, '%H:%M:%S').replace(/%F/g, '%Y-%m-%d').replace(/%D/g, '%m/%d/%y').replace(/%R/g, '%H:%M');
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i] as string;
    if (c !== '%') {
      if (/\s/.test(c)) {
        while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
      } else if (text[pos] === c) {
        pos++;
      } else {
        return null;
      }
      continue;
    }
    let j = i + 1;
    let width = '';
    while (j < expanded.length && /[0-9]/.test(expanded[j] as string)) width += expanded[j++];
    while (expanded[j] === ':') j++;
    let v = expanded[j] ?? '';
    if (v === 'E' && expanded[j + 1] === 'z') {
      v = 'Ez';
      j++;
    }
    i = j;
    if (!parseVariable(v, width, text, p, () => pos, (n) => (pos = n), digits, word)) return null;
  }
  return resolveParsed(p, tz);
}

function parseVariable(
  v: string,
  width: string,
  text: string,
  p: Parsed,
  getPos: () => number,
  setPos: (n: number) => void,
  digits: (min: number, max: number, allowSign?: boolean) => number | null,
  word: (names: readonly string[]) => number | null,
): boolean {
  const set = (value: number | null, apply: (n: number) => void): boolean => {
    if (value === null) return false;
    apply(value);
    return true;
  };
  const skipSpace = (): void => {
    let pos = getPos();
    while (text[pos] === ' ') pos++;
    setPos(pos);
  };
  switch (v) {
    case 'Y': return set(digits(1, 4, true), (n) => (p.year = n));
    case 'y': return set(digits(1, 2), (n) => (p.year = n < 69 ? 2000 + n : 1900 + n));
    case 'm': return set(digits(1, 2), (n) => (p.month = n));
    case 'd': case 'e': skipSpace(); return set(digits(1, 2), (n) => (p.day = n));
    case 'H': case 'k': case 'I': case 'l': skipSpace(); return set(digits(1, 2), (n) => (p.hour = n));
    case 'M': return set(digits(1, 2), (n) => (p.minute = n));
    case 'S': return set(digits(1, 2), (n) => (p.second = n));
    case 'j': return set(digits(1, 3), (n) => (p.yearDay = n));
    case 'N': case 'Q': case 'f': {
      const max = width ? Number(width) : v === 'f' ? 6 : 9;
      const m = new RegExp(`^\\d{1,${max}}`).exec(text.slice(getPos()));
      if (!m) return false;
      setPos(getPos() + m[0].length);
      p.micros = Math.round(Number(`0.${m[0]}`) * 1e6);
      return true;
    }
    case 's': {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(getPos()));
      if (!m) return false;
      setPos(getPos() + m[0].length);
      p.epoch = Number(m[0]);
      return true;
    }
    case 'p': {
      const m = /^(am|pm)/i.exec(text.slice(getPos()));
      if (!m) return false;
      setPos(getPos() + 2);
      p.pm = m[0].toLowerCase() === 'pm';
      return true;
    }
    case 'b': case 'B': case 'h': return set(word(MONTHS), (n) => (p.month = n + 1));
    case 'a': case 'A': return word(DAYS) !== null;
    case 'z': case 'Ez': {
      const rest = text.slice(getPos());
      if (v === 'Ez') {
        const m = /^[+-]?\d+/.exec(rest);
        if (!m) return false;
        setPos(getPos() + m[0].length);
        p.offset = Number(m[0]) * 60;
        return true;
      }
      if (/^Z/i.test(rest)) {
        setPos(getPos() + 1);
        p.offset = 0;
        return true;
      }
      const m = /^([+-])(\d{2}):?(\d{2})?(?::?(\d{2}))?/.exec(rest);
      if (!m) return false;
      setPos(getPos() + m[0].length);
      p.offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
      return true;
    }
    case 'Z': {
      const m = /^[A-Za-z][A-Za-z_/+-]*/.exec(text.slice(getPos()));
      if (!m) return false;
      const name = m[0];
      const abbr = ZONE_ABBREVIATIONS[name.toUpperCase()];
      if (abbr !== undefined) {
        p.offset = abbr;
      } else {
        try {
          formatterFor(name);
        } catch {
          return false;
        }
        p.zone = name;
      }
      setPos(getPos() + name.length);
      return true;
    }
    case 'n': case 't': skipSpace(); return true;
    case '%': {
      if (text[getPos()] !== '%') return false;
      setPos(getPos() + 1);
      return true;
    }
    default:
      return false; // unknown variable: the text cannot be said to match
  }
}

function resolveParsed(p: Parsed, tz: string): number | null {
  if (p.epoch !== null) return p.epoch + (p.micros ? p.micros / 1e6 : 0);
  let hour = p.hour;
  if (p.pm !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (p.pm ? 12 : 0);
  }
  let month = p.month;
  let day = p.day;
  if (p.yearDay !== null) {
    if (p.yearDay < 1 || p.yearDay > 366) return null;
    month = 1;
    day = p.yearDay;
  } else {
    const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 2000 is a leap year: Feb has 29
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
    if (month === 2 && day === 29 && new Date(Date.UTC(p.year, 1, 29)).getUTCMonth() !== 1) return null;
  }
  if (hour > 23 || p.minute > 59 || p.second > 60) return null;
  const second = Math.min(p.second, 59); // a leap second 60 counts as 59
  const frac = p.micros / 1e6;
  if (p.offset !== null) {
    return fromLocalTime(p.year, month, day, hour, p.minute, second, 'UTC') - p.offset + frac;
  }
  return fromLocalTime(p.year, month, day, hour, p.minute, second, p.zone ?? tz) + frac;
}

// ---------------------------------------------------------------------------------------------------------
// ISO 8601 as logs write it

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses ISO 8601 timestamps as CloudTrail, Entra ID, O365 and Azure Activity write them
 * (`2026-11-27T09:18:57Z`, `...57.1234567Z`, `+00:00` offsets). Without a zone, `tz` applies.
 * Returns epoch seconds rounded to the microsecond, or null.
 */
export function parseTimestamp(text: string, tz = 'UTC'): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const micros = frac ? Math.round(Number(`0.${frac}`) * 1e6) / 1e6 : 0;
  const zoneTz = zone === undefined ? tz : zone.toUpperCase() === 'Z' ? 'UTC' : zone;
  return fromLocalTime(year, month, day, hour, minute, Math.min(second, 59), zoneTz) + micros;
}
