/**
 * Builds into a folder beside the output and puts it in place only when the build succeeded, so a
 * failed build never leaves a half-built site that looks deployable: the last good `dist/` stays.
 * The new site is a sibling of `dist/` (same file system), so putting it in place is two renames.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The folder a build writes into before it replaces `outDir`: `dist` → `.dist.building`. */
export const buildingDir = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.building`);
const previousDir = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.previous`);

/**
 * Runs `build(tempDir)`; on success the temporary folder replaces `outDir`, on failure it is
 * removed and the error re-thrown with `outDir` untouched. Leftovers of an interrupted build
 * (killed before either happened) are removed first.
 */
export async function buildAtomically(outDir: string, build: (tempDir: string) => Promise<void>): Promise<void> {
  const temp = buildingDir(outDir);
  const previous = previousDir(outDir);
  rmSync(temp, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  try {
    await build(temp);
    if (!existsSync(temp)) throw new Error(`the build wrote nothing into ${temp}`);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(temp, outDir);
  rmSync(previous, { recursive: true, force: true });
}
