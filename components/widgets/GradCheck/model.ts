// The gradient-check widget's model (pure; no React, no solves). Given the results of up to six runs
// (adjoint | backprop | fd × float64 | float32, produced by runChecks.ts through lib/adjoint), it builds
//   - the table rows of one quantity group (θ, z0 or t): each run's value and the relative differences
//     between the methods within a precision, and between the precisions for one method;
//   - the summary per pair (the largest relative difference over the group);
//   - the stats rows (nfe, fd solves, time, memory) per run;
//   - which of the three one-sentence explanations apply, and the difference each one explains.
//
// Relative difference of two values a, b of a group:  |a − b| / max(|a|, |b|, floor),
//   floor = FLOOR_FRACTION × (largest |value| of the group over the runs compared).
// The floor is the reference files' fd metric (tests/reference/README.md: 0.01 × max|block|): an entry
// near zero (W₁[0,3] ≈ 0.001 beside entries ≈ 30) carries the same ABSOLUTE solver error as the large
// ones, and dividing by its own size would report that noise as a 100 % disagreement.
import { z } from 'zod';
import { qEnum } from '@/components/embed/queryParams';
import { sharedStateShape } from '@/components/widgets/shared/urlState';
import { paramLabels } from '@/lib/adjoint/params';
import type { ProblemData } from '@/lib/adjoint/gradientTypes';

export const MODES = ['adjoint', 'backprop', 'fd'] as const;
export type Mode = (typeof MODES)[number];
export const PRECISIONS = ['float64', 'float32'] as const;
export type Precision = (typeof PRECISIONS)[number];
export const GROUPS = ['theta', 'z0', 't'] as const;
export type Group = (typeof GROUPS)[number];
export const VISIBILITY = ['both', 'float64', 'float32'] as const;
export type Visibility = (typeof VISIBILITY)[number];
export type RunKey = `${Mode}-${Precision}`;
export const runKey = (mode: Mode, precision: Precision): RunKey => `${mode}-${precision}`;

/** Method pairs compared within one precision. */
export const PAIRS: readonly (readonly [Mode, Mode])[] = [
  ['adjoint', 'backprop'],
  ['adjoint', 'fd'],
  ['backprop', 'fd'],
];

export const FLOOR_FRACTION = 1e-2;

// ---- URL / embed state ----
export const gradcheckSchema = z.object({
  ...sharedStateShape,
  group: qEnum(GROUPS, 'theta'),
  precision: qEnum(VISIBILITY, 'both'),
});
export type GradCheckUrlState = z.infer<typeof gradcheckSchema>;
/** Controls an embed may hide with ?hide=a,b. */
export const GRADCHECK_HIDABLE = ['preset', 'group', 'precision', 'run'] as const;

export function visiblePrecisions(v: Visibility): Precision[] {
  return v === 'both' ? ['float64', 'float32'] : [v];
}

// ---- one run's result, flattened ----
export interface RunResult {
  mode: Mode;
  precision: Precision;
  loss: number;
  /** dL/dθ (params.ts layout), dL/dz0 (batch-major), dL/dt_i. */
  theta: number[];
  z0: number[];
  t: number[];
  nfeForward: number;
  /** adjoint: the backward solve; backprop: the reverse sweep (VJPs + recomputed f); fd: the perturbed solves. */
  nfeBackward: number;
  /** fd: forward solves made (2 per coordinate + the nominal one). */
  solves?: number;
  /** Compute time (ms), excluding the pauses between chunks. */
  ms: number;
  memoryBytes: number;
  /** 'measured': tfjs's tf.memory().numBytes peak above the baseline; 'counted': lib/adjoint/memoryEstimate. */
  memoryMethod: 'measured' | 'counted';
}
export type Runs = Partial<Record<RunKey, RunResult>>;

export function groupValues(run: RunResult, group: Group): number[] {
  return run[group];
}

// ---- labels ----
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉' };
const sub = (n: number | string): string => String(n).replace(/\d/g, (d) => SUB[d]);

export interface EntryLabel {
  /** Key in data-value names: θ3, z0_1, t2. */
  key: string;
  /** What the reader sees: W₁[0,3], z₀[0,1], t₂. */
  text: string;
}

/** Labels of a group's entries for a problem. */
export function groupLabels(problem: ProblemData, group: Group): EntryLabel[] {
  if (group === 'theta') {
    return paramLabels(problem.dynamics).map((l) => ({ key: `θ${l.index}`, text: l.label.replace(/^([A-Za-z]+)(\d+)/, (_, a: string, d: string) => a + sub(d)) }));
  }
  if (group === 'z0') {
    const D = problem.z0[0]?.length ?? 0;
    return problem.z0.flatMap((row, b) => row.map((_, d) => ({ key: `z0_${b * D + d}`, text: `z₀[${b},${d}]` })));
  }
  return problem.t.map((_, i) => ({ key: `t${i}`, text: `t${sub(i)}` }));
}

