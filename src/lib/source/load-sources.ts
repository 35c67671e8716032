import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { SourceInput } from '../types.ts';
import type { Problem } from '../errors.ts';
import { correctionsSchema } from '../schema/corrections.ts';
import { sourceMetaSchema } from '../schema/source-meta.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Zod issues → problems naming the file and the field. */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.join('.') || undefined,
    message: issue.message,
  }));
}

export function readYaml(file: string, problems: Problem[]): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (e) {
    problems.push({ file, message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/**
 * Reads every `content/sources/<slug>.txt` with its `<slug>.meta.yaml` and optional
 * `content/corrections/<slug>.yaml`. Reports every problem of every source at once.
 */
export function loadSources(contentDir: string): { inputs: SourceInput[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const inputs: SourceInput[] = [];
  const dir = join(contentDir, 'sources');
  const names = readdirSync(dir).sort();
  for (const name of names) {
    if (name.endsWith('.meta.yaml')) {
      if (!names.includes(name.replace(/\.meta\.yaml$/, '.txt'))) {
        problems.push({ file: join(dir, name), message: 'has no matching .txt source', hint: 'Add the text or remove the metadata file.' });
      }
      continue;
    }
    if (!name.endsWith('.txt')) continue;
    const slug = name.slice(0, -4);
    const file = join(dir, name);
    if (!SLUG.test(slug)) {
      problems.push({ file, message: `file name "${slug}" is not a valid slug`, hint: 'Use lowercase letters, digits and hyphens.' });
      continue;
    }
    const metaFile = join(dir, `${slug}.meta.yaml`);
    if (!existsSync(metaFile)) {
      problems.push({ file: metaFile, message: 'is missing', hint: 'Every source needs a metadata file; see README “Adding a document”.' });
      continue;
    }
    const metaRaw = readYaml(metaFile, problems);
    const meta = sourceMetaSchema.safeParse(metaRaw);
    if (!meta.success) problems.push(...zodProblems(metaFile, meta.error));
    const correctionsFile = join(contentDir, 'corrections', `${slug}.yaml`);
    const correctionsRaw = existsSync(correctionsFile) ? readYaml(correctionsFile, problems) : {};
    const corrections = correctionsSchema.safeParse(correctionsRaw);
    if (!corrections.success) problems.push(...zodProblems(correctionsFile, corrections.error));
    const bytes = readFileSync(file);
    if (meta.success && createHash('sha256').update(bytes).digest('hex') !== meta.data.sha256) {
      problems.push({
        file,
        message: 'does not match the sha256 recorded in its metadata',
        hint: 'Sources are kept exactly as received; put fixes in content/corrections/. For a new version of the text, update sha256.',
      });
    } else if (meta.success && corrections.success) {
      inputs.push({ slug, file, bytes, meta: meta.data, corrections: corrections.data, correctionsFile });
    }
  }
  if (inputs.length === 0 && problems.length === 0) problems.push({ file: dir, message: 'holds no sources (*.txt)' });
  return { inputs, problems };
}
