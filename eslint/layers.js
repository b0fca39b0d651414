// Which src/ layer may import which. A layer is a folder under src/ (src/index.ts is `index`, the public
// library API; src/main.ts is `main`, the program entry). This table is what the `sightline/layer-imports`
// lint rule enforces and what docs/architecture.md describes; test/architecture checks that it has no cycle.

/** @type {Readonly<Record<string, readonly string[]>>} */
export const LAYERS = {
  core: [],
  spl: ['core'],
  ingest: ['core'],
  functions: ['core', 'ingest'],
  plan: ['core', 'spl', 'functions'],
  exec: ['core', 'functions', 'ingest', 'plan'],
  scan: ['core', 'ingest', 'plan', 'exec'],
  rules: ['core', 'spl', 'ingest', 'plan', 'exec', 'scan'],
  scenarios: ['core', 'ingest', 'rules'],
  // Translators read logical plans only: never SPL text (spl) nor Sigma input (sigma).
  backends: ['core', 'plan'],
  sigma: ['core', 'spl', 'plan', 'exec', 'rules', 'backends'],
  bench: ['core', 'ingest', 'plan', 'exec', 'scan', 'rules', 'scenarios', 'backends'],
  index: ['core', 'spl', 'ingest', 'plan', 'exec', 'rules'],
  // What the CLI and the web server share: rule lookups, translation and its checks.
  app: ['core', 'spl', 'ingest', 'plan', 'exec', 'rules', 'scenarios', 'backends', 'sigma'],
  // The two front ends never import each other; both reach the engine directly or through app.
  cli: ['core', 'spl', 'ingest', 'plan', 'exec', 'scan', 'rules', 'scenarios', 'backends', 'sigma', 'app', 'index'],
  web: ['core', 'spl', 'ingest', 'plan', 'exec', 'scan', 'rules', 'scenarios', 'backends', 'sigma', 'app', 'index'],
  // The program entry is the one place that knows both front ends: it adds web's `serve` to the CLI.
  main: ['cli', 'web'],
};
