// Picks scenarios for the CLI: by id from the library directory, by file path, or all of them. An unknown
// id is an error with the list of known ids, never a silent skip.

import { fail } from '../core/diagnostics.ts';
import { loadScenarioFile, loadScenarios } from './load.ts';
import type { Scenario } from './schema.ts';

export function selectScenarios(names: readonly string[], libraryDir: string, all: boolean): Scenario[] {
  if (all) return loadScenarios(libraryDir).map((l) => l.scenario);
  if (names.length === 0) fail('SCENARIO-NONE', 'name at least one scenario (id or .yaml file), or pass --all');
  let library: Map<string, Scenario> | undefined;
  return names.map((name) => {
    if (/\.ya?ml$/.test(name)) return loadScenarioFile(name).scenario;
    library ??= new Map(loadScenarios(libraryDir).map((l) => [l.scenario.id, l.scenario]));
    const s = library.get(name);
    if (!s) fail('SCENARIO-UNKNOWN', `no scenario "${name}" in ${libraryDir}`, { hint: `known: ${[...library.keys()].join(', ')}` });
    return s;
  });
}
