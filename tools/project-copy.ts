import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

/**
 * A throw-away copy of the project (the files git knows, as they are in the work tree) with the
 * real node_modules linked in, for tests that change content or configuration and build.
 */
export function copyProject(prefix: string): string {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(PROJECT_ROOT, file));
    } catch {
      continue; // deleted in the work tree, not yet in the index
    }
    mkdirSync(dirname(join(work, file)), { recursive: true });
    writeFileSync(join(work, file), bytes);
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  return work;
}
