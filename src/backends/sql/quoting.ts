// DuckDB SQL literals, identifiers and the JSON paths that address a Splunk field inside a raw record.

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Escapes a LIKE pattern piece (`\` is the ESCAPE character). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A Splunk JSON field name as a DuckDB JSONPath: `a.b` -> `$."a"."b"`, `a{}.b` -> `$."a"[*]."b"`, `a{2}` ->
 * `$."a"[2]`. Returns null for names the path syntax cannot carry (a `"` inside a key).
 */
export function jsonPath(name: string): { path: string; multivalue: boolean } | null {
  let out = '$';
  let multivalue = false;
  let key = '';
  const flush = () => {
    if (key) out += `."${key}"`;
    key = '';
  };
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === '"') return null;
    if (c === '.') flush();
    else if (c === '{') {
      const close = name.indexOf('}', i);
      if (close < 0) return null;
      flush();
      const inner = name.slice(i + 1, close);
      if (inner === '') {
        out += '[*]';
        multivalue = true;
      } else if (/^\d+$/.test(inner)) out += `[${inner}]`;
      else return null;
      i = close;
    } else key += c;
  }
  flush();
  return { path: out, multivalue };
}

/**
 * A JSONPath from `jsonPath` (or mapping.yml) cut after its first key: `$."a"."b"[*]` -> top `a`, rest
 * `$."b"[*]`. The reader keeps each record's top-level keys; the rest is read from that key's small value.
 * Returns null for a path that does not start with a key.
 */
export function splitTopKey(path: string): { top: string; rest: string } | null {
  const m = /^\$\."([^"]*)"(.*)$/.exec(path);
  return m ? { top: m[1]!, rest: `$${m[2]!}` } : null;
}