export function groupTitle(group: Group): string {
  return group === 'theta' ? 'dL/dθ' : group === 'z0' ? 'dL/dz₀' : 'dL/dtᵢ';
}

// ---- relative differences ----
export function relDiff(a: number, b: number, floor = 0): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  const d = Math.abs(a - b);
  if (d === 0) return 0;
  return d / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Largest |value| over the given arrays (the floor's scale). */
export function groupScale(...arrays: readonly (readonly number[] | undefined)[]): number {
  let m = 0;
  for (const arr of arrays) if (arr) for (const v of arr) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

/** Per-entry relative differences of two runs' group values (floor from both runs). */
export function relDiffs(a: readonly number[], b: readonly number[]): number[] {
  const floor = FLOOR_FRACTION * groupScale(a, b);
  return a.map((v, i) => relDiff(v, b[i], floor));
}

export function maxOf(values: readonly number[]): number {
  let m = 0;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    m = Math.max(m, v);
  }
  return m;
}

/** A comparison column: two runs of the same group. */
export interface Comparison {
  /** data-value stem: reldiff-adjoint-backprop-float64, reldiff-float32-float64-adjoint. */
  name: string;
  label: string;
  a: RunKey;
  b: RunKey;
  /** Per entry (NaN where a run is missing). */
  values: number[];
  /** Max over the group (NaN until both runs are in). */
  max: number;
}

/** The comparison columns for the visible precisions: 3 method pairs each, plus float32 vs float64 per method. */
export function comparisons(runs: Runs, group: Group, visible: readonly Precision[], length: number): Comparison[] {
  const out: Comparison[] = [];
  const make = (name: string, label: string, a: RunKey, b: RunKey): Comparison => {
    const ra = runs[a];
    const rb = runs[b];
    const values = ra && rb ? relDiffs(groupValues(ra, group), groupValues(rb, group)) : new Array<number>(length).fill(Number.NaN);
    return { name, label, a, b, values, max: ra && rb ? maxOf(values) : Number.NaN };
  };
  for (const p of visible) {
    for (const [x, y] of PAIRS) out.push(make(`reldiff-${x}-${y}-${p}`, `${short(x)} vs ${short(y)}`, runKey(x, p), runKey(y, p)));
  }
  if (visible.length === 2) {
    for (const m of MODES) out.push(make(`reldiff-float32-float64-${m}`, `${short(m)} f32 vs f64`, runKey(m, 'float32'), runKey(m, 'float64')));
  }
  return out;
}

export function short(m: Mode): string {
  return m === 'adjoint' ? 'adjoint' : m === 'backprop' ? 'backprop' : 'fd';
}

// ---- colour tiers (colour AND a glyph AND the number: readable without colour) ----
export type Tier = 'tight' | 'close' | 'loose' | 'none';
/** < 1e-6: agree to float32's resolution or better; < 1e-3: a few digits off; else visibly different. */
export function tierOf(rel: number): Tier {
  if (!Number.isFinite(rel)) return 'none';
  if (rel < 1e-6) return 'tight';
  if (rel < 1e-3) return 'close';
  return 'loose';
}
export const TIER_GLYPH: Record<Tier, string> = { tight: '●', close: '◐', loose: '○', none: '' };
export const TIER_TEXT: Record<Tier, string> = {
  tight: 'agree to better than 10⁻⁶',
  close: 'agree to 10⁻⁶–10⁻³',
  loose: 'differ by more than 10⁻³',
  none: 'not computed yet',
};

// ---- stats ----
export interface StatsRow {
  key: RunKey;
  mode: Mode;
  precision: Precision;
  run: RunResult | undefined;
  /** nfe forward + backward (fd: all solves' evaluations). */
  nfe: number;
}

export function statsRows(runs: Runs, visible: readonly Precision[]): StatsRow[] {
  const rows: StatsRow[] = [];
  for (const p of visible) {
    for (const m of MODES) {
      const run = runs[runKey(m, p)];
      rows.push({ key: runKey(m, p), mode: m, precision: p, run, nfe: run ? run.nfeForward + run.nfeBackward : Number.NaN });
    }
  }
  return rows;
}

/** 1234 → "1.23 kB", 5.1e6 → "5.1 MB" (decimal units, 3 significant digits). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const s = u === 0 ? String(Math.round(v)) : Number(v.toPrecision(3)).toString();
  return `${s} ${units[u]}`;
}

// ---- explanations ----
export type ExplanationId = 'discretisation' | 'float32-rounding' | 'fd-step';

export interface Explanation {
  id: ExplanationId;
  /** The comparison it explains (its data-value stem) and that comparison's max over the group. */
  comparison: string;
  value: number;
  text: string;
}

