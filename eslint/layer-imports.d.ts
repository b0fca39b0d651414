// Types for layer-imports.js, so TypeScript tests can run the rule.
import type { Rule } from 'eslint';
export declare function layerOf(path: string): string | null;
export declare const layerImports: Rule.RuleModule;
