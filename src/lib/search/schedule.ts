/**
 * Search-as-you-type timing: a debounce with a leading edge. The first keystroke after a pause
 * searches at once (no added delay); keystrokes that follow within `wait` ms are coalesced into one
 * search `wait` ms after the last of them. Typing `深化走访联系企业机制` quickly runs two searches, not ten.
 */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

export function leadingDebounce<A extends unknown[]>(
  fn: (...args: A) => void,
  wait: number,
  clock: { now(): number; setTimeout(cb: () => void, ms: number): unknown; clearTimeout(id: unknown): void } = {
    now: () => performance.now(),
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): Debounced<A> {
  let last = -Infinity;
  let timer: unknown;
  let pending: A | undefined;
  const debounced = (...args: A) => {
    const now = clock.now();
    const quiet = now - last >= wait && timer === undefined;
    last = now;
    if (quiet) {
      fn(...args);
      return;
    }
    pending = args;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      last = clock.now();
      const a = pending!;
      pending = undefined;
      fn(...a);
    }, wait);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}
