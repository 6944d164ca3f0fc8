// The sensitivity stepper's model: from (preset, observation times, τ, options) to the numbers the
// view shows, and the rules for moving τ (keys, steps, observations, playback). Pure: the numbers come
// from the shared trace (lib/adjoint through components/widgets/shared/sensitivityTrace.ts) and from
// the discrete product (discreteProduct.ts); nothing is integrated or differentiated here.
import { z } from 'zod';
import { qBoolean, qInt, qNumber } from '@/components/embed/queryParams';
import { sharedStateShape } from '@/components/widgets/shared/urlState';
import { problemFor, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import type { SensitivityTrace } from '@/components/widgets/shared/traceTypes';
import {
  clampTau,
  jumpAt,
  nextObservation,
  nextStepBackward,
  nextStepForward,
  nfeAt,
  prevObservation,
  sAt,
  zBackAt,
  zFwdAt,
} from '@/components/widgets/shared/traceLookup';
import { discreteProduct, discreteSAt, type DiscreteTrace } from './discreteProduct';

// ---- URL / embed state ----
export const STEP_BUDGETS = [10_000, 100, 10] as const;

export const sensitivitySchema = z.object({
  ...sharedStateShape,
  /** Show backprop through Euler steps beside the continuous adjoint. */
  discrete: qBoolean(false),
  /** Euler steps per observation interval in the discrete view. */
  steps: qInt(8, { min: 1, max: 256 }),
  /** Playback speed multiplier (1 = the whole span in PLAY_SECONDS). */
  speed: qNumber(1, { min: 0.25, max: 4 }),
  /** Step budget of the solver (lib/ode maxSteps): a small budget shows how a failed solve looks. */
  budget: qInt(10_000, { min: 5, max: 100_000 }),
});
export type SensitivityUrlState = z.infer<typeof sensitivitySchema>;

/** Controls an embed may hide with ?hide=a,b. */
export const SENSITIVITY_HIDABLE = ['preset', 'obs', 'play', 'step', 'speed', 'discrete', 'budget'] as const;

// ---- traces (shared with the jacobian and integral widgets) ----
export { traceFor, traceKey } from '@/components/widgets/shared/presetTrace';

const discreteMemo = new Map<string, DiscreteTrace>();
/** Backprop through `steps` Euler steps per interval (memoised, a few entries). */
export function discreteFor(presetId: SensitivityPresetId, obs: readonly number[], steps: number): DiscreteTrace {
  const key = `${presetId}|${obs.join(',')}|${steps}`;
  let d = discreteMemo.get(key);
  if (!d) {
    d = discreteProduct(problemFor(presetId, obs), steps);
    discreteMemo.set(key, d);
    if (discreteMemo.size > 8) discreteMemo.delete(discreteMemo.keys().next().value as string);
  }
  return d;
}

// ---- what is shown at τ ----
/** "Just after" an observation (in the backward direction): within this fraction of the span below it. */
export const JUST_AFTER_FRACTION = 0.02;

export interface Readout {
  tau: number;
  s: Float64Array;
  zFwd: Float64Array;
  zBack: Float64Array;
  /** ‖z_back(τ) − z_fwd(τ)‖₂: how far the backward reconstruction has drifted. */
  gap: number;
  /** Backward function evaluations spent from t_N down to τ. */
  nfe: number;
  /** k when τ sits at or just below t_k (k ≥ 1), else −1. */
  obsIndex: number;
  /** ∂L/∂ẑ_k for that k, else null. */
  jump: Float64Array | null;
  /** s from the discrete product at τ, when the discrete view is on. */
  sDiscrete: Float64Array | null;
}

/** The observation τ sits at or just below (backward pass has just crossed it), or −1. */
export function justAfterObservation(trace: SensitivityTrace, tau: number): number {
  const t = trace.obsTimes;
  const span = t[t.length - 1] - t[0];
  const x = clampTau(trace, tau);
  for (let k = 1; k < t.length; k++) {
    const d = t[k] - x;
    if (d >= -1e-12 * span && d <= JUST_AFTER_FRACTION * span) return k;
  }
  return -1;
}

export function readoutAt(trace: SensitivityTrace, tau: number, discrete: DiscreteTrace | null = null): Readout {
  const x = clampTau(trace, tau);
  const zFwd = zFwdAt(trace, x);
  const zBack = zBackAt(trace, x);
  let gap = 0;
  for (let d = 0; d < trace.D; d++) gap += (zBack[d] - zFwd[d]) ** 2;
  const k = justAfterObservation(trace, x);
  return {
    tau: x,
    s: sAt(trace, x),
    zFwd,
    zBack,
    gap: Math.sqrt(gap),
    nfe: nfeAt(trace, x),
    obsIndex: k,
    jump: k >= 1 ? jumpAt(trace, k) : null,
    sDiscrete: discrete ? discreteSAt(discrete, x) : null,
  };
}

// ---- moving τ ----
/** Keyboard scrub step and page step, as fractions of the span. */
export const SCRUB_STEP_FRACTION = 1 / 200;
export const SCRUB_PAGE_FRACTION = 1 / 20;

/**
 * τ after a key press on the scrubber (APG slider: Right/Up increase, PageUp/PageDown big steps,
 * Home/End the ends), or null for other keys. A move that would cross an observation time stops
 * exactly on it, so stepping backward always lands on t_k and shows its jump.
 */
export function keyTau(trace: SensitivityTrace, tau: number, key: string, shift = false): number | null {
  const t = trace.obsTimes;
  const lo = t[0];
  const hi = t[t.length - 1];
  const span = hi - lo;
  const small = span * (shift ? SCRUB_PAGE_FRACTION : SCRUB_STEP_FRACTION);
  const x = clampTau(trace, tau);
  let target: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      target = x + small;
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      target = x - small;
      break;
    case 'PageUp':
      target = x + span * SCRUB_PAGE_FRACTION;
      break;
    case 'PageDown':
      target = x - span * SCRUB_PAGE_FRACTION;
      break;
    case 'Home':
      return lo;
    case 'End':
      return hi;
    default:
      return null;
  }
  return snapAcross(trace, x, target);
}

