import type { Backend, OdeOptions, OdeSolution, VectorField } from './types';
import { InvalidInputError } from './errors';
import { integrate } from './integrate';
import { resolveOptions, validateTimes } from './validateOptions';

/**
 * Solve dz/dt = f(t, z), z(t[0]) = z0, and return z at every t[i] (t strictly increasing or strictly
 * decreasing; a single time returns a copy of z0). Input is validated before anything is integrated.
 *
 * Throws (all subclasses of OdeError): InvalidInputError, MaxStepsExceededError,
 * StepSizeUnderflowError ('non-finite' | 'too-small'). Errors thrown by f itself propagate unchanged.
 * With the tfjs backend every tensor the call created is disposed on any error, and on success only
 * the returned ys remain (the caller disposes them).
 */
export function odeint<V>(
  f: VectorField<V>,
  z0: V,
  t: ArrayLike<number>,
  options: OdeOptions | undefined,
  backend: Backend<V>,
): OdeSolution<V> {
  const ts = validateTimes(t);
  const cfg = resolveOptions(options, ts);
  if (!backend.allFinite(z0)) {
    throw new InvalidInputError(`z0 contains NaN or Inf (at t = ${ts[0]}); the initial state must be finite.`, ts[0]);
  }
  if (cfg.normChannels !== undefined && backend.name === 'float64') {
    const n = backend.toFloat64(z0).length;
    if (cfg.normChannels > n) {
      throw new InvalidInputError(`normChannels = ${cfg.normChannels} exceeds the state length ${n}.`);
    }
  }
  return backend.guard(() => integrate(f, z0, ts, cfg, backend));
}
