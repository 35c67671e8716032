/**
 * Builds into a folder beside the output and puts it in place only when the build succeeded, so a
 * failed build never leaves a half-built site that looks deployable: the last good `dist/` stays.
 * The new site is a sibling of `dist/` (same file system), so putting it in place is two renames.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The folder a build writes into before it replaces `outDir`: `dist` → `.dist.building`. */
export const buildingDir = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.building`);
/** The replaced site, renamed out of the way: `dist` → `.dist.previous-<process>-<time>`. */
const PREVIOUS = (outDir: string) => `.${basename(outDir)}.previous-`;

/**
 * Deletes a folder the build no longer needs without waiting for it: a detached process removes
 * it while the build finishes. Removing the replaced site in the build itself took about 1.7 s of
 * its main thread at five documents (a thousand files) and grows with the site; nothing after the
 * rename reads it. The folder has a name of its own (PREVIOUS), so the next build never reuses it.
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/**
 * Runs `build(tempDir)`; on success the temporary folder replaces `outDir`, on failure it is
 * removed and the error re-thrown with `outDir` untouched. Leftovers of an interrupted build
 * (killed before either happened) are removed first.
 */
export async function buildAtomically(outDir: string, build: (tempDir: string) => Promise<void>): Promise<void> {
  const temp = buildingDir(outDir);
  rmSync(temp, { recursive: true, force: true });
  // A replaced site whose removal was interrupted (the machine stopped): removed like any other.
  const parent = dirname(outDir);
  if (existsSync(parent))
    for (const name of readdirSync(parent)) if (name.startsWith(PREVIOUS(outDir))) removeInBackground(join(parent, name));
  try {
    await build(temp);
    if (!existsSync(temp)) throw new Error(`the build wrote nothing into ${temp}`);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  const previous = join(parent, `${PREVIOUS(outDir)}${process.pid}-${Date.now()}`);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(temp, outDir);
  if (existsSync(previous)) removeInBackground(previous);
}
