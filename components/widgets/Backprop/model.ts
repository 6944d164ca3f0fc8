// Figure 4's model (no React, no tfjs): a tiny concrete network y = f₃(f₂(f₁(x, θ₁), θ₂), θ₃) and
// the backward pass of eq:chain-rule as an ordered list of steps, in float64 with explicit Jacobians.
//
//   f₁: R² → R³, y₁ = tanh(W₁x + b₁)      f₂: R³ → R², y₂ = tanh(W₂y₁ + b₂)
//   f₃: R² → R², y₃ = W₃y₂ + b₃ (linear)   L = ½‖y₃ − y*‖²
//
// Shapes differ on purpose (3 hidden units, then 2) so the reader sees that a layer Jacobian
// ∂y_k/∂y_{k−1} has one ROW PER OUTPUT (n_k × n_{k−1}), as in the article's eq:jacobian, and that
// a row vector multiplying from the left keeps every intermediate result a single row:
//   ∂L/∂θ₁ = ∂L/∂y₃ · ∂y₃/∂y₂ · ∂y₂/∂y₁ · ∂y₁/∂θ₁      (1×2)(2×2)(2×3)(3×9) → 1×9.
// θ_k = (W_k row-major, then b_k), so ∂y_k/∂θ_k is n_k × (n_k·n_{k−1} + n_k).
//
// Steps (index = the factor of eq:chain-rule applied, left to right):
//   0  start at the loss: ∂L/∂y₃ = y₃ − y*
//   1  layer 3: ·∂y₃/∂y₂ → ∂L/∂y₂;  on the side ∂L/∂θ₃ = ∂L/∂y₃ · ∂y₃/∂θ₃
//   2  layer 2: ·∂y₂/∂y₁ → ∂L/∂y₁;  on the side ∂L/∂θ₂ = ∂L/∂y₂ · ∂y₂/∂θ₂
//   3  layer 1: ·∂y₁/∂θ₁ → ∂L/∂θ₁ (the left-hand side of eq:chain-rule)
// The tfjs autodiff of the same network is in ./tfChain.ts (loaded lazily by the view).
import { z } from 'zod';
import { qInt } from '@/components/embed/queryParams';
import { gaussian, mulberry32 } from '@/lib/adjoint/random';

// ---- URL / embed state ----
export const STEP_COUNT = 4;
export const MAX_SEED = 999_999;
export const DEFAULT_SEED = 1;
export const backpropSchema = z.object({
  step: qInt(0, { min: 0, max: STEP_COUNT - 1 }),
  seed: qInt(DEFAULT_SEED, { min: 0, max: MAX_SEED }),
});
export type BackpropUrlState = z.infer<typeof backpropSchema>;
/** Controls an embed may hide with ?hide=a,b. */
export const BACKPROP_HIDABLE = ['steps', 'stepper', 'reset', 'weights'] as const;

/** The seed after "new weights" (wraps inside the schema's range). */
export function nextSeed(seed: number): number {
  return seed >= MAX_SEED ? 0 : seed + 1;
}

// ---- the network ----
export type Activation = 'tanh' | 'identity';
/** Widths n₀ (x), n₁, n₂, n₃ (y₃). */
export const SIZES = [2, 3, 2, 2] as const;
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'tanh', 'identity'];

export interface Layer {
  /** n_k × n_{k−1}: row i = output i. */
  W: number[][];
  b: number[];
  act: Activation;
}

export interface Network {
  seed: number;
  x: number[];
  /** The target y*. */
  target: number[];
  /** layers[0] = f₁ … layers[2] = f₃. */
  layers: Layer[];
}

/** Two decimals: the network's numbers are printed in full on the figure. */
const r2 = (v: number) => Math.round(v * 100) / 100 + 0; // + 0 turns −0 into 0

/**
 * The seeded network: W ~ N(0, 1.3²/n_in) (large enough that tanh bends, small enough that it does not
 * saturate), b ~ N(0, 0.2²), x and y* uniform in [−1, 1]; every number rounded to two decimals.
 */
