// Golden-file assertions. `npm test -- --update` (SIGHTLINE_UPDATE_GOLDENS=1) rewrites the expected files;
// otherwise a missing or different golden file fails the test with a diff hint.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import assert from 'node:assert/strict';

export const UPDATE_GOLDENS = process.env.SIGHTLINE_UPDATE_GOLDENS === '1';

export function assertGolden(path: string, actual: string): void {
  if (UPDATE_GOLDENS) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) assert.fail(`golden file ${path} is missing: run \`npm test -- --update\` and review it`);
  const expected = readFileSync(path, 'utf8');
  assert.equal(actual, expected, `golden file ${path} differs: review the change, then \`npm test -- --update\``);
}
