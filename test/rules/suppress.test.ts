// Suppression of repeats (`detect --suppress 1h`): same rule + entity within the window is dropped, measured
// from the last kept alert; other entities, other rules and alerts without a time are kept.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../../src/rules/alert.ts';
import { parseWindow, suppressRepeats } from '../../src/rules/suppress.ts';

const alert = (rule: string, time: number | null, user: string | null): Alert =>
  ({ rule_id: rule, rule_title: rule, technique: 'T1021.008', tactic: 'Lateral Movement', severity: 'high', confidence: 'medium', AlertType: 'X', _time: time, ...(user === null ? {} : { User: user }) }) as Alert;

describe('parseWindow', () => {
  const CASES: readonly [string, number | null][] = [['90s', 90], ['15m', 900], ['1h', 3600], ['2d', 172800], [' 1h ', 3600], ['1w', null], ['h', null], ['-1h', null], ['', null]];
  for (const [spec, seconds] of CASES) it(JSON.stringify(spec), () => assert.equal(parseWindow(spec), seconds));
});

describe('suppressRepeats', () => {
  const entities = () => ['User'];
  it('drops repeats within the window and keeps the next one after it', () => {
    const input = [alert('r', 0, 'bob'), alert('r', 1800, 'bob'), alert('r', 3599, 'bob'), alert('r', 3600, 'bob'), alert('r', 4000, 'bob')];
    const { kept, suppressed } = suppressRepeats(input, entities, 3600);
    assert.deepEqual(kept.map((a) => a._time), [0, 3600]);
    assert.equal(suppressed, 3);
  });
  it('keys on rule and entity; a missing entity is its own key; null times are kept', () => {
    const input = [alert('r', 0, 'bob'), alert('r', 10, 'alice'), alert('s', 20, 'bob'), alert('r', 30, null), alert('r', 40, null), alert('r', null, 'bob')];
    const { kept, suppressed } = suppressRepeats(input, entities, 3600);
    assert.deepEqual(kept.map((a) => [a.rule_id, a._time, a.User ?? null]), [['r', 0, 'bob'], ['r', 10, 'alice'], ['s', 20, 'bob'], ['r', 30, null], ['r', null, 'bob']]);
    assert.equal(suppressed, 1);
  });
  it('sorts by time first, so input order does not matter', () => {
    const { kept } = suppressRepeats([alert('r', 100, 'bob'), alert('r', 0, 'bob')], entities, 3600);
    assert.deepEqual(kept.map((a) => a._time), [0]);
  });
});
