// Help and colour conventions (README "Command-line conventions", issue #16): every command's help names its
// positional arguments and two examples, the overview loads no command module (so it starts fast), help is
// plain text in a pipe, and colour needs a terminal and no NO_COLOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { cliCommands, runCli } from '../../src/cli/main.ts';
import { styleFor, wantsColor } from '../../src/cli/output/style.ts';
import { runBatch } from '../helpers/run-cli.ts';

const table = cliCommands(async () => {
  throw new Error('serve is not loaded here');
});
const names = Object.keys(table);
// An escape sequence (ESC, then [): written as a string so the pattern itself holds no control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

/** A stream that keeps what is written to it. */
function sink(isTTY = false) {
  const s = { text: '', isTTY, write: (t: string) => void (s.text += t) };
  return s;
}

test('the overview lists every command and loads none of them', async () => {
  const untouchable = Object.fromEntries(
    names.map((n) => [n, { ...table[n]!, load: async () => assert.fail(`--help loaded ${n}`) }]),
  );
  const out = sink();
  const err = sink();
  assert.equal(await runCli(['--help'], untouchable, { stdout: out, stderr: err }), 0);
  for (const n of names) assert.match(out.text, new RegExp(`^  ${n} +${table[n]!.description.replace(/[|]/g, '\\|')}$`, 'm'));
  assert.match(out.text, /exit codes: 0 success, 1 findings/);
  assert.equal(err.text, '');
  // No command at all is a usage error: the same overview, on stderr, exit 2.
  const bare = sink();
  assert.equal(await runCli([], untouchable, { stdout: sink(), stderr: bare }), 2);
  assert.equal(bare.text, out.text);
});

test('each command has two examples, each running that command on bundled data', () => {
  for (const n of names) {
    assert.equal(table[n]!.examples.length, 2, n);
    for (const e of table[n]!.examples) assert.ok(e.startsWith(`sightline ${n} `) || e === `sightline ${n}`, e);
  }
});

test('<command> --help names the positional arguments, the options and the two examples, in plain text', () => {
  const runs = runBatch([...names.map((n) => [n, '--help']), ['help', 'detect'], ['detect', 'demo/', '-h']], tmpdir());
  for (const [i, n] of names.entries()) {
    const r = runs[i]!;
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, ANSI);
    assert.ok(r.stdout.startsWith(`sightline ${n}: ${table[n]!.description}\n`), r.stdout);
    const examples = r.stdout.split('Examples:\n')[1]!.split('\n\n')[0]!.split('\n');
    assert.deepEqual(examples, table[n]!.examples.map((e) => `  ${e}`));
    assert.match(r.stdout, /^ {2}--debug +/m);
  }
  const usage = (n: string) => runs[names.indexOf(n)]!.stdout.match(/^Usage: .*$/m)![0];
  assert.equal(usage('detect'), 'Usage: sightline detect [paths...] [options]');
  assert.equal(usage('search'), 'Usage: sightline search <spl> [paths...] [options]');
  assert.equal(usage('convert'), 'Usage: sightline convert [rule.yml|dir...] [options]');
  assert.match(runs[names.indexOf('convert')]!.stdout, /^ {2}--to <target> +sigma \| kql \| esql \| sql \| spl \(required\)$/m);
  assert.match(runs[names.indexOf('detect')]!.stdout, /^ {2}--no-fast +turn --fast off$/m);
  assert.equal(runs[names.length]!.stdout, runs[names.indexOf('detect')]!.stdout, 'sightline help detect');
  assert.equal(runs[names.length + 1]!.stdout, runs[names.indexOf('detect')]!.stdout, '-h among other arguments');
});

test('colour only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
  assert.equal(wantsColor({ isTTY: true }, {}), true);
  assert.equal(wantsColor({ isTTY: false }, {}), false);
  assert.equal(wantsColor({}, {}), false);
  assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  // https://no-color.org: "when present and not an empty string".
  assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(wantsColor({ isTTY: true }, { TERM: 'dumb' }), false);
  assert.match(styleFor({ isTTY: true }, {}).bold('x'), ANSI);
  assert.equal(styleFor({ isTTY: true }, { NO_COLOR: 'yes' }).bold('x'), 'x');
});

test('--version prints the package version', async () => {
  const out = sink();
  assert.equal(await runCli(['--version'], table, { stdout: out, stderr: sink() }), 0);
  assert.match(out.text, /^\d+\.\d+\.\d+\n$/);
});
