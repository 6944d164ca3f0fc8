// Figure 4's numbers: the forward pass by hand, the explicit Jacobians against central finite
// differences, the steps of the backward pass (order, factors, products), associativity of the
// chain, and the URL schema. tfjs agreement is in tfChain.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHAIN_RULE_EQ_NUMBER,
  FACTORS,
  STEP_COUNT,
  applyLayer,
  backpropSchema,
  backwardSteps,
  clampStep,
  explicitChain,
  factorShape,
  factorState,
  forward,
  layerJacobian,
  makeNetwork,
  nextSeed,
  paramJacobian,
  splitParamGrad,
  vecMat,
  type Network,
} from './model';

const SEEDS = [0, 1, 2, 3, 7, 42, 1234];
const H = 1e-6;

function maxAbs(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

function clone(net: Network): Network {
  return JSON.parse(JSON.stringify(net)) as Network;
}

/** θ_k flat (W row-major, then b) read and written on a copy of the network. */
function withParam(net: Network, k: number, idx: number, delta: number): Network {
  const n = clone(net);
  const l = n.layers[k - 1];
  const cols = l.W[0].length;
  if (idx < l.W.length * cols) l.W[Math.floor(idx / cols)][idx % cols] += delta;
  else l.b[idx - l.W.length * cols] += delta;
  return n;
}

/** Loss of the network from y_k onward (the "tail"), for ∂L/∂y_k by differences. */
function tailLoss(net: Network, k: number, yk: readonly number[]): number {
  let y = yk.slice();
  for (let j = k; j < 3; j++) y = applyLayer(net.layers[j], y).y;
  return 0.5 * y.reduce((s, v, i) => s + (v - net.target[i]) ** 2, 0);
}

describe('Backprop model: the network', () => {
  it('is deterministic per seed, printed to two decimals, shaped 2 → 3 → 2 → 2', () => {
    const a = makeNetwork(1);
    expect(makeNetwork(1)).toEqual(a);
    expect(makeNetwork(2)).not.toEqual(a);
    expect(a.layers.map((l) => [l.W.length, l.W[0].length, l.b.length])).toEqual([[3, 2, 3], [2, 3, 2], [2, 2, 2]]);
    expect(a.layers.map((l) => l.act)).toEqual(['tanh', 'tanh', 'identity']);
    const all = [...a.x, ...a.target, ...a.layers.flatMap((l) => [...l.W.flat(), ...l.b])];
    for (const v of all) expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9);
  });

  it('forward pass by hand for seed 1: tanh(W₁x + b₁), tanh(W₂y₁ + b₂), W₃y₂ + b₃, ℒ = ½‖y₃ − y*‖²', () => {
    const net = makeNetwork(1);
    const [L1, L2, L3] = net.layers;
    const y1 = [0, 1, 2].map((i) => Math.tanh(L1.W[i][0] * net.x[0] + L1.W[i][1] * net.x[1] + L1.b[i]));
    const y2 = [0, 1].map((i) => Math.tanh(L2.W[i][0] * y1[0] + L2.W[i][1] * y1[1] + L2.W[i][2] * y1[2] + L2.b[i]));
    const y3 = [0, 1].map((i) => L3.W[i][0] * y2[0] + L3.W[i][1] * y2[1] + L3.b[i]);
    const loss = 0.5 * ((y3[0] - net.target[0]) ** 2 + (y3[1] - net.target[1]) ** 2);
    const f = forward(net);
    expect(maxAbs(f.ys[1], y1)).toBeLessThan(1e-15);
    expect(maxAbs(f.ys[2], y2)).toBeLessThan(1e-15);
    expect(maxAbs(f.ys[3], y3)).toBeLessThan(1e-15);
    expect(f.loss).toBeCloseTo(loss, 15);
    // Readable: a loss of order one, no saturated tanh (|u| < 3) for the default network.
    expect(f.loss).toBeGreaterThan(0.05);
    expect(f.loss).toBeLessThan(5);
    for (const u of f.us.slice(0, 2).flat()) expect(Math.abs(u)).toBeLessThan(3);
  });
});

