import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type GradOutput } from './grad';
import { packParams } from '../lib/adjoint/params';
import type { DynamicsSpec, ParamsJson } from '../lib/adjoint/problem';

/**
 * The grad CLI: its JSON output against a reference file, and every class of invalid input → exit 2
 * with ONE line on stderr and no stack trace. Most cases call main() in-process (fast); two spawn the
 * real command to check the process-level behaviour (exit status, streams, tfjs's banner kept quiet).
 */
const root = path.join(__dirname, '..');
const refPath = (name: string): string => path.join(root, 'tests/reference', `${name}.json`);
const readRef = (name: string): Record<string, unknown> & { expected: Record<string, unknown> } =>
  JSON.parse(readFileSync(refPath(name), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'grad-cli-'));
let fileCount = 0;
function writeProblem(content: unknown): string {
  const file = path.join(dir, `p${fileCount++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
afterAll(() => {
  // The temp files are tiny; the OS tmp cleaner takes them.
});

function rel(a: unknown, b: unknown): number {
  const fa = ([a] as unknown[]).flat(Infinity as 1) as number[];
  const fb = ([b] as unknown[]).flat(Infinity as 1) as number[];
  expect(fa.length).toBe(fb.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < fb.length; i++) {
    num = Math.max(num, Math.abs(fa[i] - fb[i]));
    den = Math.max(den, Math.abs(fb[i]));
  }
  return num / den;
}

function checkAgainst(name: string, out: GradOutput, tol: number): void {
  const e = readRef(name).expected as {
    zhat: unknown;
    loss: number;
    grad: { z0: unknown; t: unknown; params: ParamsJson };
    adjoint: { t: number[]; s: unknown };
  };
  const spec = readRef(name).dynamics as DynamicsSpec;
  expect(rel(out.zhat, e.zhat)).toBeLessThanOrEqual(tol);
  expect(rel(out.loss, e.loss)).toBeLessThanOrEqual(tol);
  expect(rel(out.grad.z0, e.grad.z0)).toBeLessThanOrEqual(tol);
  expect(rel(Array.from(packParams(spec, out.grad.params)), Array.from(packParams(spec, e.grad.params)))).toBeLessThanOrEqual(tol);
  expect(rel(out.grad.t, e.grad.t)).toBeLessThanOrEqual(tol);
  expect(rel(out.adjoint.t, e.adjoint.t)).toBeLessThanOrEqual(1e-15);
  expect(rel(out.adjoint.s, e.adjoint.s)).toBeLessThanOrEqual(tol);
}

describe('grad CLI output', () => {
  it('linear-2d, float64 at rtol 1e-10 / atol 1e-12, every mode: matches the reference file ≤ 1e-6 (fd ≤ 1e-5)', async () => {
    for (const mode of ['adjoint', 'backprop', 'fd']) {
      const r = await main([refPath('linear-2d'), '--mode', mode, '--rtol', '1e-10', '--atol=1e-12']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.endsWith('\n')).toBe(true);
      const out = JSON.parse(r.stdout) as GradOutput;
      expect(Object.keys(out).sort()).toEqual(['adjoint', 'grad', 'loss', 'stats', 'zhat']);
      checkAgainst('linear-2d', out, mode === 'fd' ? 1e-5 : 1e-6);
      expect(out.stats.mode).toBe(mode);
    }
  });

  it('spiral-batch, float32 (tfjs) adjoint at the file settings: ≤ 1e-4', async () => {
    const r = await main([refPath('spiral-batch'), '--precision', 'float32']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as GradOutput;
    checkAgainst('spiral-batch', out, 1e-4);
    expect(out.stats.nfeForward).toBeGreaterThan(0);
  });

  it('description and expected are optional', async () => {
    const p: Record<string, unknown> = readRef('seed-four-samples');
    delete p.expected;
    delete p.description;
    const r = await main([writeProblem(p)]);
    expect(r.code).toBe(0);
  });
});

/** Invalid inputs: each must give exit 2, exactly one stderr line, no stack frame, nothing on stdout. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

describe('grad CLI invalid input → exit 2, one line on stderr', () => {
  const seed = (): Record<string, unknown> & { dynamics: Record<string, unknown>; t: number[]; z0: number[][]; targets: unknown[] } =>
    readRef('seed-four-samples') as never;
  const cases: [string, () => string[], RegExp][] = [
    ['bad JSON', () => [writeProblem('{"format": "adjoint-problem/1", ')], /invalid problem: \(json\)/],
    ['unknown key', () => [writeProblem({ ...seed(), colour: 'red' })], /unknown key "colour"/],
    [
      'wrong shape (z0 row of 3 for D = 2)',
      () => {
        const p = seed();
        p.z0 = [[1, 2, 3]];
        return [writeProblem(p)];
      },
      /invalid problem: /,
    ],
    [
      'unknown activation',
      () => {
        const p = seed();
        p.dynamics = { ...p.dynamics, activation: 'relu' };
        return [writeProblem(p)];
      },
      /dynamics\.activation/,
    ],
    [
      'repeated t',
      () => {
        const p = seed();
        p.t = [0, 1, 1, 3];
        return [writeProblem(p)];
      },
      /t\[2\].*strictly/,
    ],
    [
      'null value',
      () => {
        const p = seed();
        p.z0 = [[null, 0.5]] as unknown as number[][];
        return [writeProblem(p)];
      },
      /z0\[0\]\[0\].*null/,
    ],
    [
      'blow-up dynamics (dz/dt = z³)',
      () => {
        const p = seed();
        p.dynamics = { kind: 'spiral', A: [[1, 0], [0, 1]] };
        p.z0 = [[2, 1]];
        p.t = [0, 10];
        p.targets = [[[0, 0]], [[0, 0]]];
        delete p.expected;
        return [writeProblem(p)];
      },
      /solver failed: StepSizeUnderflowError/,
    ],
    ['too many steps (tiny tolerance)', () => [refPath('seed-four-samples'), '--rtol', '1e-300', '--atol', '1e-300'], /solver failed: /],
    [
      'too many steps (huge span)',
      () => {
        const p = seed();
        p.t = [0, 1e9];
        p.targets = (p.targets as unknown[]).slice(0, 2);
        delete p.expected;
        return [writeProblem(p)];
      },
      /solver failed: MaxStepsExceededError/,
    ],
    ['unknown flag', () => [refPath('linear-2d'), '--fast'], /unknown flag --fast/],
    ['bad flag value', () => [refPath('linear-2d'), '--mode', 'magic'], /--mode must be one of/],
    ['missing file', () => [path.join(dir, 'nope.json')], /cannot read .*nope\.json \(ENOENT\)/],
    ['no file', () => [], /no problem file/],
  ];
  it.each(cases)('%s', async (_label, argv, pattern) => {
    const started = performance.now();
    expectOneLineError(await main(argv()), pattern);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

function spawnGrad(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/grad.ts', ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('grad CLI as a process (npx tsx scripts/grad.ts)', () => {
  it('prints one JSON object and exits 0', async () => {
    const r = await spawnGrad([refPath('seed-four-samples'), '--mode', 'backprop']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as GradOutput;
    checkAgainst('seed-four-samples', out, 1e-5);
  });

  it('float32 and a blowing-up problem: exit 2, only our line on stderr (no tfjs banner, no stack)', async () => {
    const p = readRef('seed-four-samples') as Record<string, unknown>;
    p.dynamics = { kind: 'spiral', A: [[1, 0], [0, 1]] };
    p.z0 = [[2, 1]];
    p.t = [0, 10];
    p.targets = [[[0, 0]], [[0, 0]]];
    delete p.expected;
    const r = await spawnGrad([writeProblem(p), '--precision', 'float32']);
    expectOneLineError(r, /^grad: solver failed: StepSizeUnderflowError/);
  });
});