export function makeNetwork(seed: number): Network {
  const uniform = mulberry32(seed * 7919 + 17);
  const normal = gaussian(uniform);
  const layers: Layer[] = ACTIVATIONS.map((act, k) => {
    const nIn = SIZES[k];
    const nOut = SIZES[k + 1];
    const std = 1.3 / Math.sqrt(nIn);
    return {
      W: Array.from({ length: nOut }, () => Array.from({ length: nIn }, () => r2(std * normal()))),
      b: Array.from({ length: nOut }, () => r2(0.2 * normal())),
      act,
    };
  });
  const x = Array.from({ length: SIZES[0] }, () => r2(2 * uniform() - 1));
  const target = Array.from({ length: SIZES[3] }, () => r2(2 * uniform() - 1));
  return { seed, x, target, layers };
}

// ---- forward pass ----
export interface Forward {
  /** ys[0] = x, ys[k] = y_k (k = 1, 2, 3). */
  ys: number[][];
  /** us[k−1] = W_k y_{k−1} + b_k, the pre-activation of layer k. */
  us: number[][];
  loss: number;
}

const act = (a: Activation, u: number) => (a === 'tanh' ? Math.tanh(u) : u);
/** σ'(u); for tanh written through y = tanh u, as backprop stores it. */
const actPrime = (a: Activation, u: number) => (a === 'tanh' ? 1 - Math.tanh(u) ** 2 : 1);

/** One layer: u = W·prev + b and y = σ(u). */
export function applyLayer(layer: Layer, prev: readonly number[]): { u: number[]; y: number[] } {
  const u = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * prev[j], layer.b[i]));
  return { u, y: u.map((v) => act(layer.act, v)) };
}

export function forward(net: Network): Forward {
  const ys: number[][] = [net.x.slice()];
  const us: number[][] = [];
  for (const layer of net.layers) {
    const { u, y } = applyLayer(layer, ys[ys.length - 1]);
    us.push(u);
    ys.push(y);
  }
  const y3 = ys[3];
  const loss = 0.5 * y3.reduce((s, v, i) => s + (v - net.target[i]) ** 2, 0);
  return { ys, us, loss };
}

// ---- explicit Jacobians (rows = outputs) ----
/** ∂y_k/∂y_{k−1} = diag(σ'(u_k)) W_k, n_k × n_{k−1}. k = 1, 2, 3. */
export function layerJacobian(net: Network, fwd: Forward, k: number): number[][] {
  const layer = net.layers[k - 1];
  const u = fwd.us[k - 1];
  return layer.W.map((row, i) => row.map((w) => actPrime(layer.act, u[i]) * w));
}

/** ∂y_k/∂θ_k, n_k × (n_k·n_{k−1} + n_k): columns W_k[i,j] row-major, then b_k[i]. */
export function paramJacobian(net: Network, fwd: Forward, k: number): number[][] {
  const layer = net.layers[k - 1];
  const u = fwd.us[k - 1];
  const prev = fwd.ys[k - 1];
  const nOut = layer.W.length;
  const nIn = prev.length;
  return Array.from({ length: nOut }, (_, r) => {
    const d = actPrime(layer.act, u[r]);
    const row = new Array<number>(nOut * nIn + nOut).fill(0);
    for (let j = 0; j < nIn; j++) row[r * nIn + j] = d * prev[j];
    row[nOut * nIn + r] = d;
    return row;
  });
}

/** Row vector × matrix: (v M)_j = Σ_i v_i M_ij. */
export function vecMat(v: readonly number[], M: readonly (readonly number[])[]): number[] {
  const cols = M[0]?.length ?? 0;
  const out = new Array<number>(cols).fill(0);
  for (let i = 0; i < v.length; i++) for (let j = 0; j < cols; j++) out[j] += v[i] * M[i][j];
  return out;
}

/** A flat θ_k gradient split back into the shapes of W_k and b_k. */
export interface ParamGrad {
  layer: number;
  W: number[][];
  b: number[];
  flat: number[];
}

export function splitParamGrad(k: number, flat: readonly number[]): ParamGrad {
  const nOut = SIZES[k];
  const nIn = SIZES[k - 1];
  return {
    layer: k,
    W: Array.from({ length: nOut }, (_, i) => flat.slice(i * nIn, (i + 1) * nIn)),
    b: flat.slice(nOut * nIn, nOut * nIn + nOut),
    flat: flat.slice(),
  };
}

/**
 * The number the article gives eq:chain-rule (its 5th numbered equation; the post calls it equation 4).
 * model.test.ts counts the equations in content/adjoint.mdx, so a renumbering fails the test.
 */
