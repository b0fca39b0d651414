// Classifies a search pattern (typed: text + wildcard flag) into the shapes targets have operators for:
// exact, exists (`*`), prefix, suffix, contains, or a general glob. Each backend escapes the pieces itself.

import type { Pattern } from '../plan/nodes.ts';

export type PatternShape =
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'exists' }
  | { readonly kind: 'prefix' | 'suffix' | 'contains'; readonly text: string }
  | { readonly kind: 'glob'; readonly parts: readonly string[] };

export function patternShape(p: Pattern): PatternShape {
  if (!p.wildcard || !p.text.includes('*')) return { kind: 'exact', text: p.text };
  const parts = p.text.split('*');
  if (parts.every((s) => s === '')) return { kind: 'exists' };
  const inner = parts.filter((s) => s !== '');
  if (inner.length === 1) {
    const first = parts[0] === '';
    const last = parts[parts.length - 1] === '';
    const text = inner[0]!;
    if (parts.length === 2 && !first && last) return { kind: 'prefix', text };
    if (parts.length === 2 && first && !last) return { kind: 'suffix', text };
    if (parts.length === 3 && first && last) return { kind: 'contains', text };
  }
  return { kind: 'glob', parts };
}

/** Escapes text for an RE2 / .NET / Lucene-compatible regex literal (the common metacharacters). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/"#@&<>~-]/g, (c) => `\\${c}`);
}

/** The glob as an anchored regex body (`^a.*b$`), each literal part escaped. */
export function globToRegex(parts: readonly string[], escape: (s: string) => string = escapeRegex): string {
  return `^${parts.map(escape).join('.*')}$`;
}
