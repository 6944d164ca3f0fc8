/**
 * Losses of the reference format: L = scale · Σ_{i=1..N} Σ_batch Σ_dims (ẑᵢ − targetᵢ)², with scale 1
 * for `sse` and 1/(N·batch·D) for `mse`. Index 0 (the initial state) never enters the loss.
 * States are flat [batch·D] Float64Arrays, one per time (index 0 = t[0]).
 */
import type { LossKind } from './problem';

/** 1 for sse, 1/(N·batch·D) for mse (N = number of observations after t[0]); 0 when N·size is 0. */
export function lossScale(kind: LossKind, N: number, size: number): number {
  if (kind === 'sse') return 1;
  const n = N * size;
  return n === 0 ? 0 : 1 / n;
}

function check(zhat: readonly ArrayLike<number>[], targets: readonly ArrayLike<number>[]): number {
  if (zhat.length !== targets.length) {
    throw new Error(`loss: ${zhat.length} predicted states but ${targets.length} targets (both include index 0).`);
  }
  const size = zhat.length > 0 ? zhat[0].length : 0;
  for (let i = 1; i < zhat.length; i++) {
    if (zhat[i].length !== size || targets[i].length !== size) {
      throw new Error(`loss: state ${i} has length ${zhat[i].length}, target ${targets[i].length}, expected ${size}.`);
    }
  }
  return size;
}

export function lossValue(zhat: readonly ArrayLike<number>[], targets: readonly ArrayLike<number>[], kind: LossKind): number {
  const size = check(zhat, targets);
  let s = 0;
  for (let i = 1; i < zhat.length; i++) {
    const z = zhat[i];
    const y = targets[i];
    for (let k = 0; k < size; k++) {
      const d = z[k] - y[k];
      s += d * d;
    }
  }
  return s * lossScale(kind, zhat.length - 1, size);
}

/**
 * dL/dẑᵢ for every i (index 0 is all zeros: the loss does not see the initial state), i.e. the
 * cotangents `lib/ode`'s discreteAdjoint and the adjoint's jumps at observation times need.
 */
export function lossGrad(zhat: readonly ArrayLike<number>[], targets: readonly ArrayLike<number>[], kind: LossKind): Float64Array[] {
  const size = check(zhat, targets);
  const c = 2 * lossScale(kind, zhat.length - 1, size);
  return zhat.map((z, i) => {
    const g = new Float64Array(size);
    if (i === 0) return g;
    const y = targets[i];
    for (let k = 0; k < size; k++) g[k] = c * (z[k] - y[k]);
    return g;
  });
}
