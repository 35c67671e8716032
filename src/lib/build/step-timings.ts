/**
 * Build step timings for `npm run bench:scale`: with BENCH_TIMINGS=1 the build prints one line as
 * each step starts and one as it ends, with its wall time and the build process's peak RSS so far.
 * The benchmark reads these lines to attribute time and memory (sampled across the whole process
 * tree) to steps. Silent otherwise.
 */
const enabled = () => process.env.BENCH_TIMINGS === '1';

export const STEP_LINE = /^\[bench-step\] (start|end) (\S+)(?: ms=(\d+) maxrss=(\d+))?$/;

export function stepStart(name: string): () => void {
  if (!enabled()) return () => {};
  const t0 = performance.now();
  console.log(`[bench-step] start ${name}`);
  return () => {
    const maxRss = Math.round(process.resourceUsage().maxRSS / 1024); // kB → MB
    console.log(`[bench-step] end ${name} ms=${Math.round(performance.now() - t0)} maxrss=${maxRss}`);
  };
}

export async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const end = stepStart(name);
  try {
    return await step();
  } finally {
    end();
  }
}

/**
 * A part of a step (the compile's stages, each stage of a dev recompile): with BENCH_TIMINGS=1 one
 * line `[bench-time] <name> ms=<wall time>` as it ends. Not a STEP_LINE, so `npm run bench:scale`
 * keeps attributing time and memory to the enclosing step.
 */
export function partStart(name: string): () => void {
  if (!enabled()) return () => {};
  const t0 = performance.now();
  return () => console.log(`[bench-time] ${name} ms=${Math.round(performance.now() - t0)}`);
}