export const CHAIN_RULE_EQ_NUMBER = 5;

// ---- the backward pass, step by step ----
/** The four factors of eq:chain-rule, left to right (HTML-free labels for text and announcements). */
export const FACTORS = [
  { num: 'ℒ', den: 'y₃', text: '∂ℒ/∂y₃' },
  { num: 'y₃', den: 'y₂', text: '∂y₃/∂y₂' },
  { num: 'y₂', den: 'y₁', text: '∂y₂/∂y₁' },
  { num: 'y₁', den: 'θ₁', text: '∂y₁/∂θ₁' },
] as const;

export interface BackwardStep {
  /** 0…3 = the factor of eq:chain-rule applied at this step. */
  index: number;
  /** The layer the step works at (3, 3, 2, 1), null for the loss node at step 0. */
  layer: number | null;
  factor: (typeof FACTORS)[number];
  /** The row vector entering the step (step 0: ∂L/∂y₃ itself). */
  upstream: number[];
  upstreamLabel: string;
  /** The matrix applied: ∂y₃/∂y₂, ∂y₂/∂y₁, ∂y₁/∂θ₁; null at step 0. */
  matrix: number[][] | null;
  matrixLabel: string;
  /** Row and column labels of the matrix (rows = outputs). */
  rowLabels: string[];
  colLabels: string[];
  /** upstream · matrix (step 0: upstream). */
  result: number[];
  resultLabel: string;
  /** ∂L/∂θ_k produced at this step (3, 2, 1), or null. */
  paramGrad: ParamGrad | null;
  /** What the step does, with the shapes (for the caption and the live region). */
  sentence: string;
}

/**
 * Every number the figure shows, from one source (the explicit float64 chain here, or tfjs autodiff
 * in ./tfChain.ts): the view switches sources without changing anything else.
 */
export interface ChainValues {
  loss: number;
  /** ∂L/∂y_k for k = 1, 2, 3 (index k − 1). */
  dLdy: number[][];
  /** ∂y₃/∂y₂ (2×2) and ∂y₂/∂y₁ (2×3), rows = outputs. */
  J3: number[][];
  J2: number[][];
  /** ∂y₁/∂θ₁ (3×9): columns W₁ row-major, then b₁. */
  P1: number[][];
  /** ∂L/∂θ_k flat (W_k row-major, then b_k) for k = 1, 2, 3 (index k − 1). */
  dtheta: number[][];
}

const SUBS = ['₀', '₁', '₂', '₃'];
const ys = (k: number, n: number) => Array.from({ length: n }, (_, i) => `y${SUBS[k]}[${i + 1}]`);
/** Column labels of ∂y_k/∂θ_k: "W11", "W12", …, "b1", … (short: they sit under 9 narrow columns). */
export function paramLabels(k: number): string[] {
  const nOut = SIZES[k];
  const nIn = SIZES[k - 1];
  const w: string[] = [];
  for (let i = 0; i < nOut; i++) for (let j = 0; j < nIn; j++) w.push(`W${i + 1}${j + 1}`);
  return [...w, ...Array.from({ length: nOut }, (_, i) => `b${i + 1}`)];
}

/** The explicit chain in float64: ∂L/∂y₃ = y₃ − y*, then row vector × Jacobian, layer by layer. */
export function explicitChain(net: Network, fwd: Forward = forward(net)): ChainValues {
  const dLdy3 = fwd.ys[3].map((v, i) => v - net.target[i]);
  const J3 = layerJacobian(net, fwd, 3);
  const J2 = layerJacobian(net, fwd, 2);
  const P1 = paramJacobian(net, fwd, 1);
  const dLdy2 = vecMat(dLdy3, J3);
  const dLdy1 = vecMat(dLdy2, J2);
  return {
    loss: fwd.loss,
    dLdy: [dLdy1, dLdy2, dLdy3],
    J3,
    J2,
    P1,
    dtheta: [vecMat(dLdy1, P1), vecMat(dLdy2, paramJacobian(net, fwd, 2)), vecMat(dLdy3, paramJacobian(net, fwd, 3))],
  };
}

