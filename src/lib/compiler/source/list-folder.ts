import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../errors.ts';

export interface FolderEntry {
  name: string;
  path: string;
  kind: 'file' | 'folder';
}

/** A file-system error (EISDIR, ENOENT, EACCES…) → one problem naming the file, never a stack trace. */
export function describeFileError(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { file, message: 'does not exist', hint: 'Check the name, or create it.' };
    case 'EISDIR':
      return { file, message: 'is a folder, but a file is expected here', hint: 'Rename or remove the folder.' };
    case 'ENOTDIR':
      return { file, message: 'is a file, but a folder is expected here', hint: 'Rename or remove the file.' };
    case 'EACCES':
    case 'EPERM':
      return { file, message: 'cannot be read (permission denied)', hint: 'Make it readable for the user running the build.' };
    default:
      return { file, message: `cannot be read (${code ?? (error as Error | undefined)?.message ?? 'unknown error'})` };
  }
}

/**
 * The entries of a content folder, sorted by name, with symbolic links followed. A missing folder,
 * a broken link or an unreadable entry becomes a problem; hidden files (.DS_Store, .gitkeep) are
 * never content and are skipped.
 */
export function listFolder(dir: string, problems: Problem[], missing: Pick<Problem, 'message' | 'hint'>): FolderEntry[] | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push(code === 'ENOENT' ? { file: dir, ...missing } : describeFileError(dir, e));
    return undefined;
  }
  const entries: FolderEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      const stat = statSync(path); // follows symbolic links
      entries.push({ name, path, kind: stat.isDirectory() ? 'folder' : 'file' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        let target = '';
        try {
          target = readlinkSync(path);
        } catch {
          // not a link after all: it vanished while we read the folder
        }
        problems.push({
          file: path,
          message: target ? `is a symbolic link to "${target}", which does not exist` : 'disappeared while the folder was read',
          hint: target ? 'Point the link at an existing file, or replace it with the file itself.' : undefined,
        });
      } else problems.push(describeFileError(path, e));
    }
  }
  return entries;
}
