// Is dist/ the build of the current sources? bin/sightline asks on every start, so the check is cheap: the
// build's manifest lists each input (and output) with its mtime and size, and one stat per file tells
// whether any changed, vanished or was replaced. A stale or missing build is rebuilt (esbuild, well under a
// second) rather than run from source through tsx, which costs more on every start and in every worker.

import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const PACKAGE_ROOT = dirname(import.meta.dirname);
export const MANIFEST_FILE = 'build-manifest.json';

/** [mtimeMs, size] of a file, or null when it does not exist. */
export function fileStamp(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? [st.mtimeMs, st.size] : null;
}

/** True when `root`/dist/ was built from the sources as they are now. */
export function isBuildFresh(root = PACKAGE_ROOT) {
  let files;
  try {
    files = JSON.parse(readFileSync(`${root}/dist/${MANIFEST_FILE}`, 'utf8')).files;
  } catch {
    return false;
  }
  if (!Array.isArray(files) || files.length === 0) return false;
  // Plain string paths and a bare loop: this runs on every start (~300 files, a few ms).
  for (const [file, mtimeMs, size] of files) {
    const st = statSync(`${root}/${file}`, { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== mtimeMs || st.size !== size) return false;
  }
  return true;
}

/** Rebuilds dist/ when stale; false (with the reason on stderr) when the sources do not build. */
export async function ensureFreshBuild() {
  if (isBuildFresh()) return true;
  const { build, describeBuildError } = await import('./build.mjs');
  try {
    await build();
    return true;
  } catch (err) {
    process.stderr.write(`sightline: dist/ is older than the sources and rebuilding it failed:\n${describeBuildError(err)}\n`);
    return false;
  }
}
