/**
 * Matrix exponentials for exact solutions of linear fields (dz/dt = M z ⇒ z(t) = e^{M(t−t0)} z(t0)).
 * `expm2` is the closed form for 2×2; `expm` is scaling-and-squaring with a Taylor series for any small
 * square matrix (accurate to ~1e-15 relative for the well-conditioned matrices of the article).
 * Matrices are row-major number[][].
 */

/** e^M for 2×2 M via M = sI + N, N traceless: e^M = e^s (cosh(δ) I + sinh(δ)/δ · N), δ² = −det N. */
export function expm2(M: readonly (readonly number[])[]): number[][] {
  const s = (M[0][0] + M[1][1]) / 2;
  const n00 = M[0][0] - s;
  const n11 = M[1][1] - s;
  const n01 = M[0][1];
  const n10 = M[1][0];
  const d2 = n00 * n00 + n01 * n10; // = −det N
  let c: number;
  let sh: number; // sinh(δ)/δ, or sin(ω)/ω for d2 < 0
  if (d2 > 0) {
    const d = Math.sqrt(d2);
    c = Math.cosh(d);
    sh = Math.sinh(d) / d;
  } else if (d2 < 0) {
    const w = Math.sqrt(-d2);
    c = Math.cos(w);
    sh = Math.sin(w) / w;
  } else {
    c = 1;
    sh = 1;
  }
  // Tiny |δ|: the series keeps full precision where sinh(δ)/δ would cancel.
  if (Math.abs(d2) < 1e-8) {
    c = 1 + d2 / 2 + (d2 * d2) / 24;
    sh = 1 + d2 / 6 + (d2 * d2) / 120;
  }
  const e = Math.exp(s);
  return [
    [e * (c + sh * n00), e * sh * n01],
    [e * sh * n10, e * (c + sh * n11)],
  ];
}

function matMul(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  const n = A.length;
  const m = B[0].length;
  const k = B.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let q = 0; q < k; q++) s += A[i][q] * B[q][j];
      return s;
    }),
  );
}

/** e^M for any small square M: scale so ‖M/2^s‖₁ ≤ 0.5, Taylor to convergence, square s times. */
export function expm(M: readonly (readonly number[])[]): number[][] {
  const n = M.length;
  if (M.some((row) => row.length !== n)) throw new Error(`expm: expected a square matrix, got ${n} rows of lengths ${M.map((r) => r.length).join(',')}.`);
  if (n === 2) return expm2(M);
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += Math.abs(M[i][j]);
    norm = Math.max(norm, c);
  }
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = 2 ** -s;
  const A = M.map((row) => row.map((v) => v * scale));
  let result: number[][] = A.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  let term = result.map((row) => row.slice());
  for (let k = 1; k < 30; k++) {
    term = matMul(term, A).map((row) => row.map((v) => v / k));
    let biggest = 0;
    result = result.map((row, i) =>
      row.map((v, j) => {
        biggest = Math.max(biggest, Math.abs(term[i][j]));
        return v + term[i][j];
      }),
    );
    if (biggest < 1e-18) break;
  }
  for (let k = 0; k < s; k++) result = matMul(result, result);
  return result;
}

/** z(t) = e^{M·dt} z for a column-vector state z (length n). */
export function expmApply(M: readonly (readonly number[])[], dt: number, z: readonly number[]): number[] {
  const E = expm(M.map((row) => row.map((v) => v * dt)));
  return E.map((row) => row.reduce((s, v, j) => s + v * z[j], 0));
}