/** target, unless an observation lies strictly between x and target (then that observation). */
export function snapAcross(trace: SensitivityTrace, x: number, target: number): number {
  const t = trace.obsTimes;
  const clamped = clampTau(trace, target);
  if (clamped < x) {
    const o = prevObservation(trace, x);
    return o > clamped ? o : clamped;
  }
  if (clamped > x) {
    const o = nextObservation(trace, x);
    return o < clamped && o > x ? o : clamped;
  }
  return t.length ? clamped : x;
}

export type StepCommand = 'step-back' | 'step-forward' | 'obs-back' | 'obs-forward';

/** τ after a stepper button: one backward-solver step, or the previous/next observation. */
export function commandTau(trace: SensitivityTrace, tau: number, cmd: StepCommand): number {
  const x = clampTau(trace, tau);
  switch (cmd) {
    case 'step-back':
      return snapAcross(trace, x, nextStepBackward(trace, x));
    case 'step-forward':
      return snapAcross(trace, x, nextStepForward(trace, x));
    case 'obs-back':
      return prevObservation(trace, x);
    case 'obs-forward':
      return nextObservation(trace, x);
  }
}

/** Seconds for the whole span at speed 1. */
export const PLAY_SECONDS = 8;

export type PlayDirection = 'backward' | 'forward';

/** τ after `dtSeconds` of playback (gliding through observations); `done` at t_0 or t_N. */
export function playTau(trace: SensitivityTrace, tau: number, dir: PlayDirection, speed: number, dtSeconds: number): { tau: number; done: boolean } {
  const t = trace.obsTimes;
  const lo = t[0];
  const hi = t[t.length - 1];
  const delta = ((hi - lo) * speed * dtSeconds) / PLAY_SECONDS;
  // Only the end we move towards finishes playback (starting backward AT t_N is the usual case).
  if (dir === 'backward') {
    const next = Math.min(hi, clampTau(trace, tau) - delta);
    return next <= lo ? { tau: lo, done: true } : { tau: next, done: false };
  }
  const next = Math.max(lo, clampTau(trace, tau) + delta);
  return next >= hi ? { tau: hi, done: true } : { tau: next, done: false };
}

/** Where playback starts: from the far end when τ already sits at the end it would move towards. */
export function playStart(trace: SensitivityTrace, tau: number, dir: PlayDirection): number {
  const t = trace.obsTimes;
  const x = clampTau(trace, tau);
  if (dir === 'backward' && x <= t[0]) return t[t.length - 1];
  if (dir === 'forward' && x >= t[t.length - 1]) return t[0];
  return x;
}

/** Observation times with one more inserted in the middle of the widest gap (for the "+" button). */
export function withExtraObservation(obs: readonly number[]): number[] {
  let best = 1;
  for (let i = 2; i < obs.length; i++) if (obs[i] - obs[i - 1] > obs[best] - obs[best - 1]) best = i;
  const mid = Math.round(((obs[best] + obs[best - 1]) / 2) * 1000) / 1000;
  return [...obs.slice(0, best), mid, ...obs.slice(best)];
}

/** Observation times without the last one (the "−" button). */
export function withoutLastObservation(obs: readonly number[]): number[] {
  return obs.slice(0, -1);
}

/** The announcement for the live region. */
export function announcement(r: Readout, fmt: (v: number) => string): string {
  const s = Array.from(r.s, fmt).join(', ');
  const jump = r.jump && r.obsIndex >= 1 ? `; just passed observation ${r.obsIndex}, jump (${Array.from(r.jump, fmt).join(', ')})` : '';
  return `τ = ${fmt(r.tau)}, s(τ) = (${s})${jump}`;
}
