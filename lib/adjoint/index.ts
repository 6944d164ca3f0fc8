/**
 * Public API of lib/adjoint (float64; no tfjs). The float32 (tfjs) gradient modes live in
 * './float32' — import it, or call computeGradientAsync, which loads it on demand.
 *
 * - the problem format, θ layout, dynamics families, Jacobians, losses, presets (the foundation);
 * - computeGradient: loss + dL/dz0, dL/dθ, dL/dt by 'adjoint' | 'backprop' | 'fd' in float64 | float32;
 * - adjointTrajectory: the continuous adjoint as a plain-data trace for the figures.
 */
export * from './problem';
export * from './params';
export * from './dynamics';
export * from './jacobian';
export * from './loss';
export * from './presets';
export * from './random';
export * from './expm';

export { computeGradient, computeGradientAsync, computeGradient64, registerFloat32 } from './gradient';
export type {
  Float64Model,
  GradientMode,
  GradientOptions,
  GradientResult,
  GradientStats,
  ParamsGrad,
  Precision,
  ProblemData,
} from './gradientTypes';
export { GradientTimeoutError } from './gradientCommon';
export {
  adjointBacksolve,
  adjointGradient64,
  augmentedField,
  type BacksolveInput,
  type BacksolveResult,
  type BackwardInterval,
} from './adjointBacksolve';
export { backpropGradient64 } from './backpropGradient';
export { finiteDifferences64, FD_STEP, fdStep } from './finiteDifferences';
export { float64Model } from './kernels64';
export {
  adjointTrajectory,
  referenceGrid,
  type AdjointTrajectory,
  type IntervalTrace,
  type ObservationTrace,
  type TrajectoryOptions,
} from './adjointTrajectory';
export {
  UNROLLED_METHODS,
  unrolledGradient,
  referenceGradient,
  convergenceSweep,
  unrolledError,
  relativeError,
  layerCounts,
  layerGrid,
  type UnrolledMethod,
  type UnrolledResult,
  type ReferenceGradient,
  type ConvergenceSweep,
} from './unrolledGradient';
export { countedPeakBytes, outputBytes, type MemoryShape } from './memoryEstimate';
