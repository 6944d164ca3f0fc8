'use client';
// Drives playback while `playing`: smooth frames via requestAnimationFrame (onTick gets the elapsed
// seconds), or — when the reader prefers reduced motion — one discrete step every `stepInterval` ms
// (onTick(seconds, true)), so nothing glides. Widgets never autoplay before mount: start `playing`
// false and switch it on in an effect only if `!useReducedMotion()`.
//
//   usePlayLoop(playing, (dt, discrete) => setTau((t) => discrete ? nextObservation(t) : Math.max(0, t - dt * speed)),
//     { reducedMotion });
import { useEffect, useRef } from 'react';

export interface PlayLoopOptions {
  reducedMotion?: boolean;
  /** Milliseconds between discrete steps under reduced motion. Default 800. */
  stepInterval?: number;
}

export function usePlayLoop(playing: boolean, onTick: (seconds: number, discrete: boolean) => void, { reducedMotion = false, stepInterval = 800 }: PlayLoopOptions = {}): void {
  const tick = useRef(onTick);
  useEffect(() => { tick.current = onTick; }, [onTick]);
  useEffect(() => {
    if (!playing || typeof window === 'undefined') return;
    if (reducedMotion) {
      const id = window.setInterval(() => tick.current(stepInterval / 1000, true), stepInterval);
      return () => window.clearInterval(id);
    }
    let raf = 0;
    let last: number | null = null;
    const frame = (now: number) => {
      // Cap a frame at 100 ms so a backgrounded tab does not jump on return.
      if (last !== null) tick.current(Math.min(0.1, (now - last) / 1000), false);
      last = now;
      raf = window.requestAnimationFrame(frame);
    };
    raf = window.requestAnimationFrame(frame);
    return () => window.cancelAnimationFrame(raf);
  }, [playing, reducedMotion, stepInterval]);
}
