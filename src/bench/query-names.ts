// The bench's query names and the SPL they stand for, without the planner: a DuckDB bench child imports
// only this (and the idiomatic SQL), so its process start-up is not charged for loading sightline.

import { join } from 'node:path';
import { packagePath } from '../core/package-root.ts';
import { RARE_IP } from './dataset.ts';

export const QUERY_NAMES = ['rare-filter', 't1021-008', 'stats-dc', 'detect-pack', 'gzip'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export const RARE_FILTER_SPL = `sourcetype="aws:cloudtrail" sourceIPAddress="${RARE_IP}" | table _time, eventName, userIdentity.arn, sourceIPAddress`;
export const STATS_DC_SPL = 'sourcetype="aws:cloudtrail" | stats dc(sourceIPAddress) as addresses, count by userIdentity.arn';
export const T1021_RULE = 'direct-cloud-vm-connection-t1021-008';

export const RULES_DIR = packagePath('rules');

/**
 * The sourcetypes the bench dataset writes (dataset.ts). detect-pack runs the rules that read only these:
 * the Google rules have no records in the dataset, hence no rows to compare, and stay out until it has some.
 */
export const BENCH_SOURCETYPES: readonly string[] = ['aws:cloudtrail', 'azure:monitor:aad:signin', 'o365:management:activity', 'azure:activity'];

/** Whether detect-pack runs a rule (its sourcetypes are all in the dataset). */
export function inBenchPack(rule: { readonly sourcetypes: readonly string[] }): boolean {
  return rule.sourcetypes.every((st) => BENCH_SOURCETYPES.includes(st));
}
/** Where rules' `lookup` tables and allowlists live, for sightline, the translator and the idiomatic SQL. */
export const LOOKUPS_DIR = join(RULES_DIR, 'lookups');

/** Queries that read the gzip copy of the dataset (MB/s still counts uncompressed bytes). */
export function readsGzip(name: QueryName): boolean {
  return name === 'gzip';
}
