// Turns a validated scenario into log records: resolves actors, expands each timeline step into event
// times (fixed spacing or seeded random spread, background steps scaled by volume), calls the action's
// builder, and returns records sorted by time. Same scenario + same seed => identical records.

import { fail } from '../core/diagnostics.ts';
import { resolveActor, type Actor } from './actors.ts';
import { builderFor } from './builders/index.ts';
import type { OutputRecord } from './builders/types.ts';
import { Prng } from './prng.ts';
import type { Scenario, Step } from './schema.ts';

export interface GenerateOptions {
  /** Multiplies the scenario's own volume for background steps. */
  readonly volume?: number;
}

export interface GeneratedRecord extends OutputRecord {
  readonly scenario: string;
}

export function generateScenario(scenario: Scenario, opts: GenerateOptions = {}): GeneratedRecord[] {
  const start = Date.parse(scenario.start) / 1000;
  const actors = new Map<string, Actor>();
  for (const [key, spec] of Object.entries(scenario.actors)) actors.set(key, resolveActor(key, spec, scenario.environment, scenario.seed));
  const root = new Prng(scenario.seed);
  const out: GeneratedRecord[] = [];
  scenario.timeline.forEach((step, index) => {
    const builder = builderFor(step.action);
    if (!builder) fail('SCENARIO-UNKNOWN-ACTION', `${scenario.id}: timeline[${index}] uses unknown action "${step.action}"`, { hint: 'see docs/scenarios.md for the action list' });
    const actor = actors.get(step.actor);
    if (!actor) fail('SCENARIO-UNKNOWN-ACTOR', `${scenario.id}: timeline[${index}] names actor "${step.actor}", which is not under actors:`);
    const parsed = builder.params.safeParse(step.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail('SCENARIO-PARAMS', `${scenario.id}: timeline[${index}] (${step.action}) params.${issue.path.join('.')}: ${issue.message}`);
    }
    const rng = root.fork(`step:${index}`);
    stepTimes(step, start, scenario.volume * (opts.volume ?? 1), rng.fork('times')).forEach((t, i) => {
      const eventRng = rng.fork(`event:${i}`);
      const ip = actor.ip(eventRng);
      for (const rec of builder.build({ time: t, rng: eventRng, actor, ip, env: scenario.environment, params: parsed.data })) {
        out.push({ ...rec, scenario: scenario.id });
      }
    });
  });
  // Stable sort: equal times keep timeline order.
  return out.sort((a, b) => a.time - b.time);
}

/** Event times of one step, in order. */
function stepTimes(step: Step, start: number, volume: number, rng: Prng): number[] {
  const count = step.background ? Math.max(1, Math.round(step.count * volume)) : step.count;
  const base = start + step.at;
  const times: number[] = [];
  if (step.over !== undefined) {
    for (let i = 0; i < count; i++) times.push(base + Math.floor(rng.next() * step.over));
    times.sort((a, b) => a - b);
  } else {
    const every = step.every ?? 1;
    for (let i = 0; i < count; i++) times.push(base + i * every);
  }
  return times;
}
