// Every command example in README.md and docs/*.md runs, so the docs cannot rot (issue #16). An example is a
// `sightline ...` line (also `./bin/sightline`, `npx sightline`, and `npm start`) in a ```sh block; usage
// synopses with placeholders live in plain ``` blocks. The two examples of each command's --help run too.
// They run in the documents' order from a scratch directory that holds the bundled data as a fresh checkout
// has it (demo/, test/ fixtures, scenarios/, and a copy of rules/ since `lint --fix` writes), so one example
// may use what an earlier one wrote. Expected exit 0, or the code a trailing comment states ("exits 1").
// `npm ci`, `npm test` and `npm run bench` lines are not run here: the suite itself and the bench smoke test
// (test/bench) cover those. `serve` examples are started, awaited until they listen, and stopped.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommands } from '../../src/cli/main.ts';
import { runBatch } from '../helpers/run-cli.ts';
import { shellWords } from '../helpers/shell-words.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');

interface Example {
  readonly where: string;
  readonly line: string;
  readonly args: string[];
  readonly exit: number;
}

/** The sightline command lines of the ```sh blocks of a Markdown file. */
function examplesIn(file: string): Example[] {
  const out: Example[] = [];
  let lang: string | null = null;
  const startScript = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  for (const [i, raw] of readFileSync(join(ROOT, file), 'utf8').split('\n').entries()) {
    const fence = /^```(\S*)/.exec(raw);
    if (fence) {
      lang = lang === null ? fence[1]! : null;
      continue;
    }
    if (lang !== 'sh') continue;
    // `npm ci && npm start`: the start script is a sightline command line too.
    const line = raw.replace(/^npm ci && npm start\b/, `${startScript.replace(/^node bin\/sightline/, 'sightline')} `);
    const { words, comment } = shellWords(line);
    const at = words[0] === 'npx' ? 1 : 0;
    if (!/^(\.\/bin\/)?sightline$/.test(words[at] ?? '')) continue;
    out.push({ where: `${file}:${i + 1}`, line: raw.trim(), args: words.slice(at + 1), exit: Number(/\bexits (\d)\b/.exec(comment)?.[1] ?? 0) });
  }
  return out;
}

const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const documented = docs.flatMap(examplesIn);
const fromHelp = Object.entries(cliCommands(async () => assert.fail('not loaded'))).flatMap(([name, c]) =>
  c.examples.map((e): Example => ({ where: `sightline ${name} --help`, line: e, args: shellWords(e).words.slice(1), exit: 0 })),
);
const all = [...documented, ...fromHelp];

const work = mkdtempSync(join(tmpdir(), 'sl-doc-examples-'));
after(() => rmSync(work, { recursive: true, force: true }));
for (const d of ['demo', 'test', 'scenarios']) symlinkSync(join(ROOT, d), join(work, d));
cpSync(join(ROOT, 'rules'), join(work, 'rules'), { recursive: true });

test('the docs have examples to run', () => {
  for (const doc of ['README.md', 'docs/ingest.md', 'docs/rules.md', 'docs/scenarios.md', 'docs/sigma.md', 'docs/translation.md', 'docs/web.md']) {
    assert.ok(documented.some((e) => e.where.startsWith(`${doc}:`)), `${doc} has no runnable example`);
  }
});

const batch = all.filter((e) => e.args[0] !== 'serve');
const results = runBatch(batch.map((e) => e.args), work);
for (const [i, e] of batch.entries()) {
  test(`${e.where}: ${e.line}`, () => {
    const r = results[i]!;
    assert.equal(r.status, e.exit, `${r.stderr}\n${r.stdout.slice(0, 2000)}`);
    assert.ok(r.stdout.length > 0 || /\S/.test(r.stderr), 'the example prints something');
  });
}

/** Starts `sightline serve ...` on a free port with its own data directory, resolves once it listens. */
function serveOnce(args: readonly string[]): Promise<{ listening: boolean; code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args, '--port', '0', '--data', join(work, 'serve-data')], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let listening = false;
  return new Promise((resolve) => {
    const onData = (b: Buffer) => {
      output += b.toString('utf8');
      if (!listening && /sightline serving on http:\/\//.test(output)) {
        listening = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ listening, code, output }));
  });
}

for (const e of all.filter((x) => x.args[0] === 'serve')) {
  test(`${e.where}: ${e.line} (on a free port, stopped once it listens)`, async () => {
    const r = await serveOnce(e.args);
    assert.ok(r.listening, r.output);
    assert.equal(r.code, 0, r.output);
  });
}
