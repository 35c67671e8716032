/**
 * The dev-server benchmark (`npm run bench:dev`, scripts/bench-dev.ts): how long an editor waits
 * in `astro dev`. It starts a dev server, times the first page to answer, then makes edits an editor
 * makes — an entity page's body, a source's metadata, a correction file — and polls the page that
 * shows each over HTTP until the change is served. This module holds the measuring and the
 * Markdown report; the script sets up the project copies and the Starlight folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { median } from './scale-report.ts';

/** What an edit changes: the kinds of file an editor saves. */
export type DevEditKind = 'entity-page' | 'source-meta' | 'correction';

export const EDIT_LABELS: Record<DevEditKind, string> = {
  'entity-page': 'entity page body (content/<kind>/*.md)',
  'source-meta': 'source metadata (title in content/sources/*.meta.yaml)',
  correction: 'correction file (a reason in content/corrections/*.yaml)',
};

export interface DevEditFigures {
  edit: DevEditKind;
  /** The file saved, relative to the project (or the Starlight folder). */
  file: string;
  /** The page polled, relative to the site's base. */
  page: string;
  /** Each edit's time from saving to the page serving it; undefined: not served within the timeout. */
  samplesMs: Array<number | undefined>;
}

export interface DevRun {
  site: 'this site' | 'Starlight 0.42';
  /** Documents in the content (the five sources plus generated ones). */
  documents: number;
  /** From starting the dev server to the first page answering (HTTP 200). */
  firstPageMs?: number;
  /** The home page's path used for `firstPageMs`. */
  firstPage: string;
  edits: DevEditFigures[];
  /** Why the run stopped early, if it did. */
  error?: string;
}

export interface DevContext {
  date: string;
  commit: string;
  machine: string;
  command: string;
}

export interface DevServer {
  /** The URL the server prints, ending in `/` (its base included). */
  url: string;
  process: ChildProcess;
  /** The last lines it printed, for error messages. */
  output: string[];
  stop: () => Promise<void>;
}

// eslint-disable-next-line no-control-regex -- the dev server colours its output
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/\S*/;

/**
 * Starts `node <astroCli> dev` in `cwd` on a free port, in its own process group (so stopping it
 * stops everything it started), and resolves once it prints its URL.
 */
