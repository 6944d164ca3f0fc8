/**
 * The flat parameter vector θ of a dynamics spec, and back.
 *
 * Layout (one convention everywhere: float64 VJPs, tfjs parameter tensors, gradients, labels):
 * - mlp: for each layer in order, W row-major ([in][out], W[i][j] at offset + i·out + j), then b;
 * - linear, spiral: A row-major (A[i][j] at i·D + j);
 * - lorenz: [sigma, rho, beta];  dampedOscillator: [omega, zeta].
 * The tfjs parameter list is the same blocks as separate tensors with `paramBlocks(spec)[k].shape`.
 */
import type { DynamicsSpec, MlpLayer, ParamsJson, MlpParams, MatrixParams, LorenzParams, DampedOscillatorParams } from './problem';

export type ParamKind = 'W' | 'b' | 'A' | 'scalar';

/** One tensor-shaped block of θ (a W, a b, an A, or one scalar parameter). */
export interface ParamBlock {
  /** 'W1', 'b1', 'A', 'sigma', … (layers counted from 1, as in the article). */
  name: string;
  kind: ParamKind;
  /** MLP layer index from 0; 0 for the other families. */
  layer: number;
  offset: number;
  /** [rows, cols] for W and A, [n] for b, [] for a scalar. */
  shape: number[];
  size: number;
}

/** Where one entry of θ comes from. */
export interface ParamLabel {
  index: number;
  layer: number;
  kind: ParamKind;
  /** W, A: row and column; b: row 0, col = unit; scalar: 0, 0. */
  row: number;
  col: number;
  /** 'W1[0,3]', 'b2[1]', 'A[1,0]', 'σ'. */
  label: string;
  /** The block's name ('W1', 'b2', 'A', 'sigma'). */
  block: string;
}

const SCALAR_SYMBOL: Record<string, string> = { sigma: 'σ', rho: 'ρ', beta: 'β', omega: 'ω', zeta: 'ζ' };
const LORENZ_KEYS = ['sigma', 'rho', 'beta'] as const;
const DAMPED_KEYS = ['omega', 'zeta'] as const;

export function paramBlocks(spec: DynamicsSpec): ParamBlock[] {
  const blocks: ParamBlock[] = [];
  let offset = 0;
  const push = (name: string, kind: ParamKind, layer: number, shape: number[]): void => {
    const size = shape.reduce((a, b) => a * b, 1);
    blocks.push({ name, kind, layer, offset, shape, size });
    offset += size;
  };
  switch (spec.kind) {
    case 'mlp':
      spec.layers.forEach((l, i) => {
        push(`W${i + 1}`, 'W', i, [l.W.length, l.W[0].length]);
        push(`b${i + 1}`, 'b', i, [l.b.length]);
      });
      break;
    case 'linear':
    case 'spiral':
      push('A', 'A', 0, [spec.A.length, spec.A.length]);
      break;
    case 'lorenz':
      for (const k of LORENZ_KEYS) push(k, 'scalar', 0, []);
      break;
    case 'dampedOscillator':
      for (const k of DAMPED_KEYS) push(k, 'scalar', 0, []);
      break;
  }
  return blocks;
}

export function paramCount(spec: DynamicsSpec): number {
  const blocks = paramBlocks(spec);
  const last = blocks[blocks.length - 1];
  return last.offset + last.size;
}

export function paramLabels(spec: DynamicsSpec): ParamLabel[] {
  const labels: ParamLabel[] = [];
  for (const bl of paramBlocks(spec)) {
    if (bl.kind === 'W' || bl.kind === 'A') {
      const [rows, cols] = bl.shape;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          labels.push({ index: bl.offset + r * cols + c, layer: bl.layer, kind: bl.kind, row: r, col: c, label: `${bl.name}[${r},${c}]`, block: bl.name });
        }
      }
    } else if (bl.kind === 'b') {
      for (let c = 0; c < bl.size; c++) {
        labels.push({ index: bl.offset + c, layer: bl.layer, kind: 'b', row: 0, col: c, label: `${bl.name}[${c}]`, block: bl.name });
      }
    } else {
      labels.push({ index: bl.offset, layer: 0, kind: 'scalar', row: 0, col: 0, label: SCALAR_SYMBOL[bl.name] ?? bl.name, block: bl.name });
    }
  }
  return labels;
}

