/**
 * tfjs (float32) counterparts of the dynamics families, for the tfjs solver path and for autodiff
 * checks. Kept apart from the float64 files so that code using only float64 never loads tfjs.
 *
 * Parameters are a list of tensors, one per block of params.ts (`paramBlocks(spec)`): mlp
 * [W1 [in,out], b1 [out], W2, b2, …], linear/spiral [A [D,D]], lorenz [σ, ρ, β] and dampedOscillator
 * [ω, ζ] as scalars. Passing them explicitly (instead of closing over variables) is what lets
 * `tf.grads`/`tf.valueAndGrads` differentiate with respect to them. Concatenating the flattened
 * tensors in order gives θ.
 */
import { tf } from '../../tf';
import type { DynamicsKind, DynamicsSpec } from '../problem';
import { packParams, paramBlocks } from '../params';

export interface TensorDynamics {
  readonly kind: DynamicsKind;
  readonly D: number;
  readonly P: number;
  readonly timeDependent: boolean;
  /** Shapes of the parameter tensors, in θ order. */
  readonly paramShapes: readonly number[][];
  /** f for a batch z [B, D]. `t` may be a scalar tensor, to differentiate with respect to time. */
  fTensor(t: number | tf.Scalar, z: tf.Tensor2D, params: readonly tf.Tensor[]): tf.Tensor2D;
}

function mlpTensor(spec: Extract<DynamicsSpec, { kind: 'mlp' }>): TensorDynamics['fTensor'] {
  const L = spec.layers.length;
  const act = spec.activation === 'tanh' ? tf.tanh : tf.softplus;
  return (t, z, params) => {
    let x: tf.Tensor2D = spec.cubeInput ? tf.mul(tf.mul(z, z), z) : z;
    if (spec.timeInput) {
      const B = z.shape[0];
      const col: tf.Tensor2D = typeof t === 'number' ? tf.fill([B, 1], t) : tf.mul(tf.ones([B, 1]), t);
      x = tf.concat([x, col], 1);
    }
    for (let l = 0; l < L; l++) {
      const y: tf.Tensor2D = tf.add(tf.matMul(x, params[2 * l] as tf.Tensor2D), params[2 * l + 1]);
      x = l < L - 1 ? act(y) : y;
    }
    return x;
  };
}

/** The tfjs form of a spec (validated). */
export function makeTensorDynamics(spec: DynamicsSpec): TensorDynamics {
  const blocks = paramBlocks(spec);
  const paramShapes = blocks.map((b) => b.shape);
  const P = blocks[blocks.length - 1].offset + blocks[blocks.length - 1].size;
  const base = { kind: spec.kind, P, paramShapes, timeDependent: spec.kind === 'mlp' && spec.timeInput };
  switch (spec.kind) {
    case 'mlp':
      return { ...base, D: spec.layers[spec.layers.length - 1].b.length, fTensor: mlpTensor(spec) };
    case 'linear':
      // Column convention dz/dt = A z ⇒ rows: Z·Aᵀ.
      return { ...base, D: spec.A.length, fTensor: (_t, z, [A]) => tf.matMul(z, A as tf.Tensor2D, false, true) };
    case 'spiral':
      return { ...base, D: spec.A.length, fTensor: (_t, z, [A]) => tf.matMul(tf.mul(tf.mul(z, z), z), A as tf.Tensor2D) };
    case 'lorenz':
      return {
        ...base,
        D: 3,
        fTensor: (_t, z, [sigma, rho, beta]) => {
          const [x, y, w] = tf.split(z, 3, 1);
          return tf.concat(
            [tf.mul(sigma, tf.sub(y, x)), tf.sub(tf.mul(x, tf.sub(rho, w)), y), tf.sub(tf.mul(x, y), tf.mul(beta, w))],
            1,
          ) as tf.Tensor2D;
        },
      };
    case 'dampedOscillator':
      return {
        ...base,
        D: 2,
        fTensor: (_t, z, [omega, zeta]) => {
          const [x, v] = tf.split(z, 2, 1);
          const acc = tf.neg(tf.add(tf.mul(tf.square(omega), x), tf.mul(tf.mul(tf.mul(2, zeta), omega), v)));
          return tf.concat([v, acc], 1) as tf.Tensor2D;
        },
      };
  }
}

/** θ (float64, params.ts layout) → float32 parameter tensors (caller disposes). Defaults to the spec's θ. */
export function paramTensors(spec: DynamicsSpec, theta: ArrayLike<number> = packParams(spec)): tf.Tensor[] {
  return paramBlocks(spec).map((b) => {
    const data = Float32Array.from({ length: b.size }, (_, k) => theta[b.offset + k]);
    return tf.tensor(data, b.shape, 'float32');
  });
}

/** Parameter tensors (or their gradients) → one flat float64 θ. Does not dispose them. */
export function tensorsToTheta(ts: readonly tf.Tensor[]): Float64Array {
  const n = ts.reduce((s, x) => s + x.size, 0);
  const out = new Float64Array(n);
  let o = 0;
  for (const x of ts) {
    out.set(x.dataSync(), o);
    o += x.size;
  }
  return out;
}

export interface TensorVjp {
  /** f(t, z) [B, D]. */
  f: tf.Tensor2D;
  /** aᵀ∂f/∂z [B, D]. */
  z: tf.Tensor2D;
  /** aᵀ∂f/∂θ per parameter tensor (summed over the batch). */
  params: tf.Tensor[];
  /** aᵀ∂f/∂t (scalar), only when requested with withTime. */
  t?: tf.Scalar;
}

/**
 * f and its VJP with cotangent a [B, D] by tfjs autodiff (tf.valueAndGrads with dy = a). The returned
 * tensors are new; the caller disposes them (or runs this inside tf.tidy). With `withTime`, also
 * aᵀ∂f/∂t (0 for fields that do not depend on t).
 */
export function vjpTensor(
  dyn: TensorDynamics,
  t: number,
  z: tf.Tensor2D,
  a: tf.Tensor2D,
  params: readonly tf.Tensor[],
  withTime = false,
): TensorVjp {
  const timeGrad = withTime && dyn.timeDependent;
  return tf.tidy(() => {
    const tt = tf.scalar(t);
    const args: tf.Tensor[] = [z, ...params, ...(timeGrad ? [tt] : [])];
    const g = tf.valueAndGrads((...xs: tf.Tensor[]) => {
      const tArg = timeGrad ? (xs[xs.length - 1] as tf.Scalar) : t;
      return dyn.fTensor(tArg, xs[0] as tf.Tensor2D, xs.slice(1, 1 + params.length));
    });
    const { value, grads } = g(args, a);
    const res: TensorVjp = {
      f: value as tf.Tensor2D,
      z: grads[0] as tf.Tensor2D,
      params: grads.slice(1, 1 + params.length),
    };
    if (withTime) res.t = timeGrad ? (grads[grads.length - 1] as tf.Scalar) : tf.scalar(0);
    return res as unknown as tf.TensorContainer;
  }) as unknown as TensorVjp;
}
