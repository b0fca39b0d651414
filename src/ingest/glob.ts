// Expands input paths: plain files, directories (recursively, sorted, hidden entries and documentation files
// such as README.md or LICENSE skipped: log folders often carry them, and they are not logs) and glob
// patterns with `*`, `?` and `**` (for quoted patterns the shell did not expand). `-` stays as stdin.
// Hand-written on node:fs to avoid a dependency; matching is per path segment, so it cannot blow up.

import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export function hasGlob(path: string): boolean {
  return /[*?]/.test(path);
}

/** Files for the given paths, in order, without duplicates. Paths that match nothing are returned in `missing`. */
export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      add(p);
      continue;
    }
    const found = hasGlob(p) ? globFiles(p) : existingFiles(p);
    if (found.length === 0) missing.push(p);
    for (const f of found) add(f);
  }
  return { files, missing };
}

function existingFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isDirectory()) return walk(path);
  return st.isFile() ? [path] : [];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.') || isDocumentationFile(name)) continue;
    out.push(...existingFiles(join(dir, name)));
  }
  return out;
}

/** Files a directory walk passes over; naming such a file explicitly still reads it. */
export function isDocumentationFile(name: string): boolean {
  return /\.(md|markdown|rst)$/i.test(name) || /^(README|LICENSE|LICENCE|NOTICE|SOURCES|ATTRIBUTION)(\.[a-z]+)?$/i.test(name);
}

function globFiles(pattern: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const absolute = normalized.startsWith('/');
  const segments = normalized.split('/').filter((s) => s !== '' && s !== '.');
  const firstGlob = segments.findIndex(hasGlob);
  const baseParts = segments.slice(0, firstGlob);
  const base = (absolute ? '/' : '') + baseParts.join('/');
  const out: string[] = [];
  matchSegments(base === '' ? '.' : base, segments.slice(firstGlob), base === '', out);
  return out.sort();
}

function matchSegments(dir: string, rest: readonly string[], relativeToCwd: boolean, out: string[]): void {
  const [head, ...tail] = rest;
  if (head === undefined) return;
  const prefix = (name: string) => (relativeToCwd && dir === '.' ? name : join(dir, name));
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  if (head === '**') {
    // `**` matches zero or more directories.
    matchSegments(dir, tail, relativeToCwd, out);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = prefix(name);
      if (isDir(p)) matchSegments(p, rest, false, out);
    }
    return;
  }
  const re = segmentRegex(head);
  for (const name of names) {
    if (name.startsWith('.') && !head.startsWith('.')) continue;
    if (!re.test(name)) continue;
    const p = prefix(name);
    if (tail.length === 0) {
      if (isFile(p)) out.push(p);
      else if (isDir(p)) out.push(...walk(p));
    } else if (isDir(p)) matchSegments(p, tail, false, out);
  }
}

/** One path segment's pattern as an anchored regex: `*` any run without `/`, `?` one character. */
function segmentRegex(segment: string): RegExp {
  let src = '';
  for (const ch of segment) {
    if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // Built from a path segment the user typed (not from rule text); `[^/]*` runs cannot backtrack badly
  // on single file names.
  return new RegExp(`^${src}$`);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
