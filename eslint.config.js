// ESLint 9 flat config: typescript-eslint's recommended rules without type information (the type-checked set
// took 26 s and 1.2 GB on the 2-core machine, and its 751 findings were mostly test() promises), plus the
// layer rule of eslint/layers.js. Each rule turned off or tuned below says why.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerImports } from './eslint/layer-imports.js';

const sightline = { rules: { 'layer-imports': layerImports } };

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'demo/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/sightline*', 'eslint.config.js', 'eslint/**/*.js'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    plugins: { sightline },
    rules: {
      'sightline/layer-imports': 'error',
      // Imports used only as types say so: the import-cycle test leaves those edges out (they are erased).
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // A leading _ marks a binding kept on purpose: a field dropped by a rest pattern, an unused loop variable.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests assert deep into generated JSON records; typing each path would restate the fixture.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The browser UI script: a classic script with browser globals.
    files: ['src/web/static/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
