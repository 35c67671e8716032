import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withContentSecurityPolicy, type PolicyOptions } from './content-security-policy.ts';

/** Every HTML page under `dir`, as paths. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Gives every page of a built site its own Content-Security-Policy (hashes of its inline scripts). */
export function applyContentSecurityPolicy(dir: string, options: PolicyOptions = {}): number {
  const files = htmlFiles(dir);
  for (const file of files) writeFileSync(file, withContentSecurityPolicy(readFileSync(file, 'utf8'), options));
  return files.length;
}
