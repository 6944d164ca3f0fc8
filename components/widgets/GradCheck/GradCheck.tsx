'use client';
// Figure 7: the gradient three ways (continuous adjoint, backprop through the solver, central finite
// differences) in float64 and float32 (tfjs), for the article's current problem (shared preset and
// observation times with Figures 2, 3 and 6; the shared parameter θⱼ is highlighted). The six runs go
// through lib/adjoint (runChecks.ts) after the first paint, float64 first; the table, the relative
// differences and the explanation choice come from model.ts.
//
// data-value names (each number with data-number = full precision; read by e2e/gradcheck.spec.ts):
//   <mode>-<precision>[<entry>]          a gradient entry, e.g. adjoint-float64[θ3], fd-float32[z0_1], backprop-float64[t2]
//                                         (mode adjoint|backprop|fd; entry θi | z0_i (flat batch·D) | ti)
//   reldiff-<m1>-<m2>-<precision>[<entry>]  |a − b| / max(|a|, |b|, 1 % of the group's largest |value|), per entry
//   reldiff-<m1>-<m2>-<precision>        the same, max over the group (pairs adjoint-backprop, adjoint-fd, backprop-fd)
//   reldiff-float32-float64-<mode>[<entry>] / reldiff-float32-float64-<mode>   float32 vs float64 of one method
//   nfe-<mode>-<precision>               function evaluations, forward + backward (fd: all its solves)
//   nfe-forward-<mode>-<precision>, nfe-backward-<mode>-<precision>, solves-fd-<precision>
//   time-<mode>-<precision>              compute time in ms (performance.now, pauses excluded)
//   memory-<mode>-<precision>            bytes: tfjs's measured peak (float32 adjoint/backprop) or counted arrays
//   explanation-<id>                     the sentence for discretisation | float32-rounding | fd-step (text)
// Markers: data-ready once every visible run is shown; data-running="<mode>-<precision>" while one runs;
// data-run = number of Run/Re-run clicks; data-preset, data-group, data-precision on the same element.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '@/components/viz/format';
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { Button } from '@/components/controls/Button';
import { Select } from '@/components/controls/Select';
import { WidgetFrame, type ControlItem } from '@/components/controls/WidgetFrame';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { SENSITIVITY_PRESETS, SENSITIVITY_PRESET_IDS, problemFor, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { useSensitivityState } from '@/components/widgets/shared/useSensitivityState';
import { formatObs } from '@/components/widgets/shared/urlState';
import { useHydrationSafeState } from '@/components/widgets/Jacobian/useHydrationSafeState';
import type { ProblemData } from '@/lib/adjoint/gradientTypes';
import {
  MODES,
  TIER_GLYPH,
  TIER_TEXT,
  chooseExplanations,
  comparisons,
  formatBytes,
  groupLabels,
  groupTitle,
  problemRtol,
  runKey,
  statsRows,
  tierOf,
  visiblePrecisions,
  type Comparison,
  type GradCheckUrlState,
  type Group,
  type Precision,
  type RunKey,
  type Runs,
  type Visibility,
} from './model';
import { ChecksCancelledError, runChecks } from './runChecks';
import { DiffStrip } from './DiffStrip';
import styles from './GradCheck.module.css';

const valueFmt = (v: number) => formatNumber(v, { digits: 7, trim: false });
const diffFmt = (v: number) => formatNumber(v, { digits: 2, scientific: v !== 0 });

const GROUP_OPTIONS: { value: Group; label: string }[] = [
  { value: 'theta', label: 'dL/dθ (parameters)' },
  { value: 'z0', label: 'dL/dz₀ (initial state)' },
  { value: 't', label: 'dL/dtᵢ (observation times)' },
];
const PRECISION_OPTIONS: { value: Visibility; label: string }[] = [
  { value: 'both', label: 'float64 and float32' },
  { value: 'float64', label: 'float64 only' },
  { value: 'float32', label: 'float32 only' },
];
const MODE_TITLE: Record<(typeof MODES)[number], string> = { adjoint: 'adjoint', backprop: 'backprop', fd: 'fin. diff.' };

interface Results {
  key: string;
  problem: ProblemData;
  runs: Runs;
}

function DiffCell({ value, name, strong = false }: { value: number; name: string; strong?: boolean }) {
  const tier = tierOf(value);
  return (
    <td className={`${styles.diff} ${styles[tier]}`} title={TIER_TEXT[tier]}>
      {tier !== 'none' && <span aria-hidden="true" className={styles.glyph}>{TIER_GLYPH[tier]}</span>}
      <span data-value={name} data-number={Number.isFinite(value) ? String(value) : undefined}>{Number.isFinite(value) ? diffFmt(value) : '…'}</span>
      {strong && tier !== 'none' && <span className="viz-sr-only"> ({TIER_TEXT[tier]})</span>}
    </td>
  );
}

export function GradCheck({ initial, hidden = [], compact = false }: WidgetProps<GradCheckUrlState>) {
  const st = useHydrationSafeState(useSensitivityState(initial));
  const [group, setGroup] = useState<Group>(initial?.group ?? 'theta');
  const [visibility, setVisibility] = useState<Visibility>(initial?.precision ?? 'both');
  const visible = useMemo(() => visiblePrecisions(visibility), [visibility]);

  const problem = useMemo(() => problemFor(st.presetId, st.obs), [st.presetId, st.obs]);
  const key = `${st.presetId}|${st.obs.join(',')}`;

  // ---- the runs: after paint, missing ones only; a re-run replaces all visible ones ----
  const [results, setResults] = useState<Results | null>(null);
  const [running, setRunning] = useState<RunKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [runToken, setRunToken] = useState(0);
  const handledToken = useRef(0);
  const lastGood = useRef<Results | null>(null);
  const resultsRef = useRef<Results | null>(null);
  resultsRef.current = results;
  const wanted = useMemo(() => visible.flatMap((p) => MODES.map((m) => runKey(m, p))), [visible]);
  const { message, announce } = useAnnouncer(700);
  const interacted = useRef(false);

  useEffect(() => {
    const have = resultsRef.current && resultsRef.current.key === key ? resultsRef.current.runs : {};
    // A Run/Re-run click recomputes every visible run (fresh timings); anything else only what is missing.
    const fresh = runToken !== handledToken.current;
    handledToken.current = runToken;
    const todo = fresh ? wanted : wanted.filter((k) => !have[k]);
    if (todo.length === 0) {
      setRunning(null);
      return;
    }
    const ctrl = new AbortController();
    if (fresh || !resultsRef.current || resultsRef.current.key !== key) {
      // A new problem (or a re-run) starts from an empty table for it; the old one stays as lastGood.
      setResults({ key, problem, runs: fresh ? Object.fromEntries(Object.entries(have).filter(([k]) => !todo.includes(k as RunKey))) : {} });
    }
    setError(null);
    runChecks(problem, todo, {
      signal: ctrl.signal,
      onStart: (k) => setRunning(k),
      onResult: (r) =>
        setResults((prev) => {
          const base = prev && prev.key === key ? prev : { key, problem, runs: {} };
          return { ...base, runs: { ...base.runs, [runKey(r.mode, r.precision)]: r } };
        }),
    })
      .then(() => {
        setRunning(null);
        if (interacted.current) announce('Gradient check finished: the table shows all three methods.');
      })
      .catch((err: unknown) => {
        if (err instanceof ChecksCancelledError) return;
        setRunning(null);
        setError(err);
      });
    return () => ctrl.abort();
  }, [key, problem, wanted, runToken, announce]);

  const current = results && results.key === key ? results : null;
  const complete = current !== null && wanted.every((k) => current.runs[k]);
  if (complete) lastGood.current = current;
  // On an error, keep the last complete table (and its own problem's labels) when this problem has none.
  const keepOld = error !== null && (!current || Object.keys(current.runs).length === 0) && lastGood.current !== null;
  const shown: Results = (keepOld ? lastGood.current : current) ?? { key, problem, runs: {} };
  const shownComplete = wanted.every((k) => shown.runs[k]);

  const labels = useMemo(() => groupLabels(shown.problem, group), [shown.problem, group]);
  const cmp = useMemo(() => comparisons(shown.runs, group, visible, labels.length), [shown.runs, group, visible, labels.length]);
  const explanations = useMemo(() => chooseExplanations(cmp, { rtol: problemRtol(shown.problem) }), [cmp, shown.problem]);
  const stats = useMemo(() => statsRows(shown.runs, visible), [shown.runs, visible]);
  const j = group === 'theta' && st.paramIndex >= 0 && st.paramIndex < labels.length ? st.paramIndex : -1;

  // Keep the highlighted parameter's row in view inside each table's scroll box (not the page).
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  useEffect(() => {
    if (j < 0) return;
    for (const box of boxes.current) {
      const row = box?.querySelector<HTMLTableRowElement>(`tr[data-row="${j}"]`);
      const head = box?.querySelector('thead');
      if (box && row) {
        const top = row.offsetTop - (head?.offsetHeight ?? 0);
        if (top < box.scrollTop || row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - 8);
      }
    }
  }, [j, group, shown.key]);

  useReportEmbedState({ preset: st.presetId, obs: formatObs(st.obs), param: Math.max(0, st.paramIndex), tau: Math.round(st.tau * 1000) / 1000, group, precision: visibility });

  const { setPresetId, setParamIndex } = st;
  const onRun = useCallback(() => {
    interacted.current = true;
    setRunToken((n) => n + 1);
  }, []);

  const controls: ControlItem[] = [];
  if (!compact) {
    controls.push({
      name: 'preset',
      node: (
        <Select<SensitivityPresetId>
          label="Problem"
          value={st.presetId}
          options={SENSITIVITY_PRESET_IDS.map((id) => ({ value: id, label: SENSITIVITY_PRESETS[id].label }))}
          onChange={(id) => { interacted.current = true; setPresetId(id); }}
        />
      ),
    });
    controls.push({ name: 'group', node: <Select<Group> label="Gradient" value={group} options={GROUP_OPTIONS} onChange={(g) => { interacted.current = true; setGroup(g); }} /> });
    controls.push({
      name: 'precision',
      node: <Select<Visibility> label="Precision" value={visibility} options={PRECISION_OPTIONS} onChange={(v) => { interacted.current = true; setVisibility(v); }} />,
    });
    controls.push({
      name: 'run',
      node: (
        <Button variant="primary" onClick={onRun}>
          {shownComplete && current ? 'Re-run' : 'Run'}
        </Button>
      ),
    });
  }

  const cmpOf = (p: Precision) => cmp.filter((c) => c.name.endsWith(`-${p}`) && !c.name.startsWith('reldiff-float32-float64'));
  const cross = cmp.filter((c) => c.name.startsWith('reldiff-float32-float64'));
  const runningLabel = running ? `${running.replace('-', ' ')}${running.endsWith('float32') ? ' (tfjs)' : ''}` : '';

  const table = (p: Precision, idx: number) => {
    const pairs = cmpOf(p);
    const extra: Comparison[] = p === 'float32' ? cross : [];
    return (
      <section key={p} className={styles.section} aria-label={`${groupTitle(group)} in ${p}`} data-precision-table={p}>
        <h4 className={styles.h}>{p}{p === 'float32' ? ' (tfjs)' : ''}</h4>
        <div className={styles.box} ref={(el) => { boxes.current[idx] = el; }} tabIndex={0} role="region" aria-label={`${groupTitle(group)}, ${p}: scrollable table`}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.label}>{groupTitle(group)}</th>
                {MODES.map((m) => <th scope="col" key={m}>{MODE_TITLE[m]}</th>)}
                {pairs.map((c) => <th scope="col" key={c.name} className={styles.diffHead}>{c.label}</th>)}
                {extra.map((c) => <th scope="col" key={c.name} className={styles.diffHead}>{c.label}</th>)}
              </tr>
              <tr className={styles.maxRow}>
                <th scope="row" className={styles.label}>max rel. diff.</th>
                {MODES.map((m) => <td key={m} />)}
                {[...pairs, ...extra].map((c) => <DiffCell key={c.name} value={c.max} name={c.name} strong />)}
              </tr>
            </thead>
            <tbody>
              {labels.map((l, i) => (
                <tr key={l.key} data-row={i} className={i === j ? styles.selected : undefined} data-selected={i === j ? '' : undefined}>
                  <th scope="row" className={styles.label}>
                    {group === 'theta' ? (
                      <button type="button" className={styles.pick} onClick={() => { interacted.current = true; setParamIndex(i); }} aria-pressed={i === j} title="Select this parameter (shared with Figures 3 and 6)">
                        {l.text}
                      </button>
                    ) : (
                      l.text
                    )}
                  </th>
                  {MODES.map((m) => {
                    const r = shown.runs[runKey(m, p)];
                    const v = r ? r[group][i] : Number.NaN;
                    return (
                      <td key={m} className={styles.num}>
                        <span data-value={`${m}-${p}[${l.key}]`} data-number={r ? String(v) : undefined}>{r ? valueFmt(v) : '…'}</span>
                      </td>
                    );
                  })}
                  {[...pairs, ...extra].map((c) => <DiffCell key={c.name} value={c.values[i] ?? Number.NaN} name={`${c.name}[${l.key}]`} />)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  };

  return (
    <WidgetFrame
      id="gradcheck"
      title="Three ways to the same gradient"
      showTitle={!st.shared && !compact}
      controls={controls}
      hidden={hidden}
      error={error}
      onDismissError={() => setError(null)}
      live={message}
      compact={compact}
    >
      <div
        className={styles.root}
        data-ready={shownComplete && current !== null ? '' : undefined}
        data-running={running ?? undefined}
        data-run={runToken}
        data-preset={st.presetId}
        data-group={group}
        data-precision={visibility}
        aria-busy={running !== null}
      >
        <p className={styles.status} role="status">
          {running ? `Computing ${runningLabel}…` : shownComplete && current ? '' : error ? '' : 'Waiting to compute…'}
        </p>
        <div className={styles.tables}>{visible.map((p, i) => table(p, i))}</div>
        <p className={styles.legend}>
          Relative difference |a − b| / max(|a|, |b|, 1 % of the largest |value| shown):{' '}
          <span className={styles.tight}><span aria-hidden="true">{TIER_GLYPH.tight}</span> below 10⁻⁶</span>,{' '}
          <span className={styles.close}><span aria-hidden="true">{TIER_GLYPH.close}</span> 10⁻⁶–10⁻³</span>,{' '}
          <span className={styles.loose}><span aria-hidden="true">{TIER_GLYPH.loose}</span> above 10⁻³</span>.
          {group === 'theta' && ' Click a parameter to select it in the other figures.'}
        </p>
        <DiffStrip
          rtol={problemRtol(shown.problem)}
          rows={cmp.map((c) => ({ c, label: c.name.startsWith('reldiff-float32') ? c.label : `${c.label} · ${c.name.endsWith('float32') ? 'f32' : 'f64'}` }))}
        />
        {explanations.length > 0 && (
          <ul className={styles.explain} aria-label="Why the numbers differ">
            {explanations.map((e) => {
              const c = cmp.find((x) => x.name === e.comparison);
              return (
                <li key={e.id} data-explains={e.comparison}>
                  <span className={styles.explainWhat}>
                    {c ? `${c.label}${c.name.startsWith('reldiff-float32') ? '' : `, ${c.name.endsWith('float32') ? 'float32' : 'float64'}`}` : e.comparison}:{' '}
                    <span className={styles.mono}>{diffFmt(e.value)}</span>
                  </span>{' '}
                  <span data-value={`explanation-${e.id}`}>{e.text}</span>
                </li>
              );
            })}
          </ul>
        )}
        <div className={styles.box} tabIndex={0} role="region" aria-label="Cost of each run: scrollable table">
          <table className={`${styles.table} ${styles.stats}`}>
            <caption className={styles.statsCaption}>Cost of each run</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.label}>run</th>
                <th scope="col">nfe forward</th>
                <th scope="col" title="adjoint: backward solve; backprop: reverse sweep; fd: the perturbed solves">nfe backward</th>
                <th scope="col">nfe total</th>
                <th scope="col">time (ms)</th>
                <th scope="col" title="float32 adjoint/backprop: tfjs's measured peak above the baseline; otherwise the arrays the algorithm keeps, counted">memory</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => {
                const r = s.run;
                const k = s.key;
                return (
                  <tr key={k} data-run={k}>
                    <th scope="row" className={styles.label}>{MODE_TITLE[s.mode]} {s.precision}</th>
                    <td className={styles.num}><span data-value={`nfe-forward-${k}`} data-number={r ? String(r.nfeForward) : undefined}>{r ? r.nfeForward : '…'}</span></td>
                    <td className={styles.num}>
                      <span data-value={`nfe-backward-${k}`} data-number={r ? String(r.nfeBackward) : undefined}>{r ? r.nfeBackward : '…'}</span>
                      {r?.solves !== undefined && (
                        <span className={styles.sub}> (<span data-value={`solves-${k}`} data-number={String(r.solves)}>{r.solves}</span> solves)</span>
                      )}
                    </td>
                    <td className={styles.num}><span data-value={`nfe-${k}`} data-number={r ? String(s.nfe) : undefined}>{r ? s.nfe : '…'}</span></td>
                    <td className={styles.num}><span data-value={`time-${k}`} data-number={r ? String(r.ms) : undefined}>{r ? formatNumber(r.ms, { digits: 3 }) : '…'}</span></td>
                    <td className={styles.num}>
                      <span data-value={`memory-${k}`} data-number={r ? String(r.memoryBytes) : undefined}>{r ? formatBytes(r.memoryBytes) : '…'}</span>
                      {r && <span className={styles.sub}> {r.memoryMethod === 'measured' ? 'tfjs peak' : 'counted'}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </WidgetFrame>
  );
}
