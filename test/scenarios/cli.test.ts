// The commands end to end through bin/sightline: `sightline test` over the committed rules and scenarios
// exits 0 (the CI gate), a weakened rule makes it exit 1, bad input exits 2, and `simulate` writes files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers.ts';

function sightline(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'sightline'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

test('CI gate: `sightline test` passes on the committed rules and scenarios, and writes a Navigator layer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-test-'));
  try {
    const layerPath = join(dir, 'layer.json');
    const r = sightline('test', '--navigator', layerPath);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^PASS: (\d+)\/\1 rules pass$/m);
    assert.doesNotMatch(r.stdout, /FAILED/);
    const layer = JSON.parse(readFileSync(layerPath, 'utf8'));
    assert.equal(layer.versions.layer, '4.5');
    assert.ok(layer.techniques.some((t: { techniqueID: string }) => t.techniqueID === 'T1021.007'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`sightline test --format json` reports per-rule checks and coverage', () => {
  const r = sightline('test', 'direct-cloud-vm-connection-t1021-008', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.passed, true);
  assert.equal(out.rules.length, 1);
  assert.ok(out.rules[0].checks.some((c: { scenario: string; passed: boolean }) => c.scenario === 't1021-008-test1-ssm-send-command' && c.passed));
  assert.ok(out.coverage.techniques['T1021.008'].includes('direct-cloud-vm-connection-t1021-008'));
});

test('a weakened rule on disk makes `sightline test` exit 1 and name the failing benign scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-weak-'));
  try {
    cpSync(join(REPO, 'rules'), dir, { recursive: true });
    const file = join(dir, 'cloud-services-risky-signin-t1021-007.yml');
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes(' additionalEventData.MFAUsed="No"'));
    writeFileSync(file, text.replace(' additionalEventData.MFAUsed="No"', ''));
    const r = sightline('test', 'cloud-services-risky-signin-t1021-007', '--rules', dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /FAIL {2}cloud-services-risky-signin-t1021-007/);
    assert.match(r.stdout, /benign-admin-clis .*FAILED: expected no alert after tuning/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input exits 2 with a named error', () => {
  const unknownRule = sightline('test', 'no-such-rule');
  assert.equal(unknownRule.status, 2);
  assert.match(unknownRule.stderr, /TEST-UNKNOWN-RULE/);
  const unknownScenario = sightline('simulate', 'no-such-scenario', '--out', join(tmpdir(), 'never-written'));
  assert.equal(unknownScenario.status, 2);
  assert.match(unknownScenario.stderr, /SCENARIO-UNKNOWN/);
  const noOut = sightline('simulate', '--all');
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /CLI-BAD-ARG: give --out DIR/);
  const badFormat = sightline('test', '--format', 'xml');
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /CLI-BAD-ARG/);
});

test('`sightline simulate <id> --out DIR` writes the scenario as delivered files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-sim-'));
  try {
    const r = sightline('simulate', 't1021-008-test1-ssm-send-command', 't1021-008-test3-azure-run-command', '--out', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /2 scenario\(s\), 6 events \(aws:cloudtrail 4, azure:activity 2\)/);
    const files = walk(dir).map((f) => f.slice(dir.length + 1));
    assert.ok(files.some((f) => /^AWSLogs\/111122223333\/CloudTrail\/us-east-1\/2026\/03\/02\/.*\.json\.gz$/.test(f)), files.join('\n'));
    assert.ok(files.some((f) => f.startsWith('azure-activity-api/')), files.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`sightline simulate --list` shows every library scenario', () => {
  const r = sightline('simulate', '--list');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^t1021-008-test1-ssm-send-command +attack +T1021\.008 +T1021\.008 Test 1/m);
  assert.match(r.stdout, /^benign-travel +benign +T1021\.007/m);
});
