// Which keys of a record the projector must keep so that resolving a set of Splunk field names on the
// projected object gives exactly what it gives on the whole record (ingest/json-event.ts resolvePath). A field
// name is tried as a whole key, split at dots and braces, and with keys that themselves contain dots, so at
// every level a key is wanted when it equals the rest of some name (keep its whole value) or is a prefix of
// it followed by `.` (descend into an object, keep any other value whole) or `{` (keep the whole value).

export interface WantedKey {
  readonly name: string;
  /** Keep the whole value. */
  readonly whole: boolean;
  /** Wanted keys inside an object value (when not whole). */
  readonly children: ProjectionLevel | null;
}

export class ProjectionLevel {
  private readonly byLength: (WantedKey[] | undefined)[] = [];
  private readonly names = new Map<string, WantedKey>();
  private readonly bytes = new Map<WantedKey, Buffer>();

  constructor(keys: readonly WantedKey[]) {
    for (const k of keys) {
      const b = Buffer.from(k.name, 'utf8');
      this.names.set(k.name, k);
      this.bytes.set(k, b);
      (this.byLength[b.length] ??= []).push(k);
    }
  }

  /** The wanted key whose UTF-8 bytes are b[start, end) (a key without escapes), or null. */
  byBytes(b: Uint8Array, start: number, end: number): WantedKey | null {
    const cands = this.byLength[end - start];
    if (cands === undefined) return null;
    for (const k of cands) {
      const kb = this.bytes.get(k)!;
      let i = 0;
      while (i < kb.length && kb[i] === b[start + i]) i++;
      if (i === kb.length) return k;
    }
    return null;
  }

  byName(name: string): WantedKey | null {
    return this.names.get(name) ?? null;
  }
}

/**
 * The wanted-key tree for field names (Splunk names: `a.b`, `a{}.b`, `a{0}`, keys with dots), plus top-level
 * keys of which only presence (or being an object) matters: those keep an empty object or their scalar.
 */
export function projectionFor(fieldNames: Iterable<string>, presentKeys: Iterable<string> = []): ProjectionLevel {
  return level([...new Set(fieldNames)], [...new Set(presentKeys)]);
}

function level(rests: readonly string[], present: readonly string[] = []): ProjectionLevel {
  const whole = new Set<string>();
  const descend = new Map<string, Set<string>>();
  for (const rest of rests) {
    whole.add(rest);
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (i === 0) continue;
      if (c === '{') whole.add(rest.slice(0, i));
      else if (c === '.') {
        const key = rest.slice(0, i);
        const tail = rest.slice(i + 1);
        if (tail.length === 0) continue;
        let set = descend.get(key);
        if (!set) descend.set(key, (set = new Set()));
        set.add(tail);
      }
    }
  }
  for (const key of present) if (!descend.has(key)) descend.set(key, new Set());
  const keys: WantedKey[] = [];
  for (const name of new Set([...whole, ...descend.keys()])) {
    if (whole.has(name)) keys.push({ name, whole: true, children: null });
    else keys.push({ name, whole: false, children: level([...descend.get(name)!]) });
  }
  return new ProjectionLevel(keys);
}
