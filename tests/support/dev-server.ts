import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { copyProject } from '../../tools/project-copy.ts';
import { cleanBuildEnv } from '../setup/build-site.ts';

/** `astro dev` running in a copy of the project: its address, everything it printed so far, and how to stop it. */
export interface DevServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `astro dev` in `dir` on a free port and resolves once it prints its address. It runs in
 * its own process group, so stopping it also stops the dev server npx started.
 */
export async function startDevServer(dir: string, timeoutMs = 120_000): Promise<DevServer> {
  const server: ChildProcess = spawn('npx', ['astro', 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: dir,
    env: cleanBuildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
  };
  server.stdout?.on('data', onData);
  server.stderr?.on('data', onData);
  const started = Date.now();
  let match = log.match(/http:\/\/127\.0\.0\.1:\d+\//);
  while (!match) {
    if (Date.now() - started > timeoutMs || server.exitCode !== null) throw new Error(`dev server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
    match = log.match(/http:\/\/127\.0\.0\.1:\d+\//);
  }
  return {
    url: match[0],
    log: () => log,
    // Stop the whole group and wait for it: a dev server still writing its caches would race the removal of its folder.
    stop: async () => {
      if (!server.pid || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}

/** A dev server on a copy of the project for one test file: started before its tests, stopped and removed after. */
export interface DevProject {
  /** The copy's folder. */
  work: string;
  /** The page at `path` below the server's root, as text. */
  page: (path: string) => Promise<string>;
  /** Everything the server printed so far. */
  log: () => string;
}

export function useDevProject(prefix: string): DevProject {
  const work = copyProject(prefix);
  let server: DevServer | undefined;
  beforeAll(async () => {
    server = await startDevServer(work);
  }, 150_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  });
  return {
    work,
    page: async (path) => (await fetch(server!.url + path)).text(),
    log: () => server?.log() ?? '',
  };
}
