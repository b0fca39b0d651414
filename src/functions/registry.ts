// The function registry: eval functions by name (getScalarFunction) and stats aggregates by name
// (getAggregate, including perc<N>/p<N>/exactperc<N>/upperperc<N>). Names are matched exactly, in
// lowercase as Splunk documents them.

import { collectAggregates } from './aggregate/collect.ts';
import { countAggregates } from './aggregate/count.ts';
import { extremeAggregates } from './aggregate/extremes.ts';
import { momentAggregates } from './aggregate/moments.ts';
import { orderAggregates, percentileAggregate } from './aggregate/order-stats.ts';
import { timeOrderAggregates } from './aggregate/time-order.ts';
import { comparisonFunctions } from './scalar/comparison.ts';
import { conditionalFunctions } from './scalar/conditional.ts';
import { conversionFunctions } from './scalar/conversion.ts';
import { hashFunctions } from './scalar/hash.ts';
import { jsonFunctions } from './scalar/json.ts';
import { mathFunctions } from './scalar/math.ts';
import { multivalueFunctions } from './scalar/multivalue.ts';
import { networkFunctions } from './scalar/network.ts';
import { printfFunctions } from './scalar/printf.ts';
import { stringFunctions } from './scalar/string.ts';
import { timeFunctions } from './scalar/time.ts';
import { trigFunctions } from './scalar/trig.ts';
import type { AggregateFunction, ScalarFunction } from './types.ts';

export type { Accumulator, AggregateFunction, AggregateOptions, FunctionContext, ScalarFunction } from './types.ts';

function byName<T extends { name: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.name)) throw new Error(`duplicate function name ${item.name}`);
    map.set(item.name, item);
  }
  return map;
}

const scalars = byName([
  ...conditionalFunctions,
  ...comparisonFunctions,
  ...stringFunctions,
  ...mathFunctions,
  ...trigFunctions,
  ...multivalueFunctions,
  ...conversionFunctions,
  ...printfFunctions,
  ...timeFunctions,
  ...networkFunctions,
  ...hashFunctions,
  ...jsonFunctions,
]);

const aggregates = byName([
  ...countAggregates,
  ...collectAggregates,
  ...extremeAggregates,
  ...momentAggregates,
  ...orderAggregates,
  ...timeOrderAggregates,
]);

export function getScalarFunction(name: string): ScalarFunction | undefined {
  return scalars.get(name);
}

export function listScalarFunctions(): string[] {
  return [...scalars.keys()].sort();
}

export function getAggregate(name: string): AggregateFunction | undefined {
  return aggregates.get(name) ?? percentileAggregate(name);
}

/** Fixed aggregate names; the percentile family is listed by its patterns. */
export function listAggregates(): string[] {
  return [...aggregates.keys(), 'perc<N>', 'p<N>', 'exactperc<N>', 'upperperc<N>'].sort();
}
