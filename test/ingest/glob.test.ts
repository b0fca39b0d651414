import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths, isDocumentationFile } from '../../src/ingest/glob.ts';

test('a directory walk passes over documentation files, an explicit path still reads them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-glob-'));
  mkdirSync(join(dir, 'aws'));
  for (const f of ['README.md', 'LICENSE', 'SOURCES.md', 'aws/a.json', 'aws/notes.markdown', 'b.ndjson']) writeFileSync(join(dir, f), '{}\n');
  const { files } = expandPaths([dir]);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['aws/a.json', 'b.ndjson']);
  assert.deepEqual(expandPaths([join(dir, 'README.md')]).files, [join(dir, 'README.md')]);
});

test('documentation file names', () => {
  const rows: [string, boolean][] = [['README.md', true], ['readme', true], ['LICENSE.txt', true], ['guide.rst', true], ['cloudtrail.json', false], ['README-events.json', false], ['logs.txt', false]];
  for (const [name, want] of rows) assert.equal(isDocumentationFile(name), want, name);
});