export interface ExplainContext {
  /** The solver's relative tolerance for the runs (the problem's, unless overridden). */
  rtol: number;
}

/** float64 roundoff over a solve: below this the two float64 methods agree "exactly". */
export const ROUNDOFF64 = 1e-12;

const byName = (cmp: readonly Comparison[], name: string): Comparison | undefined => cmp.find((c) => c.name === name);
const ok = (c: Comparison | undefined): c is Comparison => c !== undefined && Number.isFinite(c.max);

/**
 * Which sentences apply to the differences shown (each with the difference it explains):
 * - discretisation: float64 adjoint vs backprop differ above float64 roundoff (at about the solver's
 *   tolerance): the adjoint discretises the continuous adjoint equation with its own steps
 *   (optimise-then-discretise), backprop differentiates the forward solver's steps exactly
 *   (discretise-then-optimise). Needs float64 visible.
 * - float32-rounding: float32 vs float64 for adjoint or backprop differ above 1e-9 and above 3× the
 *   float64 adjoint–backprop difference, i.e. the precision, not the method, dominates. Needs both.
 * - fd-step: in some precision, fd differs from the other two by more than 10× adjoint vs backprop
 *   (and above 1e-9): the finite-difference step's truncation and cancellation errors dominate. The
 *   precision where fd is worst is named.
 */
export function chooseExplanations(cmp: readonly Comparison[], ctx: ExplainContext): Explanation[] {
  const out: Explanation[] = [];
  const ab64 = byName(cmp, 'reldiff-adjoint-backprop-float64');
  if (ok(ab64) && ab64.max > ROUNDOFF64) {
    out.push({
      id: 'discretisation',
      comparison: ab64.name,
      value: ab64.max,
      text:
        `Adjoint and backprop differ at about the solver tolerance (rtol = ${sci(ctx.rtol)}) because backprop differentiates the forward solver’s own steps exactly (discretise-then-optimise), ` +
        'while the adjoint integrates the continuous adjoint equation backward with steps and errors of its own (optimise-then-discretise).',
    });
  }
  const cross = ['adjoint', 'backprop'].map((m) => byName(cmp, `reldiff-float32-float64-${m}`)).filter(ok);
  if (cross.length > 0) {
    const worst = cross.reduce((a, b) => (b.max > a.max ? b : a));
    const ref = ok(ab64) ? ab64.max : 0;
    if (worst.max > 1e-9 && worst.max > 3 * ref) {
      out.push({
        id: 'float32-rounding',
        comparison: worst.name,
        value: worst.max,
        text:
          'float32 and float64 differ because float32 keeps about 7 significant digits (unit roundoff 6×10⁻⁸) and its rounding errors accumulate over every step of the solves; the method is the same.',
      });
    }
  }
  let fdWorst: Comparison | undefined;
  for (const p of PRECISIONS) {
    const ab = byName(cmp, `reldiff-adjoint-backprop-${p}`);
    const fds = [byName(cmp, `reldiff-adjoint-fd-${p}`), byName(cmp, `reldiff-backprop-fd-${p}`)].filter(ok);
    if (!ok(ab) || fds.length === 0) continue;
    const f = fds.reduce((a, b) => (b.max > a.max ? b : a));
    if (f.max > 1e-9 && f.max > 10 * ab.max && (!fdWorst || f.max > fdWorst.max)) fdWorst = f;
  }
  if (fdWorst) {
    const p32 = fdWorst.name.endsWith('float32');
    const digits = Math.max(0, Math.floor(-Math.log10(fdWorst.max)));
    out.push({
      id: 'fd-step',
      comparison: fdWorst.name,
      value: fdWorst.max,
      text: p32
        ? `Finite differences trade truncation error, which shrinks with the step h like h², against cancellation, which grows like (rounding of L)/h; float32’s coarse rounding forces a large step (h = 3×10⁻³·max(1, |x|)) and leaves the worst entry only about ${digits} correct digits.`
        : `Finite differences trade truncation error, which shrinks with the step h (here 10⁻⁵·max(1, |x|)) like h², against cancellation and solver noise, which grow like (error of L)/h, and leave the worst entry about ${digits} correct digits.`,
    });
  }
  return out;
}

function sci(v: number): string {
  const e = Math.floor(Math.log10(v));
  const m = v / 10 ** e;
  const sup = String(e).replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return Math.abs(m - 1) < 1e-9 ? `10${sup}` : `${Number(m.toPrecision(2))}×10${sup}`;
}

/** The problem's relative tolerance (the solver default when the problem names none). */
export function problemRtol(problem: ProblemData): number {
  return problem.solver?.rtol ?? 1e-7;
}
