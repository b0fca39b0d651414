// A small seeded pseudo-random generator (mulberry32 over an FNV-1a hashed seed) so that a scenario with
// the same seed always yields the same bytes. `fork(label)` derives an independent stream per action, so
// editing one timeline step never shifts the random values of the others.

export class Prng {
  private state: number;
  /** The seed this stream started from: forks derive from it, not from the current state. */
  private readonly origin: string;

  constructor(seed: string | number) {
    this.origin = String(seed);
    this.state = hashSeed(this.origin);
  }

  /** A new generator whose stream depends only on this generator's seed and the label. */
  fork(label: string): Prng {
    return new Prng(`${this.origin}/${label}`);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Prng.pick on an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }

  /** Characters drawn from an alphabet (default upper-case letters and digits, as AWS key ids use). */
  chars(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  /** An RFC 4122 version-4 shaped UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[Math.floor(this.next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
