import { tf } from '../../tf';
import type { VectorField } from '../../ode/types';
import { makeTensorDynamics, paramTensors, type TensorDynamics } from '../dynamics/tensor';
import type { FlatProblem } from '../gradientCommon';
import { mlpForward32 } from './mlpAdjoint32';


/**
 * The tensors of one float32 run: the tfjs dynamics, θ as one tensor per params.ts block, z0 and the
 * targets. `dispose` frees them all; the gradient modes create one context per call and always dispose
 * it in `finally`, so a call leaves tf.memory().numTensors where it found it, success or error.
 */
export interface Context32 {
  dyn: TensorDynamics;
  /** f(t, z; params): the MLP's fused form (mlpAdjoint32.ts), else the foundation's fTensor. */
  f: (t: number, z: tf.Tensor2D, params: readonly tf.Tensor[]) => tf.Tensor2D;
  params: tf.Tensor[];
  z0: tf.Tensor2D;
  /** Created on first access. */
  readonly targets: tf.Tensor2D[];
  /** Largest tf.memory().numBytes seen by `sample` (the f wrappers call it at every evaluation). */
  peakBytes: number;
  sample(): void;
  dispose(): void;
}

export function makeContext32(
  fp: FlatProblem,
  theta: ArrayLike<number> = fp.theta,
  z0: ArrayLike<number> = fp.z0,
  check: () => void = () => {},
): Context32 {
  const dyn = makeTensorDynamics(fp.spec);
  const params = paramTensors(fp.spec, theta);
  const shape: [number, number] = [fp.batch, fp.dim];
  const z0t = tf.tensor2d(Float32Array.from(z0), shape, 'float32');
  // Targets as tensors only when asked for (backprop's tfjs loss): the adjoint computes its loss and
  // cotangents in float64 and should not hold N + 1 extra tensors.
  let targets: tf.Tensor2D[] | null = null;
  const ctx: Context32 = {
    dyn,
    f: fp.spec.kind === 'mlp' ? mlpForward32(fp.spec) : (t, z, p) => dyn.fTensor(t, z, p),
    params,
    z0: z0t,
    get targets(): tf.Tensor2D[] {
      if (!targets) targets = fp.targets.map((y) => tf.tensor2d(Float32Array.from(y), shape, 'float32'));
      return targets;
    },
    peakBytes: tf.memory().numBytes,
    sample() {
      check();
      const b = tf.memory().numBytes;
      if (b > ctx.peakBytes) ctx.peakBytes = b;
    },
    dispose() {
      tf.dispose([...params, z0t, ...(targets ?? [])]);
    },
  };
  return ctx;
}

/** The forward vector field on a [z] tuple (samples memory at each evaluation). */
export function forwardField32(ctx: Context32, params: readonly tf.Tensor[] = ctx.params): VectorField<tf.Tensor[]> {
  return (t, y) => {
    ctx.sample();
    return [ctx.f(t, y[0] as tf.Tensor2D, params)];
  };
}
