// Network eval functions: cidrmatch for IPv4 and IPv6. Addresses are parsed into BigInts so both families
// share one prefix comparison. An IPv4 address never matches an IPv6 CIDR and vice versa.

import { scalarToString, valuesOf } from '../../core/value.ts';
import { argString, fn } from '../args.ts';
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

/** True when `ip` lies inside `cidr` (a bare address is a /32 or /128); false for anything unparsable. */
export function cidrContains(cidr: string, ip: string): boolean {
  const slash = cidr.indexOf('/');
  const net = parseAddress((slash < 0 ? cidr : cidr.slice(0, slash)).trim());
  const addr = parseAddress(ip.trim());
  if (!net || !addr || net.bits !== addr.bits) return false;
  const prefixText = slash < 0 ? String(net.bits) : cidr.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return false;
  const prefix = Number(prefixText);
  if (prefix > net.bits) return false;
  const shift = BigInt(net.bits - prefix);
  return net.value >> shift === addr.value >> shift;
}

export const networkFunctions: readonly ScalarFunction[] = [
  // A multivalue ip matches when any of its values is inside the CIDR.
  fn('cidrmatch', 2, 2, ([cidr, ip]) => {
    const c = argString(cidr);
    if (c === null || ip === null || ip === undefined) return null;
    return valuesOf(ip).some((s) => cidrContains(c, scalarToString(s)));
  }),
];
