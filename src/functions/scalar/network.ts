// Network eval functions: cidrmatch for IPv4 and IPv6, ipmask for IPv4. A network is compiled once
// (cidrMatcher): IPv4 values compare as numbers, IPv6 ones as BigInts. An IPv4 address never matches an
// IPv6 CIDR and vice versa.

import { scalarToString, valuesOf } from '../../core/value.ts';
import { argString, fn, mapValues } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

interface Address {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

export function parseIpv6(text: string): bigint | null {
  let t = text;
  const zone = t.indexOf('%');
  if (zone >= 0) t = t.slice(0, zone);
  let tail: bigint | null = null;
  // An embedded IPv4 tail such as ::ffff:10.0.0.1 counts as the last two groups.
  const lastColon = t.lastIndexOf(':');
  if (t.slice(lastColon + 1).includes('.')) {
    tail = parseIpv4(t.slice(lastColon + 1));
    if (tail === null) return null;
    t = t.slice(0, lastColon + 1) + '0:0';
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== null) v = (v & ~0xffffffffn) | tail;
  return v;
}

function parseAddress(text: string): Address | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { bits: 32, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 === null ? null : { bits: 128, value: v6 };
}

/** A dotted IPv4 address as an unsigned 32-bit number without regexes or BigInt (the per-value path). */
function ipv4Number(s: string): number {
  let value = 0;
  let part = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = (part < 0 ? 0 : part) * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = -1;
      digits = 0;
      dots++;
    } else return -1;
  }
  return dots === 3 && digits > 0 ? value * 256 + part : -1;
}

/**
 * Compiles a CIDR (a bare address is a /32 or /128) into a test of one address string, or null when the
 * text is not a network. The network is parsed once; IPv4 values are then compared as plain numbers.
 */
export function cidrMatcher(cidr: string): ((ip: string) => boolean) | null {
  const slash = cidr.indexOf('/');
  const net = parseAddress((slash < 0 ? cidr : cidr.slice(0, slash)).trim());
  if (!net) return null;
  const prefixText = slash < 0 ? String(net.bits) : cidr.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > net.bits) return null;
  const prefix = Number(prefixText);
  if (net.bits === 32) {
    const size = 2 ** (32 - prefix);
    const low = Math.floor(Number(net.value) / size) * size;
    return (ip) => {
      const n = ipv4Number(ip.trim());
      return n >= low && n < low + size;
    };
  }
  const shift = BigInt(128 - prefix);
  const want = net.value >> shift;
  return (ip) => {
    const t = ip.trim();
    if (!t.includes(':')) return false;
    const v = parseIpv6(t);
    return v !== null && v >> shift === want;
  };
}

/** True when `text` is a network written with a prefix length (`10.0.0.0/8`, `2001:db8::/32`). */
export function isCidrNotation(text: string): boolean {
  return text.includes('/') && cidrMatcher(text) !== null;
}

// Queries pass the same literal network on every call: keep the compiled form of recent ones.
const MATCHERS = new Map<string, ((ip: string) => boolean) | null>();
function cachedMatcher(cidr: string): ((ip: string) => boolean) | null {
  let m = MATCHERS.get(cidr);
  if (m === undefined) {
    if (MATCHERS.size >= 256) MATCHERS.clear();
    m = cidrMatcher(cidr);
    MATCHERS.set(cidr, m);
  }
  return m;
}

/** Dotted IPv4 text as its four octets, or null. */
function octets(text: string): number[] | null {
  const n = ipv4Number(text.trim());
  return n < 0 ? null : [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

export const networkFunctions: readonly ScalarFunction[] = [
  // ipmask(mask, ip): conversion functions docs, "generates a new masked IP address by applying a mask to an
  // IP address through a bitwise AND operation"; both must be valid IPv4 addresses (else null).
  fn('ipmask', 2, 2, ([mask, ip]) => {
    const m = octets(argString(mask) ?? '');
    if (!m) return null;
    return mapValues(ip, (s) => {
      const a = octets(scalarToString(s));
      return a ? a.map((x, i) => x & (m[i] as number)).join('.') : null;
    });
  }),
  // A multivalue ip matches when any of its values is inside the CIDR.
  fn('cidrmatch', 2, 2, ([cidr, ip]) => {
    const c = argString(cidr);
    if (c === null || ip === null || ip === undefined) return null;
    const m = cachedMatcher(c);
    return m !== null && valuesOf(ip).some((s) => m(scalarToString(s)));
  }),
];
