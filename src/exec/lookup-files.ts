// Finds and loads lookup tables for `lookup` and `inputlookup`: `<name>` or `<name>.csv` in the run's
// lookup directories, first match wins. A missing table fails closed with SPL-LOOKUP-NOT-FOUND.
// The only exec module that touches the file system.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../core/diagnostics.ts';
import { parseCsv, type CsvTable } from './csv.ts';

export function loadLookupTable(name: string, dirs: readonly string[]): CsvTable {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    fail('SPL-LOOKUP-BAD-NAME', `lookup table name ${JSON.stringify(name)} must be a plain file name`);
  }
  for (const dir of dirs) {
    for (const file of name.endsWith('.csv') ? [name] : [name, `${name}.csv`]) {
      const path = join(dir, file);
      if (existsSync(path)) return parseCsv(readFileSync(path, 'utf8'));
    }
  }
  return fail('SPL-LOOKUP-NOT-FOUND', `lookup table ${JSON.stringify(name)} not found`, {
    hint: dirs.length === 0 ? 'pass a lookup directory (--lookups <dir>)' : `looked in: ${dirs.join(', ')}`,
  });
}