export function startDevServer(astroCli: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<DevServer> {
  const child = spawn(process.execPath, [astroCli, 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const stop = async () => {
    if (!child.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  };
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the dev server in ${cwd} printed no URL within ${timeoutMs / 1000} s:\n${output.slice(-20).join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const lines = text.split('\n');
      text = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line.replace(ANSI_COLOUR, ''));
        if (process.env.BENCH_VERBOSE === '1') console.log(`  | ${line}`);
        if (output.length > 200) output.shift();
      }
      const m = lines.map((line) => URL_LINE.exec(line.replace(ANSI_COLOUR, ''))).find(Boolean);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        // Keep draining the pipes, or a chatty server blocks on a full pipe.
        child.stdout!.on('data', () => {});
        child.stderr!.on('data', () => {});
        resolve({ url: m[0].endsWith('/') ? m[0] : `${m[0]}/`, process: child, output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the dev server in ${cwd} exited (${code}) before printing its URL:\n${output.slice(-20).join('\n')}`));
    });
  });
}

/** GETs `url` every `everyMs` until `accept(body)` holds; the time it took, or undefined after `timeoutMs`. */
export async function pollUntil(
  url: string,
  accept: (status: number, body: string) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<number | undefined> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const response = await fetch(url, {
        cache: 'no-store',
        signal: AbortSignal.timeout(Math.round(Math.max(1000, timeoutMs - (performance.now() - t0)))),
      });
      if (accept(response.status, await response.text())) return performance.now() - t0;
    } catch (error) {
      // Not answering yet (starting or restarting) or too slow: ask again. Anything else is a bug here.
      const name = (error as Error).name;
      if (!(name === 'TimeoutError' || name === 'AbortError' || (error as Error).message === 'fetch failed')) throw error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return undefined;
}

/**
 * One edit, repeated: `rewrite(original, marker)` gives the file's new text showing `marker`,
 * which the page must then serve. Each repetition uses a new marker; the file gets its original
 * text back at the end (and is left as it was before when the page never serves a marker).
 */
export async function measureEdit(options: {
  edit: DevEditKind;
  root: string;
  file: string;
  pageUrl: string;
  page: string;
  rewrite: (original: string, marker: string) => string;
  repeats: number;
  timeoutMs: number;
}): Promise<DevEditFigures> {
  const path = `${options.root}/${options.file}`;
  const original = readFileSync(path, 'utf8');
  const samplesMs: Array<number | undefined> = [];
  try {
    for (let i = 0; i < options.repeats; i++) {
      // Only CJK characters and digits: nothing the page would escape, and no entity's name.
      const marker = `测速标记${Date.now() % 1_000_000}${i}号`;
      const changed = options.rewrite(original, marker);
      if (!changed.includes(marker)) throw new Error(`${options.file}: the edit did not write its marker (the file's shape changed?)`);
      const t0 = performance.now();
      writeFileSync(path, changed);
      const waited = await pollUntil(options.pageUrl, (status, body) => status === 200 && body.includes(marker), options.timeoutMs);
      samplesMs.push(waited === undefined ? undefined : performance.now() - t0);
      console.log(
        `  ${options.edit}: ${waited === undefined ? `not served within ${options.timeoutMs / 1000} s` : `${((performance.now() - t0) / 1000).toFixed(2)} s`}`,
      );
      if (waited === undefined) break; // the next edits would time out the same way
      // Let the server settle before the next save: Starlight's dev server missed a save made one
      // second after it served the previous one (the page kept the old text for minutes).
      await new Promise((r) => setTimeout(r, 3000));
    }
  } finally {
    writeFileSync(path, original);
  }
  return { edit: options.edit, file: options.file, page: options.page, samplesMs };
}

const sec = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** Median of the served samples, and how many timed out. */
export function summarizeSamples(samples: Array<number | undefined>): { medianMs?: number; served: number; timedOut: number } {
  const served = samples.filter((s): s is number => s !== undefined);
  return { medianMs: served.length ? median(served) : undefined, served: served.length, timedOut: samples.length - served.length };
}

/** The Markdown report: one column per run (site × documents). */
export function renderDevReport(runs: DevRun[], context: DevContext): string {
  const header = [
    `| | ${runs.map((r) => `${r.site}, ${r.documents.toLocaleString('en')} documents`).join(' | ')} |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
  ];
  const editCell = (run: DevRun, kind: DevEditKind) => {
    const figures = run.edits.find((e) => e.edit === kind);
    if (!figures) return run.site === 'Starlight 0.42' && kind !== 'entity-page' ? 'n/a' : 'not run';
    const { medianMs, served, timedOut } = summarizeSamples(figures.samplesMs);
    const all = figures.samplesMs.map(sec).join(', ');
    return `**${sec(medianMs)}** (${served} of ${figures.samplesMs.length}${timedOut ? `, ${timedOut} not served` : ''}: ${all})`;
  };
  const rows = [
    `| time to first page (start → home page answers) | ${runs.map((r) => (r.error && r.firstPageMs === undefined ? `failed: ${r.error.replace(/\|/g, '\\|').slice(0, 120)}` : sec(r.firstPageMs))).join(' | ')} |`,
    ...(Object.keys(EDIT_LABELS) as DevEditKind[]).map(
      (kind) => `| save → page shows it: ${EDIT_LABELS[kind]}, median | ${runs.map((r) => editCell(r, kind)).join(' | ')} |`,
    ),
  ];
  const errors = runs
    .filter((r) => r.error && r.firstPageMs !== undefined)
    .map((r) => `- ${r.site}, ${r.documents} documents: stopped early: ${r.error}`);
  return [
    `Measured ${context.date} at commit ${context.commit} by \`${context.command}\` on ${context.machine}.`,
    '',
    ...header,
    ...rows,
    '',
    ...(errors.length ? [...errors, ''] : []),
    'Times are wall-clock from saving the file to the first HTTP response of the page that contains the change (polled every 100 ms), median of the edits, each sample listed. Generated documents come from tools/bench/generate-corpus.ts. Starlight has no metadata or correction files; its entity pages are the same Markdown pages.',
    '',
  ].join('\n');
}
