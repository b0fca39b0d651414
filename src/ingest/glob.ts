// Expands input paths: plain files, directories (recursively, sorted, hidden entries and documentation files
// such as README.md or LICENSE skipped: log folders often carry them, and they are not logs) and glob
// patterns with `*`, `?` and `**` (for quoted patterns the shell did not expand). `-` stays as stdin.
// Hand-written on node:fs to avoid a dependency; matching is per path segment, so it cannot blow up.

import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export function hasGlob(path: string): boolean {
  return /[*?]/.test(path);
}

/** A folder the walk could not list (permissions, I/O): reported by the readers, never silently skipped. */
export interface WalkProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Files for the given paths, in order, each file once even when reached through several paths or symlinks
 * (keyed by device and inode), folders entered once each (so a symlink loop ends). Paths that match nothing
 * are returned in `missing`, folders that could not be listed in `unreadable`.
 */
export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[]; unreadable: WalkProblem[] } {
  const walk: WalkState = { files: [], matched: 0, seenFiles: new Set(), seenDirs: new Set(), unreadable: [] };
  const missing: string[] = [];
  for (const p of paths) {
    const before = walk.matched;
    if (p === '-') addFile(walk, p, '-');
    else if (hasGlob(p)) globFiles(p, walk);
    else existingFiles(p, walk);
    if (walk.matched === before) missing.push(p);
  }
  return { files: walk.files, missing, unreadable: walk.unreadable };
}

interface WalkState {
  readonly files: string[];
  /** Files matched so far, taken or already taken: a path matching none is missing. */
  matched: number;
  /** `dev:ino` of every file taken: a file reached twice (symlink, overlapping arguments) is read once. */
  readonly seenFiles: Set<string>;
  /** `dev:ino` of every folder entered: a symlink back to an ancestor is not entered again. */
  readonly seenDirs: Set<string>;
  readonly unreadable: WalkProblem[];
}

function idOf(st: { dev: number; ino: number }): string {
  return `${st.dev}:${st.ino}`;
}

function addFile(walk: WalkState, path: string, key: string): void {
  walk.matched++;
  if (walk.seenFiles.has(key)) return;
  walk.seenFiles.add(key);
  walk.files.push(path);
}

function existingFiles(path: string, walk: WalkState): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) walkDir(path, walk);
  else if (st.isFile()) addFile(walk, path, idOf(st));
}

/** The sorted entries of a folder not entered before, or null (entered already, or unreadable: reported). */
function enter(dir: string, id: string, walk: WalkState): string[] | null {
  if (walk.seenDirs.has(id)) return null;
  walk.seenDirs.add(id);
  try {
    return readdirSync(dir).sort();
  } catch (err) {
    walk.unreadable.push({ path: dir, message: `cannot read folder: ${err instanceof Error ? err.message : String(err)}` });
    return null;
  }
}

/**
 * Depth first in name order, with an explicit stack (a deep tree cannot overflow the call stack) and no
 * spreading of entry lists into calls (a folder of 200,000 files is fine).
 */
function walkDir(root: string, walk: WalkState): void {
  let rootId: string;
  try {
    rootId = idOf(statSync(root));
  } catch {
    return;
  }
  const first = enter(root, rootId, walk);
  if (!first) return;
  const stack: { dir: string; names: string[]; next: number }[] = [{ dir: root, names: first, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.names.length) {
      stack.pop();
      continue;
    }
    const name = top.names[top.next++]!;
    if (name.startsWith('.') || isDocumentationFile(name)) continue;
    const path = join(top.dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue; // vanished, or a dangling symlink
    }
    if (st.isFile()) addFile(walk, path, idOf(st));
    else if (st.isDirectory()) {
      const names = enter(path, idOf(st), walk);
      if (names) stack.push({ dir: path, names, next: 0 });
    }
  }
}

/** Files a directory walk passes over; naming such a file explicitly still reads it. */
export function isDocumentationFile(name: string): boolean {
  return /\.(md|markdown|rst)$/i.test(name) || /^(README|LICENSE|LICENCE|NOTICE|SOURCES|ATTRIBUTION)(\.[a-z]+)?$/i.test(name);
}

function globFiles(pattern: string, walk: WalkState): void {
  const normalized = pattern.split(sep).join('/');
  const absolute = normalized.startsWith('/');
  const segments = normalized.split('/').filter((s) => s !== '' && s !== '.');
  const firstGlob = segments.findIndex(hasGlob);
  const baseParts = segments.slice(0, firstGlob);
  const base = (absolute ? '/' : '') + baseParts.join('/');
  const matched: string[] = [];
  matchSegments(base === '' ? '.' : base, segments.slice(firstGlob), base === '', matched, new Set());
  for (const p of matched.sort()) existingFiles(p, walk);
}

/**
 * Paths matching `rest` under `dir`: files, and folders that a last segment names (walked afterwards).
 * `visited` holds folder ids with the pattern left to match, so `**` through a symlink loop ends.
 */
function matchSegments(dir: string, rest: readonly string[], relativeToCwd: boolean, out: string[], visited: Set<string>): void {
  const [head, ...tail] = rest;
  if (head === undefined) return;
  let id: string;
  try {
    id = `${idOf(statSync(dir))}/${rest.length}`;
  } catch {
    return;
  }
  if (visited.has(id)) return;
  visited.add(id);
  const prefix = (name: string) => (relativeToCwd && dir === '.' ? name : join(dir, name));
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  if (head === '**') {
    // `**` matches zero or more directories.
    matchSegments(dir, tail, relativeToCwd, out, visited);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = prefix(name);
      if (isDir(p)) matchSegments(p, rest, false, out, visited);
    }
    return;
  }
  const re = segmentRegex(head);
  for (const name of names) {
    if (name.startsWith('.') && !head.startsWith('.')) continue;
    if (!re.test(name)) continue;
    const p = prefix(name);
    if (tail.length === 0) out.push(p);
    else if (isDir(p)) matchSegments(p, tail, false, out, visited);
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

