// Loads scenario YAML files (scenarios/**/*.yaml) and validates them; errors name the file and the field.
// A bad scenario never half-loads: the whole load fails with SCENARIO-SCHEMA so `test` cannot pass on it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fail } from '../core/diagnostics.ts';
import { ScenarioSchema, type Scenario } from './schema.ts';

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
}

export function parseScenario(text: string, file: string): Scenario {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    fail('SCENARIO-YAML', `${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { file });
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`);
    fail('SCENARIO-SCHEMA', `${file}: ${lines.join('; ')}`, { file, hint: 'see docs/scenarios.md for the scenario format' });
  }
  return parsed.data;
}

export function loadScenarioFile(file: string): LoadedScenario {
  return { file, scenario: parseScenario(readFileSync(file, 'utf8'), file) };
}

/** Every *.yaml / *.yml under dir (recursively), sorted by path; duplicate ids are an error. */
export function loadScenarios(dir: string): LoadedScenario[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) files.push(p);
    }
  };
  walk(dir);
  const out = files.map(loadScenarioFile);
  const seen = new Map<string, string>();
  for (const { file, scenario } of out) {
    const prev = seen.get(scenario.id);
    if (prev) fail('SCENARIO-DUPLICATE-ID', `scenario id "${scenario.id}" is used by ${prev} and ${file}`);
    seen.set(scenario.id, file);
  }
  return out;
}
