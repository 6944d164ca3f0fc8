'use client';
// "Train 50 steps" in requestAnimationFrame slices: each frame takes gradient steps until ~8 ms are
// spent (at least one), then shows the new state, so the page keeps responding (a step is ~10 ms warm).
// With reduced motion nothing is shown until the last step: the figure jumps to the result.
// The loop always continues from the figure's CURRENT z0, so dragging z0 while training just changes
// what the network is fitted to.
import { useCallback, useEffect, useRef, useState } from 'react';
import { gradientStep, trueSamples, type SamplesState, type Vec2 } from './model';

const FRAME_BUDGET_MS = 8;

export interface TrainingOptions {
  /** The figure's current state (read at every frame). */
  current: () => SamplesState;
  /** Show a state; `done` on the last call of a run. Returns false if the state could not be shown. */
  commit: (state: SamplesState, done: boolean) => boolean;
  onError: (error: unknown) => void;
  reducedMotion: boolean;
}

export interface Training {
  running: boolean;
  start: (steps: number) => void;
  stop: () => void;
}

export function useTraining({ current, commit, onError, reducedMotion }: TrainingOptions): Training {
  const [running, setRunning] = useState(false);
  const raf = useRef<number | null>(null);
  // The latest callbacks, so a running loop never calls stale ones.
  const opts = useRef({ current, commit, onError, reducedMotion });
  opts.current = { current, commit, onError, reducedMotion };

  const stop = useCallback(() => {
    if (raf.current !== null) cancelAnimationFrame(raf.current);
    raf.current = null;
    setRunning(false);
  }, []);

  const start = useCallback(
    (steps: number) => {
      if (raf.current !== null) return;
      let remaining = steps;
      let state = opts.current.current();
      let samplesKey = '';
      let samples: Vec2[] = [];
      const frame = () => {
        const { current: latest, commit: show, onError: fail, reducedMotion: quiet } = opts.current;
        // Keep our θ, take the reader's z0 (they may have dragged it since the last frame).
        state = { ...state, z0: latest().z0 };
        const t0 = performance.now();
        try {
          const key = `${state.z0[0]},${state.z0[1]}`;
          if (key !== samplesKey) {
            samples = trueSamples(state.z0).samples;
            samplesKey = key;
          }
          do {
            const r = gradientStep(state, samples);
            state = r.state;
            remaining = r.moved ? remaining - 1 : 0;
          } while (remaining > 0 && performance.now() - t0 < FRAME_BUDGET_MS);
        } catch (err) {
          fail(err);
          remaining = 0;
        }
        const done = remaining <= 0;
        if (!quiet || done) {
          if (!show(state, done)) remaining = 0;
        }
        if (remaining > 0) {
          raf.current = requestAnimationFrame(frame);
        } else {
          raf.current = null;
          setRunning(false);
        }
      };
      setRunning(true);
      raf.current = requestAnimationFrame(frame);
    },
    [],
  );

  useEffect(() => () => {
    if (raf.current !== null) cancelAnimationFrame(raf.current);
  }, []);

  return { running, start, stop };
}
