/**
 * Public contract of lib/ode. Everything else in lib/ and components/ codes against these types.
 * (Implementation: odeint.ts, the stepping loop in integrate.ts, tableaus in one file each,
 * backends in backendFloat64.ts / backendTfjs.ts.)
 */

/** Solver methods. Fixed-step methods need `stepSize` or `stepsPerInterval`; dopri5 is adaptive. */
export type MethodName = 'euler' | 'midpoint' | 'rk4' | 'dopri5';

/**
 * A numeric backend: how to do the few vector operations the stepping loop needs on values of type V.
 * float64: V = Float64Array (a flattened [batch, D] row-major state, or any flat vector).
 * tfjs:    V = tf.Tensor[] (a tuple of float32 tensors: [z] for a plain solve, [z, s, ...gθ] for augmented systems).
 */
export interface Backend<V> {
  readonly name: 'float64' | 'tfjs';
  /** base + h * Σ coeffs[i] * ks[i]; zero coefficients are skipped. */
  linComb(base: V, h: number, coeffs: readonly number[], ks: readonly V[]): V;
  /** RMS over the entries of err / (atol + rtol * max(|y0|, |y1|)); `channels` restricts to some tuple
   *  entries (tfjs) or a leading slice length (float64) — used by the seminorm option of the adjoint. */
  errorNorm(err: V, y0: V, y1: V, rtol: number, atol: number, channels?: number): number;
  /** RMS norm of v (used by the automatic first-step selection). */
  rms(v: V): number;
  allFinite(v: V): boolean;
  /** Run fn in a memory scope: tfjs disposes every tensor fn created except the ones returned. */
  scope<T extends V | V[] | { [k: string]: V | V[] | number }>(fn: () => T): T;
  dispose(v: V): void;
  /** Copy to / from plain float64 data (flattened over the tuple, for tfjs). */
  toFloat64(v: V): Float64Array;
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
  /** PI controller exponents (beta1 = 1/order-ish, beta2 small); defaults documented in stepSizeController.ts */
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
}

export interface OdeSolution<V> {
  /** Solution at every requested time; ys[0] is (a copy of) z0. */
  ys: V[];
  stats: SolverStats;
  /** Present when recordSteps was true. */
  steps?: AcceptedStep[];
  /** dopri5 with recordSteps: evaluate the solution at any time inside the span (float64 copy). */
  dense?: (t: number) => Float64Array;
}
