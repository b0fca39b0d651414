// An IPv4 network as a Lucene regex (ES|QL RLIKE) over canonical dotted-quad text, for cidrmatch() over a
// multivalue of addresses: ES|QL's CIDR_MATCH takes one address, and has no "any value" form. The text is
// exact for addresses printed by TO_STRING(ip), which never has leading zeros or spaces.

const ANY_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

/** `a.b.c.d/p` (or a bare address, /32) as [network, prefix], or null when it is not IPv4 CIDR text. */
export function parseIpv4Cidr(text: string): [number[], number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return null;
  return [octets, prefix];
}

function octetRange(lo: number, hi: number): string {
  if (lo === 0 && hi === 255) return ANY_OCTET;
  if (lo === hi) return String(lo);
  const all: string[] = [];
  for (let v = lo; v <= hi; v++) all.push(String(v));
  return `(${all.join('|')})`;
}

/** The anchored Lucene regex matching exactly the canonical texts of the addresses inside the network. */
export function ipv4NetworkRegex(cidr: string): string | null {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) return null;
  const [octets, prefix] = parsed;
  const parts = octets.map((o, k) => {
    const bits = Math.max(0, Math.min(8, prefix - 8 * k));
    const mask = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
    return octetRange(o & mask, (o & mask) | (~mask & 0xff));
  });
  return parts.join('\\.');
}
