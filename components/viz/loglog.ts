// Least-squares line through points in log10–log10 space: the empirical order of convergence.
// error ≈ C·h^p  ⇔  log10 e = log10 C + p·log10 h, so the fitted slope is p.
//
//   fitLogLog([0.1, 0.01, 0.001], [2e-2, 2e-4, 2e-6])  // { slope: 2, intercept: log10(2), r2: 1, n: 3 }

export interface LogLogFit {
  /** Slope p in log–log space (e.g. the order of a method). */
  slope: number;
  /** log10 of the prefactor C: log10 y = intercept + slope · log10 x. */
  intercept: number;
  /** Coefficient of determination in log space (1 = exact power law); NaN with < 3 points. */
  r2: number;
  /** Number of points used (x > 0 and y > 0, both finite). */
  n: number;
}

/** Fits y = C·x^p by least squares on log10 values; points with x ≤ 0 or y ≤ 0 are skipped. */
export function fitLogLog(xs: ArrayLike<number>, ys: ArrayLike<number>): LogLogFit {
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)) {
      lx.push(Math.log10(x));
      ly.push(Math.log10(y));
    }
  }
  const n = lx.length;
  if (n < 2) return { slope: Number.NaN, intercept: Number.NaN, r2: Number.NaN, n };
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (lx[i] - mx) ** 2;
    sxy += (lx[i] - mx) * (ly[i] - my);
    syy += (ly[i] - my) ** 2;
  }
  if (sxx === 0) return { slope: Number.NaN, intercept: Number.NaN, r2: Number.NaN, n };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = n < 3 ? Number.NaN : syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2, n };
}

/** y on the fitted line at x. */
export function evalLogLog(fit: Pick<LogLogFit, 'slope' | 'intercept'>, x: number): number {
  return 10 ** (fit.intercept + fit.slope * Math.log10(x));
}
