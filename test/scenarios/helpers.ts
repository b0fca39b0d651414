// Shared test helpers: paths, and the scenario library generated once per test file.
import { join } from 'node:path';
import { loadScenarios } from '../../src/scenarios/load.ts';
import { generateScenario, type GeneratedRecord } from '../../src/scenarios/generate.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const SCENARIO_DIR = join(REPO, 'scenarios');

let cache: GeneratedRecord[] | undefined;

/** Every record of every library scenario (volume 1). */
export function libraryRecords(): GeneratedRecord[] {
  return (cache ??= loadScenarios(SCENARIO_DIR).flatMap(({ scenario }) => generateScenario(scenario)));
}