/** The four steps of the backward pass, built from one set of values. */
export function backwardSteps(v: ChainValues): BackwardStep[] {
  const [dLdy1, dLdy2, dLdy3] = v.dLdy;
  return [
    {
      index: 0, layer: null, factor: FACTORS[0],
      upstream: dLdy3, upstreamLabel: '∂ℒ/∂y₃', matrix: null, matrixLabel: '', rowLabels: [], colLabels: [],
      result: dLdy3, resultLabel: '∂ℒ/∂y₃', paramGrad: null,
      sentence: 'Start at the loss: ∂ℒ/∂y₃ = y₃ − y*, a 1×2 row vector.',
    },
    {
      index: 1, layer: 3, factor: FACTORS[1],
      upstream: dLdy3, upstreamLabel: '∂ℒ/∂y₃', matrix: v.J3, matrixLabel: '∂y₃/∂y₂', rowLabels: ys(3, 2), colLabels: ys(2, 2),
      result: dLdy2, resultLabel: '∂ℒ/∂y₂', paramGrad: splitParamGrad(3, v.dtheta[2]),
      sentence: 'Layer 3: ∂ℒ/∂y₃ (1×2) times ∂y₃/∂y₂ (2×2) gives ∂ℒ/∂y₂ (1×2); on the side, ∂ℒ/∂θ₃ = ∂ℒ/∂y₃ · ∂y₃/∂θ₃.',
    },
    {
      index: 2, layer: 2, factor: FACTORS[2],
      upstream: dLdy2, upstreamLabel: '∂ℒ/∂y₂', matrix: v.J2, matrixLabel: '∂y₂/∂y₁', rowLabels: ys(2, 2), colLabels: ys(1, 3),
      result: dLdy1, resultLabel: '∂ℒ/∂y₁', paramGrad: splitParamGrad(2, v.dtheta[1]),
      sentence: 'Layer 2: ∂ℒ/∂y₂ (1×2) times ∂y₂/∂y₁ (2×3) gives ∂ℒ/∂y₁ (1×3); on the side, ∂ℒ/∂θ₂ = ∂ℒ/∂y₂ · ∂y₂/∂θ₂.',
    },
    {
      index: 3, layer: 1, factor: FACTORS[3],
      upstream: dLdy1, upstreamLabel: '∂ℒ/∂y₁', matrix: v.P1, matrixLabel: '∂y₁/∂θ₁', rowLabels: ys(1, 3), colLabels: paramLabels(1),
      result: v.dtheta[0], resultLabel: '∂ℒ/∂θ₁', paramGrad: splitParamGrad(1, v.dtheta[0]),
      sentence: 'Layer 1: ∂ℒ/∂y₁ (1×3) times ∂y₁/∂θ₁ (3×9) gives ∂ℒ/∂θ₁ (1×9), the left-hand side of the equation.',
    },
  ];
}

/** Every number of two value sets side by side: the largest absolute difference (NaN if shapes differ). */
export function maxAbsDiff(a: ChainValues, b: ChainValues): number {
  const flat = (v: ChainValues) => [v.loss, ...v.dLdy.flat(), ...v.J3.flat(), ...v.J2.flat(), ...v.P1.flat(), ...v.dtheta.flat()];
  const fa = flat(a);
  const fb = flat(b);
  if (fa.length !== fb.length) return Number.NaN;
  let m = 0;
  for (let i = 0; i < fa.length; i++) m = Math.max(m, Math.abs(fa[i] - fb[i]));
  return m;
}

/** Shape "rows×cols" of factor i of eq:chain-rule (the article's network: 1×2, 2×2, 2×3, 3×9). */
export function factorShape(i: number): string {
  switch (i) {
    case 0: return `1×${SIZES[3]}`;
    case 1: return `${SIZES[3]}×${SIZES[2]}`;
    case 2: return `${SIZES[2]}×${SIZES[1]}`;
    default: return `${SIZES[1]}×${SIZES[1] * SIZES[0] + SIZES[1]}`;
  }
}

/** Whether factor i of eq:chain-rule is already applied, being applied, or still to come at a step. */
export function factorState(i: number, step: number): 'done' | 'current' | 'pending' {
  return i < step ? 'done' : i === step ? 'current' : 'pending';
}

/** A step index inside 0…STEP_COUNT − 1 (URL values are validated, but props may not be). */
export function clampStep(step: number): number {
  return Number.isInteger(step) ? Math.min(STEP_COUNT - 1, Math.max(0, step)) : 0;
}
