import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Nu Html Checker (the W3C validator) shipped by the vnu-jar package; it needs Java (`.ci/run` installs it). */
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  /** The file checked (vnu writes `file:/…` URLs). */
  file: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * Validates the files in one Java start (which costs more than the checking) and returns every
 * error, each naming its file. Throws if Java or the validator cannot run, rather than pass.
 */
export function validateHtml(files: string[]): VnuMessage[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `cannot run the HTML validator (java -jar vnu.jar): ${run.error.message}. Install a Java runtime (Debian: apt-get install default-jre-headless).`,
    );
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(run.stdout) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`the HTML validator did not report (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  const known = new Set(files.map((f) => resolve(f)));
  const messages = report.messages.map((m) => ({ ...m, file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : String(m.url) }));
  for (const m of messages)
    if (!known.has(m.file)) throw new Error(`the HTML validator reported on an unexpected file: ${m.url}: ${m.message}`);
  return messages.filter((m) => m.type !== 'info');
}
