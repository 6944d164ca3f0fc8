import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { flattenBatch, flattenStates, nestBatch, parseProblem, parseProblemText, problemDims, ProblemError } from './problem';

const REF = path.resolve(__dirname, '../../tests/reference');
const NAMES = ['linear-2d', 'seed-four-samples', 'spiral-batch', 'time-dependent', 'deep-long'];
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(REF, `${name}.json`), 'utf8'));

type Json = Record<string, unknown>;
/** A deep copy of seed-four-samples changed by `edit`. */
function seedWith(edit: (p: Json & { dynamics: Json; expected: Json }) => void): unknown {
  const p = structuredClone(load('seed-four-samples')) as Json & { dynamics: Json; expected: Json };
  edit(p);
  return p;
}
function layers(p: Json): { W: number[][]; b: number[] }[] {
  return (p.dynamics as { layers: { W: number[][]; b: number[] }[] }).layers;
}

function errorOf(json: unknown): ProblemError {
  try {
    parseProblem(json);
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error('expected parseProblem to throw');
}

describe('parseProblem on the reference files', () => {
  it.each(NAMES)('%s is valid, with its shapes', (name) => {
    const p = parseProblem(load(name));
    expect(p.name).toBe(name);
    const { N, batch, D } = problemDims(p);
    expect(p.targets.length).toBe(N + 1);
    expect(p.expected?.zhat.length).toBe(N + 1);
    expect(p.expected?.grad.z0.length).toBe(batch);
    expect(D).toBe(2);
  });

  it('keeps the numbers exactly', () => {
    const raw = load('seed-four-samples') as { dynamics: { layers: { W: number[][] }[] } };
    const p = parseProblem(raw);
    if (p.dynamics.kind !== 'mlp') throw new Error('kind');
    expect(p.dynamics.layers[1].W[3][1]).toBe(raw.dynamics.layers[1].W[3][1]);
  });

  it('accepts a problem without expected and description, with decreasing t', () => {
    const p = seedWith((q) => {
      delete (q as Json).expected;
      delete q.description;
      q.t = [3, 2, 1, 0];
    });
    expect(parseProblem(p).t).toEqual([3, 2, 1, 0]);
  });

  it('accepts a single time (no observations)', () => {
    const p = seedWith((q) => {
      delete (q as Json).expected;
      q.t = [0];
      q.targets = [[[2, 0]]];
    });
    expect(problemDims(parseProblem(p)).N).toBe(0);
  });
});

describe('parseProblem rejects invalid problems with one line naming the path', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', 42, '(root)', /expected object/],
    ['wrong format', seedWith((p) => (p.format = 'adjoint-problem/2')), 'format', /adjoint-problem\/1/],
    ['unknown top-level key', seedWith((p) => (p.extra = 1)), '(root)', /unknown key "extra"/],
    ['unknown key in dynamics', seedWith((p) => (p.dynamics.bias = true)), 'dynamics', /unknown key "bias"/],
    ['unknown key in a layer', seedWith((p) => ((layers(p)[0] as Json).scale = 2)), 'dynamics.layers[0]', /unknown key "scale"/],
    ['unknown dynamics kind', seedWith((p) => (p.dynamics.kind = 'rnn')), 'dynamics.kind', /mlp/],
    ['unknown activation', seedWith((p) => (p.dynamics.activation = 'relu')), 'dynamics.activation', /tanh/],
    ['unknown loss', seedWith((p) => (p.loss = 'mae')), 'loss', /sse/],
    ['unknown method', seedWith((p) => (p.solver = { method: 'rk45' })), 'solver.method', /dopri5/],
    ['null in W', seedWith((p) => ((layers(p)[1].W[3] as unknown[])[1] = null)), 'dynamics.layers[1].W[3][1]', /finite number, got null/],
    ['NaN in z0', seedWith((p) => (p.z0 = [[NaN, 0]])), 'z0[0][0]', /finite number, got NaN/],
    ['Infinity in t', seedWith((p) => (p.t = [0, 1, Infinity, 3])), 't[2]', /finite number, got Infinity/],
    ['string number', seedWith((p) => (p.t = [0, '1', 2, 3])), 't[1]', /finite number, got the string "1"/],
    ['boolean flag as string', seedWith((p) => (p.dynamics.timeInput = 'false')), 'dynamics.timeInput', /boolean/],
    ['missing layers', seedWith((p) => delete p.dynamics.layers), 'dynamics.layers', /expected array/],
    ['no layers', seedWith((p) => (p.dynamics.layers = [])), 'dynamics.layers', /at least one layer/],
    ['W rows do not chain', seedWith((p) => layers(p)[1].W.pop()), 'dynamics.layers[1].W', /expected 16 rows to match the previous layer's 16 outputs, got 15/],
    ['first W rows vs D', seedWith((p) => layers(p)[0].W.push(layers(p)[0].W[0].slice())), 'dynamics.layers[0].W', /expected 2 rows to match the input width D = 2, got 3/],
    ['timeInput needs D+1 rows', seedWith((p) => (p.dynamics.timeInput = true)), 'dynamics.layers[0].W', /expected 3 rows to match the input width D \+ 1 \(timeInput\) = 3, got 2/],
    ['ragged W', seedWith((p) => layers(p)[0].W[1].pop()), 'dynamics.layers[0].W[1]', /expected 16 entries/],
    ['b length', seedWith((p) => layers(p)[0].b.pop()), 'dynamics.layers[0].b', /expected 16 entries to match the 16 columns of W, got 15/],
    ['last layer width', seedWith((p) => {
      layers(p)[1].W.forEach((r) => r.push(0));
      layers(p)[1].b.push(0);
    }), 'dynamics.layers[1].W', /must output D = 2/],
    ['ragged z0', seedWith((p) => (p.z0 = [[2, 0], [1]])), 'z0[1]', /expected 2 entries/],
    ['empty z0', seedWith((p) => (p.z0 = [])), 'z0', /at least one row/],
    ['empty t', seedWith((p) => (p.t = [])), 't', /at least one time/],
    ['repeated time', seedWith((p) => (p.t = [0, 1, 1, 3])), 't[2]', /strictly increasing/],
    ['non-monotonic time', seedWith((p) => (p.t = [3, 2, 2.5, 0])), 't[2]', /strictly decreasing/],
    ['t0 = t1', seedWith((p) => (p.t = [0, 0, 1, 2])), 't[1]', /strictly monotonic/],
    ['too few targets', seedWith((p) => (p.targets as unknown[]).pop()), 'targets', /expected 4 entries \(one per time in t\), got 3/],
    ['target batch', seedWith((p) => ((p.targets as unknown[][])[2] = [[1, 2], [3, 4]])), 'targets[2]', /expected 1 rows/],
    ['target D', seedWith((p) => ((p.targets as unknown[][])[2] = [[1, 2, 3]])), 'targets[2][0]', /expected 2 entries/],
    ['linear A not square', seedWith((p) => {
      p.dynamics = { kind: 'linear', A: [[1, 2, 3], [4, 5, 6]] };
      delete (p as Json).expected;
    }), 'dynamics.A[0]', /expected 2 entries \(D×D/],
    ['lorenz needs D = 3', seedWith((p) => {
      p.dynamics = { kind: 'lorenz', sigma: 10, rho: 28, beta: 2.5 };
      delete (p as Json).expected;
    }), 'z0[0]', /D = 3/],
    ['negative rtol', seedWith((p) => (p.solver = { method: 'dopri5', rtol: -1 })), 'solver.rtol', /positive/],
    ['expected.zhat length', seedWith((p) => (p.expected.zhat as unknown[]).pop()), 'expected.zhat', /expected 4 entries/],
    ['expected.grad.t length', seedWith((p) => ((p.expected.grad as Json).t as unknown[]).pop()), 'expected.grad.t', /expected 4 entries/],
    ['expected.grad.params wrong structure', seedWith((p) => ((p.expected.grad as Json).params = { A: [[1]] })), 'expected.grad.params.layers', /expected array/],
    ['expected.grad.params W shape', seedWith((p) => (((p.expected.grad as Json).params as { layers: { W: number[][] }[] }).layers[1].W.pop())), 'expected.grad.params.layers[1].W', /expected 16 rows/],
    ['expected.grad.params null', seedWith((p) => ((((p.expected.grad as Json).params as { layers: { b: unknown[] }[] }).layers[0].b[2] = null))), 'expected.grad.params.layers[0].b[2]', /got null/],
    ['expected.adjoint.s length', seedWith((p) => ((p.expected.adjoint as { s: unknown[] }).s.pop())), 'expected.adjoint.s', /one per time in expected.adjoint.t/],
    ['expected unknown key', seedWith((p) => (p.expected.hessian = 1)), 'expected', /unknown key "hessian"/],
  ];

  it.each(cases)('%s', (_name, json, where, detail) => {
    const e = errorOf(json);
    expect(e.path).toBe(where);
    expect(e.message.startsWith(`${where}: `)).toBe(true);
    expect(e.message).toMatch(detail);
    expect(e.message).not.toContain('\n');
  });

  it('the chaining message reads exactly as documented', () => {
    const e = errorOf(seedWith((p) => layers(p)[1].W.pop()));
    expect(e.message).toBe("dynamics.layers[1].W: expected 16 rows to match the previous layer's 16 outputs, got 15");
  });

  it('parseProblemText reports JSON syntax errors at (json)', () => {
    expect(() => parseProblemText('{"format": ')).toThrow(ProblemError);
    expect(() => parseProblemText('{"format": ')).toThrow(/^\(json\): /);
  });
});

describe('shape helpers', () => {
  it('flatten and nest round-trip', () => {
    const m = [[1, 2, 3], [4, 5, 6]];
    expect(Array.from(flattenBatch(m))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nestBatch(flattenBatch(m), 3)).toEqual(m);
    expect(flattenStates([m, m]).map((x) => x.length)).toEqual([6, 6]);
  });
});
