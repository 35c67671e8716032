/**
 * Astro's log for `npm run build` (scripts/build.ts passes it as the `logger` of the build): its
 * warnings, as Astro's own handler writes them, without the line Astro logs when a hook throws
 * ("An unhandled error occurred while running the … hook"). The build command prints every
 * failure itself, once, with the file and what to do (src/lib/build/build-failure.ts); that line
 * would only say where the error passed. `astro build` and `npm run dev` keep Astro's own log.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';

/** Lines that only announce a failure the build command prints itself: a hook threw, the bundle failed. */
const HOOK_WRAPPER = /An unhandled error occurred while running the|Build failed in [\d.]+m?s/;
const RANK = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

export default function buildLog(config: { level?: keyof typeof RANK } = {}): AstroLoggerDestination {
  const level = RANK[config.level ?? 'warn'];
  return {
    write(event: AstroLoggerMessage) {
      if (RANK[event.level as keyof typeof RANK] < level || HOOK_WRAPPER.test(event.message)) return;
      const line = event.label && event.label !== 'SKIP_FORMAT' ? `[${event.label}] ${event.message}` : event.message;
      (RANK[event.level as keyof typeof RANK] >= RANK.error ? process.stderr : process.stdout).write(line + (event.newLine ? '\n' : ''));
    },
  };
}
