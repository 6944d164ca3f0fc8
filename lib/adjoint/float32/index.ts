/**
 * The float32 (tfjs) gradient modes. Importing this module registers them with computeGradient
 * (lib/adjoint/gradient.ts), so float64-only code never loads tfjs.
 */
import { InvalidInputError } from '../../ode/errors';
import { registerFloat32 } from '../gradient';
import type { GradientOptions, GradientResult, ProblemData } from '../gradientTypes';
import { adjointGradient32 } from './adjoint32';
import { backpropGradient32 } from './backprop32';
import { finiteDifferences32 } from './fd32';

export function computeGradient32(problem: ProblemData, opts: GradientOptions): GradientResult {
  switch (opts.mode) {
    case 'adjoint':
      return adjointGradient32(problem, opts);
    case 'backprop':
      return backpropGradient32(problem, opts);
    case 'fd':
      return finiteDifferences32(problem, opts);
    default:
      throw new InvalidInputError(`Unknown gradient mode "${String(opts.mode)}"; use adjoint, backprop or fd.`);
  }
}

registerFloat32(computeGradient32);

export { adjointGradient32, augmentedField32 } from './adjoint32';
export { backpropGradient32 } from './backprop32';
export { finiteDifferences32 } from './fd32';
