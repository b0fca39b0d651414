// The rule files named on a command line: a directory stands for the `*.yml`/`*.yaml` files directly in it
// (sorted, as loadRules reads a catalog), so `lint rules/` and `convert rules/` take the whole catalog. Paths
// that do not exist are returned apart, for the command to report as input errors (exit 2).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ruleFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) missing.push(p);
    else if (st.isDirectory()) files.push(...readdirSync(p).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(p, n)));
    else files.push(p);
  }
  return { files, missing };
}
