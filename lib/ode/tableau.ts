/**
 * A Runge–Kutta method as data. The stepping loop (integrate.ts) and the discrete adjoint
 * (discreteAdjoint.ts) read these fields and nothing else, so adding a method is adding a file
 * with a tableau.
 */
export interface ButcherTableau {
  readonly name: string;
  /** Stage times as fractions of the step. c[0] = 0. */
  readonly c: readonly number[];
  /** Strictly lower-triangular stage matrix: a[i] has length i (a[0] = []). */
  readonly a: readonly (readonly number[])[];
  /** Solution weights (length = number of stages). */
  readonly b: readonly number[];
  /** Weights of the error estimate, b − b̂ (embedded pair); absent for fixed-step-only methods. */
  readonly bErr?: readonly number[];
  /** Order of the solution. */
  readonly order: number;
  /** Order of the embedded (lower-order) solution; the controller exponent uses errorOrder + 1. */
  readonly errorOrder?: number;
  /**
   * First Same As Last: the last stage is evaluated at (t + h, y1) (a[last] == b), so it is the next
   * step's first stage. The loop then carries f(t, y) from step to step.
   */
  readonly fsal: boolean;
  /**
   * Dense output: y(t + θh) = y + h Σ_i k_i Σ_j dense[i][j] θ^(j+1), θ ∈ [0, 1].
   * At θ = 1 the row sums equal b.
   */
  readonly dense?: readonly (readonly number[])[];
}

export function stageCount(tab: ButcherTableau): number {
  return tab.b.length;
}
