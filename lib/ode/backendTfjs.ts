import { tf } from '../tf';
import type { Backend } from './types';

/**
 * tfjs backend: V is a tuple of float32 tensors ([z] for a plain solve, [z, s, ...gθ] for augmented
 * systems). Written for the cpu backend, where reading a tensor (dataSync) hands back its storage
 * without a copy and every engine op costs ~5 µs whatever its size:
 * - linComb is ONE engine op per tuple entry (a customGrad whose forward is a plain loop, accumulated
 *   in double, and whose gradient dy·h·cᵢ is a plain loop too), instead of a mul per term plus an add
 *   (measured: 12 µs vs 52 µs for a 5-term combination);
 * - errorNorm, rms, allFinite and toFloat64 read the data and loop in JS: no ops at all.
 * Everything that feeds the solution stays differentiable, so the solver works inside tf.grads.
 */
function fusedCombination(base: tf.Tensor | null, scales: readonly number[], ks: readonly tf.Tensor[]): tf.Tensor {
  const inputs = base ? [base, ...ks] : [...ks];
  const shape = inputs[0].shape;
  const combine = tf.customGrad((...args) => {
    const xs = args.slice(0, inputs.length) as tf.Tensor[];
    const n = xs[0].size;
    const acc = new Float64Array(n);
    let offset = 0;
    if (base) {
      const b = xs[0].dataSync();
      for (let j = 0; j < n; j++) acc[j] = b[j];
      offset = 1;
    }
    for (let i = 0; i < scales.length; i++) {
      const s = scales[i];
      const k = xs[offset + i].dataSync();
      for (let j = 0; j < n; j++) acc[j] += s * k[j];
    }
    const value = tf.tensor(Float32Array.from(acc), shape, 'float32');
    // The backward pass is plain loops too (tensor creation costs a third of an op). It is not itself
    // differentiable: no higher-order gradients through the solver (lib/adjoint does not need them).
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const d = dy.dataSync();
      const grads: tf.Tensor[] = [];
      if (base) grads.push(tf.tensor(Float32Array.from(d), shape, 'float32'));
      for (const s of scales) {
        const g = new Float32Array(n);
        for (let j = 0; j < n; j++) g[j] = s * d[j];
        grads.push(tf.tensor(g, shape, 'float32'));
      }
      return grads;
    };
    return { value, gradFunc };
  });
  return combine(...inputs);
}

/** The slice of tfjs's engine state that guard needs (internal, but stable across tfjs 2–4). */
interface TapeState {
  gradientDepth: number;
  activeTape: { saved?: tf.Tensor[] }[] | null;
}

function checkShapes(what: string, a: readonly tf.Tensor[], b: readonly tf.Tensor[]): void {
  if (a.length !== b.length) throw new Error(`tfjs backend: ${what} tuple lengths differ (${a.length} vs ${b.length}).`);
}

export const tfjsBackend: Backend<tf.Tensor[]> = {
  name: 'tfjs',

  linComb(base, h, coeffs, ks) {
    const used: number[] = [];
    for (let i = 0; i < coeffs.length; i++) if (coeffs[i] !== 0) used.push(i);
    const entries = base ? base.length : ks[0].length;
    const out: tf.Tensor[] = [];
    for (let e = 0; e < entries; e++) {
      if (used.length === 0) {
        out.push(base ? tf.clone(base[e]) : tf.zerosLike(ks[0][e]));
        continue;
      }
      out.push(
        fusedCombination(
          base ? base[e] : null,
          used.map((i) => h * coeffs[i]),
          used.map((i) => ks[i][e]),
        ),
      );
    }
    return out;
  },

  errorNorm(err, y0, y1, rtol, atol, channels) {
    checkShapes('errorNorm', err, y1);
    const m = channels === undefined ? err.length : Math.min(channels, err.length);
    let sum = 0;
    let count = 0;
    for (let e = 0; e < m; e++) {
      const ev = err[e].dataSync();
      const a = y0[e].dataSync();
      const b = y1[e].dataSync();
      for (let j = 0; j < ev.length; j++) {
        const aa = Math.abs(a[j]);
        const bb = Math.abs(b[j]);
        const r = ev[j] / (atol + rtol * (aa > bb ? aa : bb));
        sum += r * r;
      }
      count += ev.length;
    }
    for (const y of y1) {
      const d = y.dataSync();
      for (let j = 0; j < d.length; j++) if (!Number.isFinite(d[j])) return NaN;
    }
    return count === 0 ? 0 : Math.sqrt(sum / count);
  },

  rms(v) {
    let sum = 0;
    let count = 0;
    for (const x of v) {
      const d = x.dataSync();
      for (let j = 0; j < d.length; j++) sum += d[j] * d[j];
      count += d.length;
    }
    return count === 0 ? 0 : Math.sqrt(sum / count);
  },

  allFinite(v) {
    for (const x of v) {
      const d = x.dataSync();
      for (let j = 0; j < d.length; j++) if (!Number.isFinite(d[j])) return false;
    }
    return true;
  },

  scope<T>(fn: () => T): T {
    // tidy keeps every tensor reachable from the result (plain objects and arrays are walked).
    return tf.tidy(fn as () => tf.TensorContainer) as T;
  },

  dispose(v) {
    tf.dispose(v);
  },

  clone(v) {
    return v.map((x) => tf.clone(x));
  },

  describe(v) {
    return `[${v.map((x) => `[${x.shape.join(',')}]`).join(', ')}]`;
  },

  toFloat64(v) {
    let n = 0;
    for (const x of v) n += x.size;
    const out = new Float64Array(n);
    let o = 0;
    for (const x of v) {
      out.set(x.dataSync(), o);
      o += x.size;
    }
    return out;
  },

  guard<T>(fn: () => T): T {
    // Inside tf.grads every op records a tape node holding kept clones of its inputs; tfjs frees them only
    // after a successful backward pass. If the solve fails, drop the nodes it added (their outputs are all
    // disposed by then, so nothing can backpropagate through them) and free what they saved.
    const state = tf.engine().state as unknown as TapeState;
    const tape = state.gradientDepth > 0 ? state.activeTape : null;
    const start = tape ? tape.length : 0;
    try {
      return fn();
    } catch (e) {
      if (tape && state.activeTape === tape) {
        for (const node of tape.splice(start)) if (node.saved) tf.dispose(node.saved);
      }
      throw e;
    }
  },
};
