// Writes the SigmaHQ coverage table of docs/sigma.md (between the sigma-coverage markers) from the vendored
// SigmaHQ cloud rules: `node --import tsx scripts/sigma-coverage.ts` (add `--check` to only compare).
// test/sigma/sigmahq-cloud.test.ts fails when the committed table differs from what this writes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMarkdown, sigmaCoverage } from '../src/sigma/coverage.ts';

export const ROOT = join(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'sigmahq-cloud');
const DOC = join(ROOT, 'docs', 'sigma.md');
const START = '<!-- sigma-coverage:start (scripts/sigma-coverage.ts writes this table) -->';
const END = '<!-- sigma-coverage:end -->';

/** docs/sigma.md with the table rewritten from the fixtures. */
export function docWithTable(doc: string): string {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/sigma.md has no ${START} ... ${END} block`);
  return `${doc.slice(0, from + START.length)}\n${coverageMarkdown(sigmaCoverage(FIXTURES).rows)}\n${doc.slice(to)}`;
}

if (process.argv[1] === import.meta.filename) {
  const doc = readFileSync(DOC, 'utf8');
  const next = docWithTable(doc);
  if (process.argv.includes('--check')) {
    process.stdout.write(next === doc ? 'docs/sigma.md coverage table is current\n' : 'docs/sigma.md coverage table is stale: run node --import tsx scripts/sigma-coverage.ts\n');
    process.exitCode = next === doc ? 0 : 1;
  } else {
    writeFileSync(DOC, next);
    process.stdout.write(`${coverageMarkdown(sigmaCoverage(FIXTURES).rows)}\n`);
  }
}