describe('Backprop model: explicit Jacobians against central differences (h = 1e-6, |Δ| < 1e-8)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ∂y_k/∂y_{k−1} (rows = outputs), ∂y_k/∂θ_k, ∂ℒ/∂y_k, ∂ℒ/∂θ_k`, () => {
      const net = makeNetwork(seed);
      const f = forward(net);
      for (const k of [1, 2, 3]) {
        const layer = net.layers[k - 1];
        const prev = f.ys[k - 1];
        // ∂y_k/∂y_{k−1}: column j by differences in input j.
        const J = layerJacobian(net, f, k);
        expect(J.length).toBe(layer.W.length);
        expect(J[0].length).toBe(prev.length);
        for (let j = 0; j < prev.length; j++) {
          const p = prev.slice(); p[j] += H;
          const m = prev.slice(); m[j] -= H;
          const col = applyLayer(layer, p).y.map((v, i) => (v - applyLayer(layer, m).y[i]) / (2 * H));
          expect(maxAbs(J.map((r) => r[j]), col)).toBeLessThan(1e-8);
        }
        // ∂y_k/∂θ_k: column c by differences in parameter c.
        const P = paramJacobian(net, f, k);
        const nP = layer.W.length * prev.length + layer.b.length;
        expect(P[0].length).toBe(nP);
        for (let c = 0; c < nP; c++) {
          const yp = applyLayer(withParam(net, k, c, H).layers[k - 1], prev).y;
          const ym = applyLayer(withParam(net, k, c, -H).layers[k - 1], prev).y;
          expect(maxAbs(P.map((r) => r[c]), yp.map((v, i) => (v - ym[i]) / (2 * H)))).toBeLessThan(1e-8);
        }
      }
      const chain = explicitChain(net);
      // ∂ℒ/∂y_k from the tail of the network.
      for (const k of [1, 2, 3]) {
        const y = f.ys[k];
        const fd = y.map((_, j) => {
          const p = y.slice(); p[j] += H;
          const m = y.slice(); m[j] -= H;
          return (tailLoss(net, k, p) - tailLoss(net, k, m)) / (2 * H);
        });
        expect(maxAbs(chain.dLdy[k - 1], fd)).toBeLessThan(1e-8);
      }
      // ∂ℒ/∂θ_k from the whole network.
      for (const k of [1, 2, 3]) {
        const fd = chain.dtheta[k - 1].map((_, c) => (forward(withParam(net, k, c, H)).loss - forward(withParam(net, k, c, -H)).loss) / (2 * H));
        expect(maxAbs(chain.dtheta[k - 1], fd)).toBeLessThan(1e-8);
      }
    });
  }
});

