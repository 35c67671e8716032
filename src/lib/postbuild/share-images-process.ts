/**
 * The child process that draws share pictures into the cache before Astro's build (started by
 * `drawInChildProcess` in share-images.ts): it receives the pictures to draw, draws them one per
 * core, reports an error if any, and exits, taking sharp's native memory with it.
 */
import { join } from 'node:path';
import { draw, type Job, keep } from './share-images.ts';

interface DrawRequest {
  jobs: Job[];
  cacheDir: string;
  parallel?: number;
}

process.once('message', async ({ jobs, cacheDir, parallel }: DrawRequest) => {
  try {
    await draw(jobs, parallel, (job, png) => keep(join(cacheDir, `${job.key}.png`), png));
    process.exitCode = 0;
  } catch (e) {
    process.send?.({ error: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
  }
  process.disconnect?.();
});
