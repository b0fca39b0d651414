// Lint rule `sightline/layer-imports`: a file under src/ may import its own layer and the layers that
// eslint/layers.js lists for it. Relative specifiers are resolved to a path, so `./sigma/x.ts` inside
// src/backends (its own Sigma writer) and `../../sigma/x.ts` (the Sigma importer) are told apart.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYERS } from './layers.js';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** The layer of an absolute path under src/, or null outside src/. */
export function layerOf(path) {
  const rel = relative(SRC, path);
  if (rel.startsWith('..') || rel === '') return null;
  const [first] = rel.split(sep);
  return first.replace(/\.ts$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'src/ layers import only the layers eslint/layers.js allows them' },
    schema: [],
    messages: {
      forbidden: 'src/{{from}} may not import src/{{to}} (allowed: {{allowed}}; see docs/architecture.md)',
      unknownLayer: 'src/{{from}} is not a layer in eslint/layers.js: add it with the layers it may import',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (from === null) return {};
    const allowed = LAYERS[from];
    if (!allowed) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unknownLayer', data: { from } });
        },
      };
    }
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), specifier));
      if (to === null || to === from || allowed.includes(to)) return;
      context.report({ node, messageId: 'forbidden', data: { from, to, allowed: allowed.join(', ') || 'none' } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportType: (node) => node.argument.type === 'TSLiteralType' && check(node, node.argument.literal.value),
    };
  },
};
