// Starts a scan worker thread (worker.ts). From the bundle, the worker is the built dist/worker.js: plain
// JavaScript, no transpiler to start. From source (tsx, tests), a worker starts as plain Node, so a small
// bootstrap registers tsx's loader first and then imports the TypeScript worker.

import { Worker } from 'node:worker_threads';
import { packagePath } from '../core/package-root.ts';

/** True when this module runs as TypeScript source; the bundle's copy of it lives in a .js file. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function sourceBootstrap(): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return `import(${tsx}).then((m) => { m.register(); return import(${worker}); })`;
}

/** A new scan worker with `workerData` (a WorkerSetup). */
export function startScanWorker(workerData: unknown): Worker {
  if (FROM_SOURCE) return new Worker(sourceBootstrap(), { eval: true, workerData });
  // The built worker is a bundle entry point of its own (scripts/build.mjs), in dist/ beside the CLI's.
  return new Worker(packagePath('dist', 'worker.js'), { workerData });
}
