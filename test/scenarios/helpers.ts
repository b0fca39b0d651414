// Shared test helpers: the scenario library, generated once per test file, and real fixture loading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarios } from '../../src/scenarios/load.ts';
import { generateScenario, type GeneratedRecord } from '../../src/scenarios/generate.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const SCENARIO_DIR = join(REPO, 'scenarios');
export const REAL = '/work/shared/fixtures/real';

let cache: GeneratedRecord[] | undefined;

/** Every record of every library scenario (volume 1). */
export function libraryRecords(): GeneratedRecord[] {
  return (cache ??= loadScenarios(SCENARIO_DIR).flatMap(({ scenario }) => generateScenario(scenario)));
}

/** JSON-lines fixture file -> the records it holds, optionally unwrapping a field (panther's `log`). */
export function readJsonLines(path: string, field?: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .map((r) => (field ? (r[field] as Record<string, unknown>) : r));
}
