// The `npm test` reporter: a dot per passing test, F per failure, then every failure in full (its test name,
// file and line, the error with its stack) and one summary line. Node's own reporters print every test
// (13,000 lines); `npm test -- --verbose` still gets the spec reporter. Written to Node's custom reporter
// interface: an async generator over the runner's events that yields text.
import { relative } from 'node:path';
import { inspect } from 'node:util';

const WIDTH = 80;

export default async function* shortReporter(source) {
  const failures = [];
  const totals = new Map();
  let column = 0;
  for await (const { type, data } of source) {
    if (type === 'test:pass' || type === 'test:fail') {
      if (data.details?.type === 'suite') continue;
      const error = data.details?.error;
      // A test whose subtests failed fails too; the subtests' own reports say why.
      if (type === 'test:fail' && error?.failureType !== 'subtestsFailed') failures.push(data);
      if (data.skip || data.todo) continue;
      yield `${type === 'test:pass' ? '.' : 'F'}${++column % WIDTH === 0 ? '\n' : ''}`;
    } else if (type === 'test:diagnostic' && data.nesting === 0) {
      // The runner's totals: "tests 1234", "pass 1230", ... "duration_ms 250000".
      const m = /^(\w+) ([\d.]+)$/.exec(data.message);
      if (m) totals.set(m[1], Number(m[2]));
      else yield `\n${data.message}\n`;
    }
  }
  if (column % WIDTH !== 0) yield '\n';
  for (const f of failures) {
    // The file only: under tsx the runner's line numbers are the transpiled ones; the stack has the real line.
    const where = f.file ? relative(process.cwd(), f.file) : '';
    const error = f.details?.error;
    const shown = error?.code === 'ERR_TEST_FAILURE' && error.cause !== undefined ? error.cause : error;
    yield `\nFAIL ${f.name}${where ? `  (${where})` : ''}\n${indent(inspect(shown, { depth: 4 }))}\n`;
  }
  const seconds = ((totals.get('duration_ms') ?? 0) / 1000).toFixed(1);
  const counts = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'].filter((k) => k === 'tests' || k === 'pass' || k === 'fail' || totals.get(k)).map((k) => `${k} ${totals.get(k) ?? 0}`);
  yield `\n${counts.join(', ')} in ${seconds} s\n`;
}

const indent = (text) => text.split('\n').map((l) => `    ${l}`).join('\n');
