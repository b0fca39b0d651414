// The registry: every function the task requires is registered under its Splunk name with the documented
// arity, unknown names are undefined, and the percentile family resolves by pattern.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getAggregate, getScalarFunction, listAggregates, listScalarFunctions } from '../../src/functions/registry.ts';

const ARITY: ReadonlyArray<readonly [string, number, number]> = [
  ['if', 3, 3], ['case', 2, Infinity], ['coalesce', 1, Infinity], ['match', 2, 2], ['like', 2, 2],
  ['isnull', 1, 1], ['isnotnull', 1, 1], ['isnum', 1, 1], ['isstr', 1, 1], ['null', 0, 0], ['true', 0, 0],
  ['false', 0, 0], ['len', 1, 1], ['lower', 1, 1], ['upper', 1, 1], ['trim', 1, 2], ['ltrim', 1, 2],
  ['rtrim', 1, 2], ['substr', 2, 3], ['replace', 3, 3], ['split', 2, 2], ['urldecode', 1, 1],
  ['mvindex', 2, 3], ['mvcount', 1, 1], ['mvfind', 2, 2], ['mvjoin', 2, 2], ['mvappend', 1, Infinity],
  ['mvdedup', 1, 1], ['mvsort', 1, 1], ['mvzip', 2, 3], ['tostring', 1, 2], ['tonumber', 1, 2],
  ['round', 1, 2], ['floor', 1, 1], ['ceiling', 1, 1], ['ceil', 1, 1], ['abs', 1, 1], ['pow', 2, 2],
  ['sqrt', 1, 1], ['exp', 1, 1], ['ln', 1, 1], ['log', 1, 2], ['min', 1, Infinity], ['max', 1, Infinity],
  ['random', 0, 0], ['now', 0, 0], ['time', 0, 0], ['relative_time', 2, 2], ['strftime', 2, 2],
  ['strptime', 2, 2], ['cidrmatch', 2, 2], ['sha256', 1, 1], ['md5', 1, 1],
];

for (const [name, min, max] of ARITY) {
  test(`registry: ${name} takes ${min}..${max} arguments`, () => {
    const f = getScalarFunction(name);
    assert.ok(f);
    assert.equal(f.name, name);
    assert.equal(f.minArgs, min);
    assert.equal(f.maxArgs, max);
  });
}

test('registry: unknown and wrongly cased names are not functions', () => {
  assert.equal(getScalarFunction('nosuchfn'), undefined);
  assert.equal(getScalarFunction('IF'), undefined);
  assert.equal(getAggregate('nosuch'), undefined);
});

test('registry: case() and validate() require pairs', () => {
  assert.equal(getScalarFunction('case')?.checkArgCount?.(4), undefined);
  assert.match(getScalarFunction('case')?.checkArgCount?.(3) ?? '', /pairs/);
  assert.match(getScalarFunction('validate')?.checkArgCount?.(1) ?? '', /pairs/);
});

test('registry: lists are sorted and include the required names', () => {
  const scalars = listScalarFunctions();
  assert.deepEqual(scalars, [...scalars].sort());
  for (const [name] of ARITY) assert.ok(scalars.includes(name), name);
  const aggs = listAggregates();
  for (const name of ['count', 'dc', 'values', 'list', 'min', 'max', 'sum', 'avg', 'mode', 'median', 'range', 'stdev', 'var', 'earliest', 'latest', 'earliest_time', 'latest_time', 'first', 'last', 'perc<N>']) {
    assert.ok(aggs.includes(name), name);
  }
});

test('registry: percentile names resolve by pattern and reject out-of-range percentiles', () => {
  for (const name of ['perc95', 'p99', 'p99.9', 'exactperc50', 'upperperc75']) assert.equal(getAggregate(name)?.name, name);
  for (const name of ['perc', 'p0', 'p101', 'percx']) assert.equal(getAggregate(name), undefined, name);
});

test('registry: only count may be used without a field', () => {
  assert.equal(getAggregate('count')?.needsArg, false);
  assert.equal(getAggregate('dc')?.needsArg, true);
  assert.equal(getAggregate('values')?.needsArg, true);
});
