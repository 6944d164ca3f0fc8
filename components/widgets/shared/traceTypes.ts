// The trace the sensitivity widgets read: plain typed arrays (no closures, no tensors), so it can be
// memoised, sent from a worker, and looked up at display rate without recomputing anything.
//
// Time layout of the dense grid `t` (ascending): each interval (t_{k-1}, t_k) is cut into a multiple
// of 9 equal pieces, so the reference files' adjoint grid (t_{k-1} + (t_k − t_{k-1})·j/9) lies on it.
// Every observation time t_k (k ≥ 1) appears TWICE: first its left limit τ → t_k⁻ (the backward pass
// has already added the jump ∂L/∂ẑ_k), then its right limit τ → t_k⁺ (before the jump). t_0 appears
// once. Lookups at τ = t_k exactly return the left limit: "the stepper stands just after the jump".

export interface SensitivityTrace {
  /** Identifies the problem the trace was computed for (see problemKey). */
  key: string;
  /** State dimension shown (the first batch row is shown; n = batch·D are stored). */
  D: number;
  batch: number;
  /** Number of parameters θ. */
  P: number;
  /** Observation times t_0..t_N (t_0: the initial state, never in the loss). */
  obsTimes: Float64Array;
  /** Dense grid, ascending, length M (see the layout above). */
  t: Float64Array;
  /** Forward z(t), M × n (row-major by grid point). */
  zFwd: Float64Array;
  /** z(t) as reconstructed by the backward solve (restarted from ẑ_k at each observation), M × n. */
  zBack: Float64Array;
  /** s(t) = ∂L/∂z(t), M × n. */
  s: Float64Array;
  /** Running dL/dθ accumulated from t_N back to t, M × P (at t_0 it is the full parameter gradient). */
  gTheta: Float64Array;
  /** Backward function evaluations spent from t_N down to t, length M. */
  nfe: Int32Array;
  /** Exact z(t) for linear dynamics (matrix exponential), M × n; null otherwise. */
  zExact: Float64Array | null;
  /** ẑ_i, (N+1) × n. */
  zhat: Float64Array;
  /** Targets y_i, (N+1) × n (row 0 unused by the loss). */
  targets: Float64Array;
  /** Jumps ∂L/∂ẑ_i, (N+1) × n (row 0 is zero). */
  jumps: Float64Array;
  /** Start times of the backward solver's accepted steps plus t_0, descending from t_N. */
  stepTimes: Float64Array;
  loss: number;
  /** dL/dz0 = s(t_0⁺) and dL/dθ, for the other widgets' readouts. */
  gradZ0: Float64Array;
  gradTheta: Float64Array;
  stats: {
    nfeForward: number;
    nfeBackward: number;
    acceptedBackward: number;
    rejectedBackward: number;
  };
  /** Wall time of the computation in ms (performance.now difference). */
  computeMs: number;
}
