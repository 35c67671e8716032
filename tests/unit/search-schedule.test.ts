import { describe, expect, it } from 'vitest';
import { leadingDebounce } from '../../src/lib/search/schedule.ts';

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  let timers: Array<{ at: number; cb: () => void; id: number }> = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => {
      timers.push({ at: now + ms, cb, id: next });
      return next++;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.cb();
      }
      now = until;
    },
  };
}

describe('leadingDebounce', () => {
  it('runs the first keystroke at once and coalesces a burst into one trailing run', () => {
    const clock = fakeClock();
    const runs: string[] = [];
    const type = leadingDebounce((q: string) => runs.push(`${clock.now()}:${q}`), 100, clock);
    type('深');
    expect(runs).toEqual(['0:深']);
    for (const q of ['深化', '深化走', '深化走访']) {
      clock.advance(30);
      type(q);
    }
    expect(runs).toEqual(['0:深']);
    clock.advance(99);
    expect(runs).toEqual(['0:深']);
    clock.advance(1);
    expect(runs).toEqual(['0:深', '190:深化走访']);
  });

  it('runs at once again after a pause', () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const type = leadingDebounce(() => runs.push(clock.now()), 100, clock);
    type();
    clock.advance(500);
    type();
    expect(runs).toEqual([0, 500]);
  });

  it('can be cancelled (a submitted form searches at once instead)', () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const type = leadingDebounce(() => runs.push(clock.now()), 100, clock);
    type();
    clock.advance(10);
    type();
    type.cancel();
    clock.advance(1000);
    expect(runs).toEqual([0]);
  });
});
