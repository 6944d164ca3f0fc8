// Trailing throttle with an injectable clock: calls `fn` at most once per `interval` ms with the LATEST
// value (so a screen reader hears where the reader stopped, not every intermediate value).
//
//   const t = createThrottle((m: string) => setMessage(m), 500);
//   t.push('t = 0.5'); t.push('t = 0.6');   // the first is sent now, the second ≤ 500 ms later
//   t.cancel();                              // on unmount

export interface Throttle<T> {
  push(value: T): void;
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createThrottle<T>(fn: (value: T) => void, interval: number, clock: Clock = realClock): Throttle<T> {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  let timer: unknown = null;
  const flush = () => {
    timer = null;
    if (pending) {
      const { value } = pending;
      pending = null;
      last = clock.now();
      fn(value);
    }
  };
  return {
    push(value) {
      const wait = last + interval - clock.now();
      if (wait <= 0 && timer === null) {
        last = clock.now();
        fn(value);
      } else {
        pending = { value };
        if (timer === null) timer = clock.setTimeout(flush, Math.max(0, wait));
      }
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