function packMatrix(m: readonly (readonly number[])[], out: Float64Array, offset: number): number {
  for (const row of m) for (const v of row) out[offset++] = v;
  return offset;
}

function packLayers(layers: readonly MlpLayer[], out: Float64Array): void {
  let o = 0;
  for (const l of layers) {
    o = packMatrix(l.W, out, o);
    for (const v of l.b) out[o++] = v;
  }
}

/**
 * θ of a dynamics spec. With `params` (e.g. `expected.grad.params`, same structure as the spec's
 * parameters), packs those numbers instead, in the spec's layout.
 */
export function packParams(spec: DynamicsSpec, params?: ParamsJson): Float64Array {
  const out = new Float64Array(paramCount(spec));
  switch (spec.kind) {
    case 'mlp':
      packLayers(((params as MlpParams | undefined) ?? spec).layers, out);
      break;
    case 'linear':
    case 'spiral':
      packMatrix(((params as MatrixParams | undefined) ?? spec).A, out, 0);
      break;
    case 'lorenz': {
      const p = (params as LorenzParams | undefined) ?? spec;
      LORENZ_KEYS.forEach((k, i) => (out[i] = p[k]));
      break;
    }
    case 'dampedOscillator': {
      const p = (params as DampedOscillatorParams | undefined) ?? spec;
      DAMPED_KEYS.forEach((k, i) => (out[i] = p[k]));
      break;
    }
  }
  return out;
}

function checkLength(spec: DynamicsSpec, theta: ArrayLike<number>): void {
  const P = paramCount(spec);
  if (theta.length !== P) throw new Error(`params: θ has ${theta.length} entries, but this ${spec.kind} dynamics has ${P} parameters.`);
}

function unpackMatrix(theta: ArrayLike<number>, offset: number, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => theta[offset + r * cols + c]));
}

/** θ (or a gradient dL/dθ) → the parameter structure of `spec` (the shape of `expected.grad.params`). */
export function unpackParams(spec: DynamicsSpec, theta: ArrayLike<number>): ParamsJson {
  checkLength(spec, theta);
  switch (spec.kind) {
    case 'mlp': {
      const blocks = paramBlocks(spec);
      const layers = spec.layers.map((_, i) => {
        const W = blocks[2 * i];
        const b = blocks[2 * i + 1];
        return {
          W: unpackMatrix(theta, W.offset, W.shape[0], W.shape[1]),
          b: Array.from({ length: b.size }, (_, j) => theta[b.offset + j]),
        };
      });
      return { layers };
    }
    case 'linear':
    case 'spiral':
      return { A: unpackMatrix(theta, 0, spec.A.length, spec.A.length) };
    case 'lorenz':
      return { sigma: theta[0], rho: theta[1], beta: theta[2] };
    case 'dampedOscillator':
      return { omega: theta[0], zeta: theta[1] };
  }
}

/** A copy of `spec` with its parameters replaced by θ (e.g. after a training step). */
export function withTheta(spec: DynamicsSpec, theta: ArrayLike<number>): DynamicsSpec {
  const p = unpackParams(spec, theta);
  switch (spec.kind) {
    case 'mlp':
      return { ...spec, layers: (p as MlpParams).layers };
    case 'linear':
    case 'spiral':
      return { ...spec, A: (p as MatrixParams).A };
    case 'lorenz':
      return { ...spec, ...(p as LorenzParams) };
    case 'dampedOscillator':
      return { ...spec, ...(p as DampedOscillatorParams) };
  }
}
