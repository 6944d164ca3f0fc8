import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProblem, type DynamicsSpec } from './problem';
import { packParams, paramBlocks, paramCount, paramLabels, unpackParams, withTheta } from './params';
import { CASES } from './dynamics/testCases';

const seed = parseProblem(JSON.parse(readFileSync(path.resolve(__dirname, '../../tests/reference/seed-four-samples.json'), 'utf8')));

describe('θ layout', () => {
  it('the seed MLP has 2·16 + 16 + 16·2 + 2 = 82 parameters in W1, b1, W2, b2 order', () => {
    const spec = seed.dynamics;
    if (spec.kind !== 'mlp') throw new Error('kind');
    expect(paramCount(spec)).toBe(82);
    expect(paramBlocks(spec).map((b) => [b.name, b.offset, b.shape])).toEqual([
      ['W1', 0, [2, 16]],
      ['b1', 32, [16]],
      ['W2', 48, [16, 2]],
      ['b2', 80, [2]],
    ]);
    const th = packParams(spec);
    expect(th[0 * 16 + 3]).toBe(spec.layers[0].W[0][3]);
    expect(th[1 * 16 + 5]).toBe(spec.layers[0].W[1][5]);
    expect(th[32 + 7]).toBe(spec.layers[0].b[7]);
    expect(th[48 + 9 * 2 + 1]).toBe(spec.layers[1].W[9][1]);
    expect(th[81]).toBe(spec.layers[1].b[1]);
  });

  it('labels name every entry, grouped by layer and W/b', () => {
    const spec = seed.dynamics;
    const labels = paramLabels(spec);
    expect(labels.length).toBe(82);
    expect(labels.map((l) => l.index)).toEqual(Array.from({ length: 82 }, (_, i) => i));
    expect(labels[3]).toEqual({ index: 3, layer: 0, kind: 'W', row: 0, col: 3, label: 'W1[0,3]', block: 'W1' });
    expect(labels[39]).toEqual({ index: 39, layer: 0, kind: 'b', row: 0, col: 7, label: 'b1[7]', block: 'b1' });
    expect(labels[67].label).toBe('W2[9,1]');
    expect(labels.filter((l) => l.layer === 1 && l.kind === 'b').map((l) => l.label)).toEqual(['b2[0]', 'b2[1]']);
    expect(paramLabels({ kind: 'linear', A: [[1, 2], [3, 4]] }).map((l) => l.label)).toEqual(['A[0,0]', 'A[0,1]', 'A[1,0]', 'A[1,1]']);
    expect(paramLabels({ kind: 'lorenz', sigma: 1, rho: 2, beta: 3 }).map((l) => l.label)).toEqual(['σ', 'ρ', 'β']);
    expect(paramLabels({ kind: 'dampedOscillator', omega: 1, zeta: 2 }).map((l) => l.label)).toEqual(['ω', 'ζ']);
  });

  it.each(CASES.map((c) => [c.name, c.spec] as [string, DynamicsSpec]))('%s: pack ∘ unpack and withTheta round-trip', (_n, spec) => {
    const th = packParams(spec);
    const doubled = th.map((v) => 2 * v);
    const spec2 = withTheta(spec, doubled);
    expect(Array.from(packParams(spec2))).toEqual(Array.from(doubled));
    expect(Array.from(packParams(spec, unpackParams(spec, th)))).toEqual(Array.from(th));
    expect(Array.from(packParams(spec))).toEqual(Array.from(th)); // the original is untouched
    expect(paramLabels(spec).length).toBe(th.length);
    expect(() => unpackParams(spec, new Float64Array(th.length + 1))).toThrow(/θ has/);
  });

  it('packs expected.grad.params in the same layout (the seed gradient)', () => {
    const g = packParams(seed.dynamics, seed.expected!.grad.params);
    const gp = seed.expected!.grad.params as { layers: { W: number[][]; b: number[] }[] };
    expect(g[48 + 9 * 2 + 1]).toBe(gp.layers[1].W[9][1]);
    expect(unpackParams(seed.dynamics, g)).toEqual(gp);
  });
});
