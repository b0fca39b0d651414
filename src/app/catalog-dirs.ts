// Where a command finds the rule catalog and the scenario library when none is given: the user's own
// `rules/` or `scenarios/` in the working directory first, else the ones bundled with sightline, so
// `sightline detect logs/` works from any directory (issue #16).

import { existsSync, statSync } from 'node:fs';
import { packagePath } from '../core/package-root.ts';

export function catalogDir(name: 'rules' | 'scenarios', cwd = process.cwd()): string {
  const own = `${cwd}/${name}`;
  return existsSync(own) && statSync(own).isDirectory() ? name : packagePath(name);
}
