// Finds a `lookup` table's CSV file the way the native engine does (src/exec/lookup-files.ts: plain file
// name, `.csv` optional, first directory that has it) and reads its header, so the SQL names real columns.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findLookup(name: string, dirs: readonly string[]): { path: string; text: string } | null {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return null;
  for (const dir of dirs) {
    for (const file of name.endsWith('.csv') ? [name] : [name, `${name}.csv`]) {
      const path = join(dir, file);
      if (existsSync(path)) return { path, text: readFileSync(path, 'utf8') };
    }
  }
  return null;
}

/** The header row's column names (quoted names unquoted). */
export function csvHeader(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
}
