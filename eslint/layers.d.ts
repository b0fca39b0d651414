// Types for layers.js, so TypeScript tests can read the same table the lint rule enforces.
export declare const LAYERS: Readonly<Record<string, readonly string[]>>;
