import type { MethodName } from '../ode/types';
import type { DynamicsSpec, ParamsJson, Problem, SolverSpec } from './problem';

/** Types shared by the gradient modes (no values here, so every mode can import them without cycles). */

/** A validated problem (problem.ts). The gradient modes read dynamics, z0, t, targets, loss, solver. */
export type ProblemData = Pick<Problem, 'dynamics' | 'z0' | 't' | 'targets' | 'loss'> & { solver?: Partial<SolverSpec> };

/** Parameter-shaped gradient: the structure of the problem's dynamics parameters (params.ts). */
export type ParamsGrad = ParamsJson;

export type { DynamicsSpec };

export interface GradientStats {
  nfeForward: number;
  nfeBackward: number;
  stepsForward: number;
  stepsBackward: number;
  rejectedForward: number;
  rejectedBackward: number;
  /** float32: largest tf.memory().numBytes sampled during the call (at every f evaluation). */
  peakBytes?: number;
  /** fd only: number of loss evaluations (forward solves) made. */
  solves?: number;
}

export interface GradientResult {
  loss: number;
  /** [N+1][batch][D] */
  zhat: number[][][];
  grad: { z0: number[][]; params: ParamsGrad; t: number[] };
  stats: GradientStats;
  /** s(τ) = dL/dz(τ) at the requested adjointGrid times (adjoint mode only). */
  adjoint?: { t: number[]; s: number[][][] };
}

export type GradientMode = 'adjoint' | 'backprop' | 'fd';
export type Precision = 'float64' | 'float32';

export interface GradientOptions {
  mode: GradientMode;
  precision: Precision;
  /** Override the problem's solver settings (forward and backward solves). */
  rtol?: number;
  atol?: number;
  method?: MethodName;
  maxSteps?: number;
  /** adjoint: error control over z and s only. */
  seminorm?: boolean;
  /** fd: relative step (default 1e-5 in float64, 3e-3 in float32; see finiteDifferences.ts). */
  fdStep?: number;
  /** fd: difference only these flat coordinates (θ in params.ts layout); the others come back NaN.
   *  For spot checks of problems too large for all 2·(B·D + P + N + 1) solves. Default: all. */
  fdCoordinates?: { z0?: readonly number[]; theta?: readonly number[]; t?: readonly number[] };
  /** Abort with GradientTimeoutError once this many ms have passed (checked at every f evaluation). */
  timeoutMs?: number;
  /** adjoint: also return s(τ) at these times (each strictly inside an interval). */
  adjointGrid?: readonly number[];
}

/** A float64 model: f and the fused f + VJP on flat [batch·D] states, θ bound. */
export interface Float64Model {
  n: number;
  nTheta: number;
  f: (t: number, z: Float64Array) => Float64Array;
  /** f(t, z) and aᵀ∂f/∂z, aᵀ∂f/∂θ, aᵀ∂f/∂t in one pass. Must not keep or mutate z or a. */
  fVjp: (t: number, z: Float64Array, a: Float64Array) => { f: Float64Array; z: Float64Array; theta: Float64Array; t: number };
}

