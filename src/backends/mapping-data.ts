// Loads a target's mapping data file (YAML next to the backend). Field and value mappings are data, not
// code, so reviewers can check them against the platform documentation line by line.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../core/package-root.ts';

const cache = new Map<string, unknown>();

/** Reads and caches `src/backends/<relPath>`. */
export function loadMappingData<T>(relPath: string): T {
  const hit = cache.get(relPath);
  if (hit !== undefined) return hit as T;
  const data = parse(readFileSync(packagePath('src/backends', relPath), 'utf8')) as T;
  cache.set(relPath, data);
  return data;
}
