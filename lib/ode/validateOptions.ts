import type { MethodName, OdeOptions } from './types';
import { InvalidInputError } from './errors';
import { TABLEAUS, isAdaptive } from './methods';
import { CONTROLLER_DEFAULTS } from './stepSizeController';
import type { IntegrateConfig } from './integrate';

/** Defaults of the adaptive solver (match torchdiffeq's float32 settings used by the reference files). */
export const ODE_DEFAULTS = {
  method: 'dopri5' as MethodName,
  rtol: 1e-7,
  atol: 1e-9,
  maxSteps: 10_000,
  /** minStep = MIN_STEP_RELATIVE · max(|t_first|, |t_last|, |t_last − t_first|): a few ulps of t. */
  minStepRelative: 1e-14,
} as const;

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof OdeOptions>([
  'method', 'rtol', 'atol', 'firstStep', 'safety', 'minFactor', 'maxFactor', 'pcoeff', 'icoeff',
  'minStep', 'maxSteps', 'stepSize', 'stepsPerInterval', 'normChannels', 'recordSteps',
]);

function bad(msg: string): never {
  throw new InvalidInputError(msg);
}

function positive(name: string, v: number | undefined): void {
  if (v !== undefined && !(Number.isFinite(v) && v > 0)) bad(`Option ${name} must be a finite number > 0, got ${v}.`);
}

function positiveInt(name: string, v: number | undefined): void {
  if (v !== undefined && !(Number.isInteger(v) && v > 0)) bad(`Option ${name} must be a positive integer, got ${v}.`);
}

/** Checks the time grid: at least one point, finite, strictly increasing or strictly decreasing. */
export function validateTimes(t: ArrayLike<number>): number[] {
  if (t === null || typeof t !== 'object' || typeof t.length !== 'number') bad('t must be an array of numbers.');
  if (t.length === 0) bad('t is empty: pass at least one time (t[0] is where z0 is given).');
  const ts = Array.from(t);
  for (let i = 0; i < ts.length; i++) {
    if (typeof ts[i] !== 'number' || !Number.isFinite(ts[i])) {
      throw new InvalidInputError(`t[${i}] = ${ts[i]} is not a finite number.`);
    }
  }
  if (ts.length > 1) {
    const dir = Math.sign(ts[1] - ts[0]);
    for (let i = 1; i < ts.length; i++) {
      const d = ts[i] - ts[i - 1];
      if (d === 0) throw new InvalidInputError(`t has a repeated time t[${i - 1}] = t[${i}] = ${ts[i]}; times must be strictly monotonic.`, ts[i]);
      if (Math.sign(d) !== dir) {
        throw new InvalidInputError(
          `t is not monotonic at t[${i}] = ${ts[i]} (after ${ts[i - 1]}); times must be strictly increasing or strictly decreasing.`,
          ts[i],
        );
      }
    }
  }
  return ts;
}

/** Checks options against the method and the time grid and fills every default. */
export function resolveOptions(options: OdeOptions | undefined, ts: readonly number[]): IntegrateConfig {
  const o: OdeOptions = options ?? {};
  for (const key of Object.keys(o)) {
    if (!KNOWN_KEYS.has(key)) bad(`Unknown option "${key}". Known options: ${[...KNOWN_KEYS].join(', ')}.`);
  }
  const method = o.method ?? ODE_DEFAULTS.method;
  const tableau = TABLEAUS[method];
  if (!tableau) bad(`Unknown method "${String(method)}"; use one of ${Object.keys(TABLEAUS).join(', ')}.`);
  positive('rtol', o.rtol);
  positive('atol', o.atol);
  positive('firstStep', o.firstStep);
  positive('stepSize', o.stepSize);
  positive('maxFactor', o.maxFactor);
  positive('minFactor', o.minFactor);
  positive('safety', o.safety);
  positiveInt('stepsPerInterval', o.stepsPerInterval);
  positiveInt('maxSteps', o.maxSteps);
  positiveInt('normChannels', o.normChannels);
  if (o.minStep !== undefined && !(Number.isFinite(o.minStep) && o.minStep >= 0)) bad(`Option minStep must be a finite number ≥ 0, got ${o.minStep}.`);
  for (const k of ['pcoeff', 'icoeff'] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) bad(`Option ${k} must be a finite number ≥ 0, got ${v}.`);
  }
  if (o.safety !== undefined && o.safety > 1) bad(`Option safety must be in (0, 1], got ${o.safety}.`);
  if (o.minFactor !== undefined && o.minFactor >= 1) bad(`Option minFactor must be in (0, 1), got ${o.minFactor}.`);
  if (o.maxFactor !== undefined && o.maxFactor < 1) bad(`Option maxFactor must be ≥ 1, got ${o.maxFactor}.`);
  if (o.stepSize !== undefined && o.stepsPerInterval !== undefined) {
    bad('Give either stepSize or stepsPerInterval, not both.');
  }
  let fixed: IntegrateConfig['fixed'] = null;
  if (o.stepSize !== undefined) fixed = { stepSize: o.stepSize };
  else if (o.stepsPerInterval !== undefined) fixed = { stepsPerInterval: o.stepsPerInterval };
  else if (!isAdaptive(tableau)) {
    bad(`Method ${method} has no error estimate: give stepSize or stepsPerInterval (or use method 'dopri5').`);
  }
  const tScale = Math.max(Math.abs(ts[0]), Math.abs(ts[ts.length - 1]), Math.abs(ts[ts.length - 1] - ts[0]));
  return {
    tableau,
    fixed,
    rtol: o.rtol ?? ODE_DEFAULTS.rtol,
    atol: o.atol ?? ODE_DEFAULTS.atol,
    firstStep: o.firstStep,
    controller: {
      safety: o.safety ?? CONTROLLER_DEFAULTS.safety,
      minFactor: o.minFactor ?? CONTROLLER_DEFAULTS.minFactor,
      maxFactor: o.maxFactor ?? CONTROLLER_DEFAULTS.maxFactor,
      pcoeff: o.pcoeff ?? CONTROLLER_DEFAULTS.pcoeff,
      icoeff: o.icoeff ?? CONTROLLER_DEFAULTS.icoeff,
      errorOrder: tableau.errorOrder ?? tableau.order - 1,
    },
    minStep: o.minStep ?? ODE_DEFAULTS.minStepRelative * tScale,
    maxSteps: o.maxSteps ?? ODE_DEFAULTS.maxSteps,
    normChannels: o.normChannels,
    recordSteps: o.recordSteps ?? false,
  };
}
