/**
 * Public contract of lib/ode. Everything else in lib/ and components/ codes against these types.
 * (Implementation: odeint.ts, the stepping loop in integrate.ts, tableaus in one file each,
 * backends in backendFloat64.ts / backendTfjs.ts.)
 *
 * Changes from the first draft (kept compatible in spirit):
 * - Backend.linComb takes `base: V | null` (null = no base, used for the error estimate h·Σ eᵢkᵢ).
 * - Backend.scope is generic over any return value: tensors reachable from the result survive.
 * - Backend gained clone (ys[0] is a copy of z0), describe (shape text for error messages) and guard
 *   (error cleanup of engine state for a whole solve).
 * - errorNorm returns NaN when y1 is not finite, so one number decides accept / reject / blow-up.
 * - AcceptedStep gained `interval` (which output interval the step belongs to; the last step of
 *   interval i ends exactly at t[i]).
 * - OdeOptions: `minStep` default is 1e-14 · max(|t_first|, |t_last|, |t_last − t_first|).
 */

/** Solver methods. Fixed-step methods need `stepSize` or `stepsPerInterval`; dopri5 is adaptive
 *  (and runs with fixed steps, without error control, if given stepSize/stepsPerInterval). */
export type MethodName = 'euler' | 'midpoint' | 'rk4' | 'dopri5';

/**
 * A numeric backend: how to do the few vector operations the stepping loop needs on values of type V.
 * float64: V = Float64Array (a flattened [batch, D] row-major state, or any flat vector).
 * tfjs:    V = tf.Tensor[] (a tuple of float32 tensors: [z] for a plain solve, [z, s, ...gθ] for augmented systems).
 * Values are immutable: every operation returns a new V.
 */
export interface Backend<V> {
  readonly name: 'float64' | 'tfjs';
  /** base + h * Σ coeffs[i] * ks[i] (base = null: just the sum); zero coefficients are skipped;
   *  coeffs may be shorter than ks (only the first coeffs.length ks are used). */
  linComb(base: V | null, h: number, coeffs: readonly number[], ks: readonly V[]): V;
  /** RMS over the entries of err / (atol + rtol * max(|y0|, |y1|)); `channels` restricts to some tuple
   *  entries (tfjs) or a leading slice length (float64) — used by the seminorm option of the adjoint.
   *  Returns NaN if err or y1 (all of it, not only the channels) holds a NaN or ±Inf. */
  errorNorm(err: V, y0: V, y1: V, rtol: number, atol: number, channels?: number): number;
  /** RMS norm of v (used by the automatic first-step selection). */
  rms(v: V): number;
  allFinite(v: V): boolean;
  /** Run fn in a memory scope: tfjs disposes every tensor fn created except the ones reachable from
   *  the returned value (values, arrays and plain objects of them). float64: just calls fn. */
  scope<T>(fn: () => T): T;
  dispose(v: V): void;
  /** A copy (tfjs: tf.clone per entry, so it stays on the gradient tape). */
  clone(v: V): V;
  /** Shape text for messages and shape checks, e.g. "float64[40]" or "[[20,2]]". */
  describe(v: V): string;
  /** Copy to plain float64 data (flattened over the tuple, for tfjs). */
  toFloat64(v: V): Float64Array;
  /** Run a whole solve; on error, also release what the numeric engine keeps for it behind our back
   *  (tfjs inside tf.grads: the gradient-tape records of the failed solve and their saved tensors). */
  guard<T>(fn: () => T): T;
}

/** dz/dt = f(t, z). Must not mutate z. */
export type VectorField<V> = (t: number, z: V) => V;

export interface OdeOptions {
  method?: MethodName; // default 'dopri5'
  /** Adaptive (dopri5) */
  rtol?: number; // default 1e-7
  atol?: number; // default 1e-9
  firstStep?: number; // default: automatic (Hairer's algorithm)
  safety?: number; // default 0.9
  minFactor?: number; // default 0.2
  maxFactor?: number; // default 10
  /** PI controller coefficients (diffrax convention, see stepSizeController.ts): the step factor is
   *  safety · err^(−(pcoeff+icoeff)/k) · errPrev^(pcoeff/k), k = errorOrder + 1.
   *  Defaults pcoeff 0.2, icoeff 0.65 → Hairer's DOPRI5 exponents 0.17 and 0.04. */
  pcoeff?: number;
  icoeff?: number;
  minStep?: number; // |h| below this → StepSizeUnderflowError('too-small'); default 1e-14 * |t|-scale
  maxSteps?: number; // total accepted+rejected steps over the whole call; default 10_000
  /** Fixed-step methods: exactly one of these (stepSize is clipped so each interval ends exactly on its t_i). */
  stepSize?: number;
  stepsPerInterval?: number;
  /** Error-norm restriction (seminorm): only the first `normChannels` tuple entries / leading entries count. */
  normChannels?: number;
  /** Keep every accepted step (t, h) and, for dopri5, dense-output coefficients. Default false. */
  recordSteps?: boolean;
}

export interface SolverStats {
  nfe: number; // function evaluations
  accepted: number;
  rejected: number;
}

export interface AcceptedStep {
  t: number; // start of step
  h: number; // signed step
  /** Output interval i (1..N) this step lies in: it goes from t[i-1] towards t[i]; the last step of
   *  interval i ends exactly at t[i] (there the loop sets t = t[i], not t + h). */
  interval: number;
}

export interface OdeSolution<V> {
  /** Solution at every requested time; ys[0] is (a copy of) z0. ys[i] is a step end, never interpolated. */
  ys: V[];
  stats: SolverStats;
  /** Present when recordSteps was true. */
  steps?: AcceptedStep[];
  /** dopri5 with recordSteps: evaluate the solution at any time inside the span (float64 copy). */
  dense?: (t: number) => Float64Array;
}
