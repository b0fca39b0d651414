#!/usr/bin/env node
// Bundles the TypeScript sources into dist/ with esbuild: the CLI (dist/cli.js), the scan worker
// (dist/worker.js) and the bench (dist/bench.js). node_modules stay external, imported at run time.
// Code splitting keeps each subcommand in its own chunk, so `--version` loads a few KB, not the engine.
// `npm ci` runs this as `prepare`; bin/sightline rebuilds through it when the sources changed since
// (scripts/build-freshness.mjs). The manifest it writes last lists every input with its mtime and size.

import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, PACKAGE_ROOT, fileStamp } from './build-freshness.mjs';

export const DIST = join(PACKAGE_ROOT, 'dist');
const CHUNKS = 'chunks';

const ENTRY_POINTS = {
  cli: 'src/main.ts',
  worker: 'src/scan/worker.ts',
  bench: 'src/bench/main.ts',
};

/** Files that shape the output besides the bundled sources. */
const BUILD_CONFIG = ['scripts/build.mjs', 'tsconfig.json'];

/** Builds dist/; returns what was built. Throws esbuild's error (with `.errors`) when the sources do not compile. */
export async function build() {
  const started = performance.now();
  // Stamped before esbuild reads them: a source edited during the build then differs from its stamp, and
  // the next start rebuilds instead of trusting a bundle made from the older text.
  const stamps = stampSources();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: DIST,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(join(DIST, CHUNKS), { recursive: true });
  // Each file is renamed into place whole, entry points last, so a process starting meanwhile never reads
  // half a file; chunks are named by content hash, so it finds the ones its entry point names.
  const written = new Set();
  const entries = new Set(Object.keys(ENTRY_POINTS).map((name) => join(DIST, `${name}.js`)));
  const ordered = [...result.outputFiles].sort((a, b) => Number(entries.has(a.path)) - Number(entries.has(b.path)));
  for (const file of ordered) {
    writeWhole(file.path, file.contents);
    written.add(file.path);
  }
  removeOldChunks(written);
  const inputs = [...Object.keys(result.metafile.inputs), ...BUILD_CONFIG];
  // Inputs and outputs alike: an edited source and a deleted or damaged chunk both call for a rebuild.
  const outputs = [...written].map((f) => relative(PACKAGE_ROOT, f));
  const files = [...inputs, ...outputs].map((f) => [f, ...(stamps.get(f) ?? fileStamp(join(PACKAGE_ROOT, f)))]);
  writeWhole(join(DIST, MANIFEST_FILE), JSON.stringify({ files }));
  return { ms: performance.now() - started, inputs: inputs.length, outputs: written.size };
}

/** [mtimeMs, size] of every file under src/ and of the build configuration, by package-relative path. */
function stampSources() {
  const names = readdirSync(join(PACKAGE_ROOT, 'src'), { recursive: true }).map((name) => join('src', name));
  const stamps = new Map();
  for (const f of [...names, ...BUILD_CONFIG]) {
    const stamp = fileStamp(join(PACKAGE_ROOT, f));
    if (stamp) stamps.set(f.split(sep).join('/'), stamp);
  }
  return stamps;
}

function writeWhole(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** Chunks of earlier builds that nothing refers to any more. (Chunks load when a command starts, so a
 *  command already running from an earlier build has what it needs.) */
function removeOldChunks(written) {
  const dir = join(DIST, CHUNKS);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!written.has(path) && !name.endsWith('.tmp') && statSync(path).isFile()) rmSync(path, { force: true });
  }
}

/** esbuild's errors as `file:line:col: message` lines, for a user-facing report without a stack trace. */
export function describeBuildError(err) {
  if (!Array.isArray(err?.errors)) return err instanceof Error ? err.message : String(err);
  return err.errors
    .map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
    .join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await build();
    process.stdout.write(`sightline: built ${relative(process.cwd(), DIST) || '.'}/ (${r.outputs} files from ${r.inputs} inputs) in ${(r.ms / 1000).toFixed(2)} s\n`);
  } catch (err) {
    process.stderr.write(`sightline: build failed:\n${describeBuildError(err)}\n`);
    process.exitCode = 1;
  }
}
