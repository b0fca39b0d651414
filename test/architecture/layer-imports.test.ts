// The `sightline/layer-imports` lint rule: which imports it rejects, run through ESLint's Linter on snippets
// placed at paths under src/ (the files need not exist: the rule only resolves their specifiers).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { layerImports } from '../../eslint/layer-imports.js';

const ROOT = join(import.meta.dirname, '..', '..');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { sightline: { rules: { 'layer-imports': layerImports } } },
    rules: { 'sightline/layer-imports': 'error' },
  },
];

/** The rule's messages for `code` as the file at `path` (relative to the repository). */
function findings(path: string, code: string): string[] {
  return linter.verify(code, config, { filename: join(ROOT, path) }).map((m) => m.message);
}

test('a layer imports itself and the layers it lists', () => {
  assert.deepEqual(findings('src/backends/registry.ts', "import { translateSigma } from './sigma/index.ts';"), []);
  assert.deepEqual(findings('src/backends/sigma/index.ts', "import type { QueryPlan } from '../../plan/nodes.ts';"), []);
  assert.deepEqual(findings('src/cli/commands/convert.ts', "import { convertRule } from '../../app/convert-rule.ts';\nimport 'citty';"), []);
  assert.deepEqual(findings('src/main.ts', "import { runCli } from './cli/main.ts';\nconst s = () => import('./web/serve-command.ts');"), []);
});

test('backends import neither spl nor sigma, type imports included', () => {
  assert.deepEqual(findings('src/backends/sigma/temporal.ts', "import { parseTimespan } from '../../sigma/correlation.ts';"), [
    'src/backends may not import src/sigma (allowed: core, plan; see docs/architecture.md)',
  ]);
  assert.equal(findings('src/backends/kql/index.ts', "import type { Pipeline } from '../../spl/ast/nodes.ts';").length, 1);
  assert.equal(findings('src/backends/kql/index.ts', "type P = import('../../spl/ast/nodes.ts').Pipeline;").length, 1);
});

test('cli and web never import each other, in any import form', () => {
  assert.equal(findings('src/web/engine.ts', "import { convertRule } from '../cli/commands/convert.ts';").length, 1);
  assert.equal(findings('src/cli/commands/serve.ts', "const m = await import('../../web/server.ts');").length, 1);
  assert.equal(findings('src/cli/index.ts', "export * from '../web/server.ts';").length, 1);
  assert.equal(findings('src/web/index.ts', "export { runCli } from '../cli/main.ts';").length, 1);
});

test('a folder missing from the layer table is reported; files outside src/ are not checked', () => {
  assert.deepEqual(findings('src/plugins/x.ts', 'export const x = 1;'), ['src/plugins is not a layer in eslint/layers.js: add it with the layers it may import']);
  assert.deepEqual(findings('test/web/x.test.ts', "import { runCli } from '../../src/cli/main.ts';\nimport { startServer } from '../../src/web/server.ts';"), []);
});
