// The command-line conventions of README "Command-line conventions", table-driven over every command's bad
// usage (issue #16): exit code 2, one diagnostic line with a stable code (and at most a hint under it), nothing
// on stdout, and never a stack trace, except when --debug asks for one. The table runs in one child process
// (test/helpers/run-cli.ts) from a directory outside the repository, as a user's shell would be; the last
// test spawns bin/sightline itself.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../helpers/run-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const DEMO = join(ROOT, 'demo');
/** A small CloudTrail file on which a bundled rule alerts (an SSM SendCommand). */
const SMALL = join(ROOT, 'test', 'fixtures', 'stratus', 'aws.credential-access.ec2-steal-instance-credentials.json');
const RULE = join(ROOT, 'rules', 'direct-cloud-vm-connection-t1021-008.yml');
const cwd = mkdtempSync(join(tmpdir(), 'sl-usage-'));
after(() => rmSync(cwd, { recursive: true, force: true }));
const notRule = join(cwd, 'not-a-rule.yml');
writeFileSync(notRule, 'title: [unclosed\n');

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env }, input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack frame as Node prints them. */
const STACK = /^\s+at .+[:(]/m;

// [arguments, the diagnostic line's pattern]. Every row exits 2.
const CASES: readonly (readonly [readonly string[], RegExp])[] = [
  [[], /^sightline \S+: detection engineering/],
  [['serch', 'x'], /^sightline: CLI-UNKNOWN-COMMAND: unknown command "serch"$/],
  [['--bogus'], /^sightline: CLI-UNKNOWN-OPTION: unknown option --bogus/],
  // search
  [['search'], /^sightline search: CLI-USAGE: Missing required positional argument: SPL$/],
  [['search', 'x', DEMO, '--formt', 'json'], /^sightline search: CLI-BAD-OPTION: unknown option --formt$/],
  [['search', 'x', DEMO, '--format', 'xml'], /^sightline search: CLI-BAD-FORMAT: unknown --format "xml"$/],
  [['search', 'x', DEMO, '--format'], /^sightline search: CLI-BAD-OPTION: option --format needs a value$/],
  [['search', 'x', 'no-such-dir/'], /^sightline search: INGEST-NOT-FOUND: no input files match "no-such-dir\/"$/],
  [['search', 'x', DEMO, '--now', 'soon'], /^sightline search: CLI-BAD-NOW:/],
  [['search', 'x', DEMO, '--macros', 'no-such.conf'], /^sightline search: /],
  // detect
  [['detect'], /^sightline detect: CLI-NO-INPUT:/],
  [['detect', DEMO, '--bogus'], /^sightline detect: CLI-BAD-OPTION: unknown option --bogus$/],
  [['detect', DEMO, '--rule', 'x'], /^sightline detect: CLI-BAD-OPTION: unknown option --rule$/],
  [['detect', 'no-such-dir/'], /^sightline detect: INGEST-NOT-FOUND:/],
  [['detect', DEMO, '--rules', 'no-such-dir'], /^sightline detect: CLI-RULES: cannot read rules from no-such-dir/],
  [['detect', DEMO, '--format', 'xml'], /^sightline detect: CLI-BAD-FORMAT:/],
  [['detect', DEMO, '--suppress', '1y'], /^sightline detect: CLI-BAD-WINDOW:/],
  // lint
  [['lint'], /^sightline lint: CLI-NO-INPUT:/],
  [['lint', 'no-such.yml'], /^sightline lint: INPUT-NOT-FOUND: no such file or directory: no-such.yml$/],
  [['lint', '--query', 'x', '--sourcetype', 'bogus'], /^sightline lint: CLI-BAD-SOURCETYPE:/],
  [['lint', '--querry', 'x'], /^sightline lint: CLI-BAD-OPTION: unknown option --querry$/],
  // convert
  [['convert', RULE], /^sightline convert: CLI-USAGE: Missing required argument: --to$/],
  [['convert', '--to', 'kql'], /^sightline convert: CLI-NO-INPUT:/],
  [['convert', RULE, '--to', 'cobol'], /^sightline convert: CLI-BAD-TARGET: unknown --to "cobol"$/],
  [['convert', 'no-such.yml', '--to', 'kql'], /^sightline convert: INPUT-NOT-FOUND: no such file or directory: no-such.yml$/],
  // A diagnostic about a file starts with the file, as a compiler's does.
  [['convert', cwd, '--to', 'kql'], /^\/.*not-a-rule\.yml:RULE-YAML: /],
  [['convert', RULE, '--to', 'kql', '--input', 'x.json'], /^sightline convert: CLI-BAD-OPTION: --input names the log files of the SQL query/],
  // simulate
  [['simulate', '--all'], /^sightline simulate: CLI-BAD-ARG: give --out DIR/],
  [['simulate', 'no-such-scenario', '--out', join(cwd, 'never')], /^sightline simulate: SCENARIO-UNKNOWN: no scenario "no-such-scenario"/],
  [['simulate', '--all', '--out', join(cwd, 'never'), '--volume', '-1'], /^sightline simulate: CLI-BAD-ARG: --volume must be a positive number/],
  [['simulate', '--list', '--scenarios', 'no-such-dir'], /^sightline simulate: INPUT-ENOENT: no-such-dir: no such file or directory$/],
  // test
  [['test', 'no-such-rule'], /^sightline test: TEST-UNKNOWN-RULE: no rule no-such-rule/],
  [['test', '--format', 'xml'], /^sightline test: CLI-BAD-ARG: --format must be table or json/],
  [['test', '--scenarios', 'no-such-dir'], /^sightline test: INPUT-ENOENT: no-such-dir: no such file or directory$/],
  [['test', '--navigatr', 'x.json'], /^sightline test: CLI-BAD-OPTION: unknown option --navigatr$/],
  // serve (each fails before it listens)
  [['serve', '--port', 'http'], /^sightline serve: CLI-BAD-ARG: --port must be 0-65535/],
  [['serve', '--port', '0', '--data', join(cwd, 'data'), '--max-hec-bytes', 'x'], /^sightline serve: CLI-BAD-ARG: --max-hec-bytes must be a positive integer/],
  [['serve', '--prot', '8088'], /^sightline serve: CLI-BAD-OPTION: unknown option --prot$/],
  // explain
  [['explain'], /^sightline explain: CLI-USAGE: Missing required positional argument: SPL$/],
  [['explain', 'x', '--plan'], /^sightline explain: CLI-BAD-OPTION: unknown option --plan$/],
];

const SMALL_RUNS = {
  misspeltFormat: ['detect', DEMO, '--formt', 'json'],
  misspeltUntuned: ['convert', RULE, '--to', 'kql', '--untunned'],
  misspeltCommand: ['serch', 'x'],
  dashValue: ['search', 'sourcetype="aws:cloudtrail" | stats count', SMALL, '--earliest', '-3000d@d', '--now', '1790000000', '--format', 'csv'],
  alerts: ['detect', SMALL, '--format', 'json'],
  failOnAlert: ['detect', SMALL, '--format', 'json', '--fail-on-alert'],
  noRules: ['detect', SMALL, '--fail-on-alert', '--rules', join(ROOT, 'test', 'fixtures', 'no-rules-here')],
  lintError: ['lint', '--query', 'sourcetype="aws:cloudtrail" | stats count by ('],
  table: ['search', 'sourcetype="aws:cloudtrail" | stats count by eventName', SMALL],
  csv: ['search', 'sourcetype="aws:cloudtrail" | stats count by eventName', SMALL, '--format', 'csv'],
  json: ['search', 'sourcetype="aws:cloudtrail" | stats count by eventName', SMALL, '--format', 'json'],
} as const;
const runs = runBatch([...CASES.map(([args]) => args), ...Object.values(SMALL_RUNS)], cwd);
const small = Object.fromEntries(Object.keys(SMALL_RUNS).map((k, i) => [k, runs[CASES.length + i]!])) as Record<keyof typeof SMALL_RUNS, (typeof runs)[number]>;

for (const [i, [args, pattern]] of CASES.entries()) {
  test(`sightline ${args.join(' ').replaceAll(ROOT, '<repo>').replaceAll(cwd, '<cwd>')} exits 2 with one diagnostic`, () => {
    const r = runs[i]!;
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    if (args.length > 0) {
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.ok(lines.length <= 2 && (lines.length === 1 || lines[1]!.startsWith('  hint: ')), r.stderr);
    }
    assert.match(r.stderr.split('\n')[0]!, pattern);
  });
}

test('a misspelt option or command is answered with the nearest real one', () => {
  assert.match(small.misspeltFormat.stderr, /hint: did you mean --format\?/);
  assert.match(small.misspeltUntuned.stderr, /hint: did you mean --untuned\?/);
  assert.match(small.misspeltCommand.stderr, /hint: did you mean sightline search\?/);
  // A value is not mistaken for a flag: a relative time that starts with '-'.
  assert.equal(small.dashValue.status, 0, small.dashValue.stderr);
  assert.match(small.dashValue.stdout, /^count\r\n[1-9]\d*\r\n$/);
});

test('exit 1 means findings: alerts with --fail-on-alert, lint errors; without the flag alerts exit 0', () => {
  assert.equal(small.alerts.status, 0, small.alerts.stderr);
  assert.ok(small.alerts.stdout.length > 0, 'the file has an alert');
  assert.equal(small.failOnAlert.status, 1, small.failOnAlert.stderr);
  assert.equal(small.failOnAlert.stdout, small.alerts.stdout, 'the alerts are printed all the same');
  assert.equal(small.noRules.status, 2, 'a missing rules folder is an input error, not a finding');
  assert.equal(small.lintError.status, 1, small.lintError.stderr);
});

test('search output ends with a newline before the summary on stderr', () => {
  for (const r of [small.table, small.csv, small.json]) {
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\n'), JSON.stringify(r.stdout.slice(-20)));
  }
});

test('end to end, outside the repository: no stack trace from a thrown error; --debug adds it', () => {
  const missing = run(['convert', 'no-such.yml', '--to', 'kql']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'sightline convert: INPUT-NOT-FOUND: no such file or directory: no-such.yml\n');
  const plain = run(['test', '--scenarios', 'no-such-dir']);
  assert.equal(plain.status, 2);
  assert.doesNotMatch(plain.stderr, STACK);
  const debug = run(['test', '--scenarios', 'no-such-dir', '--debug']);
  assert.equal(debug.status, 2);
  assert.equal(debug.stderr.split('\n')[0], plain.stderr.split('\n')[0]);
  assert.match(debug.stderr, STACK);
  const unknown = run(['serch', 'x']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, 'sightline: CLI-UNKNOWN-COMMAND: unknown command "serch"\n  hint: did you mean sightline search?\n');
});