describe('Backprop model: the steps of the backward pass', () => {
  const net = makeNetwork(1);
  const v = explicitChain(net);
  const steps = backwardSteps(v);

  it('four steps, one per factor of eq:chain-rule, left to right, at the loss then layers 3, 2, 1', () => {
    expect(steps).toHaveLength(STEP_COUNT);
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(steps.map((s) => s.factor.text)).toEqual(['∂ℒ/∂y₃', '∂y₃/∂y₂', '∂y₂/∂y₁', '∂y₁/∂θ₁']);
    expect(steps.map((s) => s.factor)).toEqual([...FACTORS]);
    expect(steps.map((s) => s.layer)).toEqual([null, 3, 2, 1]);
    expect(steps.map((s) => s.upstreamLabel)).toEqual(['∂ℒ/∂y₃', '∂ℒ/∂y₃', '∂ℒ/∂y₂', '∂ℒ/∂y₁']);
    expect(steps.map((s) => s.resultLabel)).toEqual(['∂ℒ/∂y₃', '∂ℒ/∂y₂', '∂ℒ/∂y₁', '∂ℒ/∂θ₁']);
    expect(steps.map((s) => s.paramGrad?.layer ?? null)).toEqual([null, 3, 2, 1]);
    expect([0, 1, 2, 3].map(factorShape)).toEqual(['1×2', '2×2', '2×3', '3×9']);
  });

  it('step 0 starts from ∂ℒ/∂y₃ = y₃ − y*; each later step is upstream · factor, and feeds the next', () => {
    const y3 = forward(net).ys[3];
    expect(steps[0].upstream).toEqual(y3.map((y, i) => y - net.target[i]));
    for (let s = 1; s < STEP_COUNT; s++) {
      const st = steps[s];
      expect(st.upstream).toEqual(steps[s - 1].result);
      expect(st.matrix).not.toBeNull();
      expect(st.matrix!.length).toBe(st.upstream.length); // rows = outputs = the upstream's entries
      expect(st.rowLabels).toHaveLength(st.matrix!.length);
      expect(st.colLabels).toHaveLength(st.matrix![0].length);
      expect(maxAbs(st.result, vecMat(st.upstream, st.matrix!))).toBe(0);
    }
    expect(steps[3].result).toEqual(v.dtheta[0]);
  });

  it('∂ℒ/∂θ_k on the side equals ∂ℒ/∂y_k · ∂y_k/∂θ_k, split into W_k (rows = outputs) and b_k', () => {
    const f = forward(net);
    for (const k of [3, 2, 1]) {
      const g = steps[4 - k].paramGrad!;
      expect(maxAbs(g.flat, vecMat(v.dLdy[k - 1], paramJacobian(net, f, k)))).toBe(0);
      const L = net.layers[k - 1];
      // dℒ/dW[i][j] = δ_i y_{k−1, j}, dℒ/db = δ with δ = ∂ℒ/∂y_k ⊙ σ'(u_k).
      expect(g.W.length).toBe(L.W.length);
      expect(g.W[0].length).toBe(L.W[0].length);
      for (let i = 0; i < L.W.length; i++) for (let j = 0; j < L.W[0].length; j++) expect(g.W[i][j]).toBeCloseTo(g.b[i] * f.ys[k - 1][j], 14);
    }
    expect(splitParamGrad(1, v.dtheta[0]).flat).toEqual(v.dtheta[0]);
  });

  it('the chain is associative: (((∂ℒ/∂y₃ J₃) J₂) P₁) = ∂ℒ/∂y₃ (J₃ (J₂ P₁)) to 1e-14', () => {
    const matMul = (A: number[][], B: number[][]) => A.map((r) => B[0].map((_, j) => r.reduce((s, a, k) => s + a * B[k][j], 0)));
    const right = vecMat(v.dLdy[2], matMul(v.J3, matMul(v.J2, v.P1)));
    expect(maxAbs(right, v.dtheta[0])).toBeLessThan(1e-14);
  });

  it('factor states: done before the step, current at it, pending after', () => {
    expect([0, 1, 2, 3].map((i) => factorState(i, 2))).toEqual(['done', 'done', 'current', 'pending']);
    expect([0, 1, 2, 3].map((i) => factorState(i, 0))).toEqual(['current', 'pending', 'pending', 'pending']);
  });
});

describe('Backprop URL state', () => {
  it('defaults to step 0, seed 1; reads strings; rejects out-of-range and non-integers', () => {
    expect(backpropSchema.parse({})).toEqual({ step: 0, seed: 1 });
    expect(backpropSchema.parse({ step: '2', seed: '17' })).toEqual({ step: 2, seed: 17 });
    expect(backpropSchema.safeParse({ step: '4' }).success).toBe(false);
    expect(backpropSchema.safeParse({ step: '-1' }).success).toBe(false);
    expect(backpropSchema.safeParse({ step: '1.5' }).success).toBe(false);
    expect(backpropSchema.safeParse({ seed: 'abc' }).success).toBe(false);
    expect(clampStep(9)).toBe(3);
    expect(clampStep(-2)).toBe(0);
    expect(clampStep(Number.NaN)).toBe(0);
    expect(nextSeed(1)).toBe(2);
    expect(backpropSchema.safeParse({ seed: String(nextSeed(999_999)) }).success).toBe(true);
  });
});

describe('Backprop equation number', () => {
  it('is the article’s number for eq:chain-rule (numbered equations counted in content/adjoint.mdx)', () => {
    const mdx = readFileSync(path.join(__dirname, '../../../content/adjoint.mdx'), 'utf8');
    const at = mdx.indexOf('\\label{eq:chain-rule}');
    expect(at).toBeGreaterThan(-1);
    const before = mdx.slice(0, at).match(/\\begin\{equation\}/g) ?? [];
    expect(before.length).toBe(CHAIN_RULE_EQ_NUMBER);
  });
});
