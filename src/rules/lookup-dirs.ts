// Where a rule's lookup tables live. The native runner, the translators and the web server search the same
// directories, so a lookup a rule runs with is the one its translation embeds.

import { dirname, join } from 'node:path';
import type { Rule } from './load.ts';

/** `<rule dir>/lookups`, the rule's own directory, then `lookups/` beside it, in that order. */
export function ruleLookupDirs(rule: Pick<Rule, 'dir'>): string[] {
  return [join(rule.dir, 'lookups'), rule.dir, join(dirname(rule.dir), 'lookups')];
}
