// The "discrete view": backpropagation through explicit Euler steps of size h,
//   z_{k+1} = z_k + h f(z_k),   s_k = s_{k+1} (I + h ∂f/∂z(z_k)) + [∂L/∂ẑ at an observation],
// i.e. a product of step Jacobians applied to the jumps. As h → 0 it becomes ds/dt = −sᵀ∂f/∂z.
// The forward Euler states come from lib/ode (odeint, method 'euler'); each factor s(I + hJ) is
// s + h·(sᵀJ), with sᵀJ from lib/adjoint's VJP. Only the bookkeeping (adding, scaling) lives here.
import { odeint } from '@/lib/ode/odeint';
import { float64Backend } from '@/lib/ode/backendFloat64';
import { makeDynamics } from '@/lib/adjoint/dynamics';
import { lossGrad } from '@/lib/adjoint/loss';
import { flattenBatch, flattenStates, type Problem } from '@/lib/adjoint/problem';

export interface DiscreteTrace {
  stepsPerInterval: number;
  /** Euler nodes, ascending; each observation t_k (k ≥ 1) twice: left limit (jump in), then right. */
  t: Float64Array;
  /** s at the nodes, M × n (n = batch·D). */
  s: Float64Array;
  /** Euler states at the nodes, M × n. */
  z: Float64Array;
  n: number;
  D: number;
}

export function discreteProduct(problem: Problem, stepsPerInterval: number, maxSteps = 100_000): DiscreteTrace {
  const t = problem.t;
  const N = t.length - 1;
  const m = Math.max(1, Math.round(stepsPerInterval));
  const D = problem.z0[0].length;
  const n = problem.z0.length * D;
  const dyn = makeDynamics(problem.dynamics);

  // Nodes: every Euler step end, observation times included exactly.
  const nodes: number[] = [t[0]];
  const obsNode = [0];
  for (let k = 1; k <= N; k++) {
    for (let j = 1; j < m; j++) nodes.push(t[k - 1] + (t[k] - t[k - 1]) * (j / m));
    nodes.push(t[k]);
    obsNode.push(nodes.length - 1);
  }
  // One Euler step between consecutive nodes: the output grid IS the step grid.
  const sol = odeint((tt, z) => dyn.f(tt, z), flattenBatch(problem.z0), nodes, { method: 'euler', stepsPerInterval: 1, maxSteps }, float64Backend);
  const zs = sol.ys;
  const zhat = obsNode.map((i) => zs[i]);
  const cot = lossGrad(zhat, flattenStates(problem.targets), problem.loss);

  const K = nodes.length;
  // Backward: s after node i (right limit) for i = K−1 .. 0; left limits recorded at observations.
  const rows: { t: number; s: Float64Array }[] = [];
  let s = new Float64Array(n);
  let k = N;
  for (let i = K - 1; i >= 0; i--) {
    if (k >= 1 && i === obsNode[k]) {
      rows.push({ t: nodes[i], s: s.slice() }); // right limit
      for (let j = 0; j < n; j++) s[j] += cot[k][j];
      k--;
    }
    rows.push({ t: nodes[i], s: s.slice() });
    if (i > 0) {
      const h = nodes[i] - nodes[i - 1];
      const v = dyn.vjp(nodes[i - 1], zs[i - 1], s).z; // sᵀ ∂f/∂z at the step's start state
      const next = new Float64Array(n);
      for (let j = 0; j < n; j++) next[j] = s[j] + h * v[j];
      s = next;
    }
  }
  rows.reverse();
  const M = rows.length;
  const out: DiscreteTrace = { stepsPerInterval: m, t: new Float64Array(M), s: new Float64Array(M * n), z: new Float64Array(M * n), n, D };
  let node = 0;
  for (let r = 0; r < M; r++) {
    out.t[r] = rows[r].t;
    out.s.set(rows[r].s, r * n);
    while (node < K - 1 && nodes[node] < rows[r].t) node++;
    out.z.set(zs[node], r * n);
  }
  return out;
}

/** s of batch row `row` at τ from a discrete trace (linear blend; left limit at observation nodes). */
export function discreteSAt(tr: DiscreteTrace, tau: number, row = 0): Float64Array {
  const t = tr.t;
  const out = new Float64Array(tr.D);
  const x = Math.min(t[t.length - 1], Math.max(t[0], tau));
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  const o = row * tr.D;
  if (t[lo] === x || lo === 0) {
    for (let d = 0; d < tr.D; d++) out[d] = tr.s[lo * tr.n + o + d];
    return out;
  }
  const w = (x - t[lo - 1]) / (t[lo] - t[lo - 1]);
  for (let d = 0; d < tr.D; d++) out[d] = tr.s[(lo - 1) * tr.n + o + d] * (1 - w) + tr.s[lo * tr.n + o + d] * w;
  return out;
}
