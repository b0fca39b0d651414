// Where the sightline package lives on disk. Data files (mappings, schemas, ATT&CK data, static web files,
// rules) are read at run time, and modules run both from src/ (tsx, tests) and bundled into dist/, at other
// depths: so every module locates its files from here, never relative to itself.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'sightline';

let cached: string | null = null;

/** The nearest directory above `start` whose package.json is sightline's, or null. */
export function findPackageRoot(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isSightline(manifest)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

function isSightline(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The package root, found once from this module's own location (src/core/ or dist/). */
export function packageRoot(): string {
  cached ??= findPackageRoot(import.meta.dirname);
  if (cached === null) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${import.meta.dirname}`);
  return cached;
}

/** A path inside the package: packagePath('schemas', 'rule.schema.json'). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
