import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { copyProject } from '../../tools/project-copy.ts';

/**
 * `npm run dev` runs the same pipeline as the build, and keeps it current: when an entity page
 * changes, the compiler runs again and the pages that show its backlinks change without a restart.
 * Runs in a copy of the project so the real content is never touched.
 */
const work = copyProject('dev-server-');
let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  // Its own process group, so the dev server (a child of npx) is stopped with it.
  server = spawn('npx', ['astro', 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: work,
    env: cleanBuildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
  });
}, 150_000);

afterAll(async () => {
  // Stop the whole group and wait for it: a dev server still writing its caches would race the removal.
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
});

const page = async (path: string) => (await fetch(url + path)).text();

describe('npm run dev', () => {
  it('shows a changed entity page’s new mention on the mentioned page without a restart', async () => {
    const before = await page('policies/hezhangzhi/');
    expect(before).toContain('河长制');
    // 楼长制 appears once among the page's related entities: its 关系 list, the sidebar, or the entity pages mentioning it.
    const listed = /<li[^>]*data-entity="policies\/louzhangzhi"|提及本条目的其他条目[\s\S]*楼长制/;
    expect(before).not.toMatch(listed);

    appendFileSync(
      join(work, 'content/policies/louzhangzhi.md'),
      '\n与河长制类似，楼长制把责任落实到人。[〔2023年报道〕](cite:changzheng-party-building-2023 "累计走访企业近千户次")\n',
    );
    let after = '';
    for (let i = 0; i < 60 && !listed.test(after); i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await page('policies/hezhangzhi/');
    }
    expect(after).toMatch(listed);
  }, 60_000);
});
