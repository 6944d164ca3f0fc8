import { describe, expect, it } from 'vitest';
import { countedPeakBytes, outputBytes } from './memoryEstimate';

// The formulas README "Benchmarks" reports (memory-horizon: batch 20, D 2, the ode_demo MLP, P = 252).
describe('countedPeakBytes', () => {
  const shape = { batch: 20, dim: 2, P: 252, points: 2, stepsForward: 30 };
  it('adjoint: ẑ plus one backward step’s working set, flat in the number of steps', () => {
    expect(countedPeakBytes('adjoint', shape) - outputBytes(shape)).toBe(10 * (2 * 40 + 252) * 8); // 26.56 kB
    expect(countedPeakBytes('adjoint', { ...shape, stepsForward: 3000 })).toBe(countedPeakBytes('adjoint', shape));
  });
  it('backprop: grows with the forward steps (6 stage inputs + 3 doubles a step)', () => {
    const a = countedPeakBytes('backprop', shape);
    const b = countedPeakBytes('backprop', { ...shape, stepsForward: 31 });
    expect(b - a).toBe(6 * 40 * 8 + 24);
  });
  it('fd: ẑ, one forward solve’s working set and the gradient arrays; float32 words halve the solve part', () => {
    expect(countedPeakBytes('fd', shape)).toBe(2 * 40 * 8 + 10 * 40 * 8 + (40 + 252 + 2) * 8);
    expect(countedPeakBytes('fd', shape, 4)).toBe(2 * 40 * 4 + 10 * 40 * 4 + (40 + 252 + 2) * 8);
  });
});
