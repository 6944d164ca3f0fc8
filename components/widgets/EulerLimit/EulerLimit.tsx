'use client';
// Figure 5: the neural ODE unrolled into an N-layer residual network z_{k+1} = z_k + h f(z_k, t_k, θ)
// (or midpoint / RK4 blocks). Backprop through the network gives discrete sensitivities s_k, drawn as
// dots over the continuous adjoint s(t); its gradient's error against the adjoint's falls along
// log–log lines of slope 1, 2, 4; backprop stores every layer, the adjoint a constant.
//
// data-value names (numbers carry data-number at full precision; read by e2e/euler-limit.spec.ts):
//   n               layers that ran (N, at least one per observation interval)
//   h               mean step (t_N − t_0) / n
//   error           |g_N − g_adj| / |g_adj| over [dL/dz0, dL/dθ] (g_adj: adjoint, dopri5 at 1e-12)
//   memory-backprop bytes of the states backprop keeps (n × stages × batch·D × 8)
//   memory-adjoint  bytes the adjoint keeps (lib memoryEstimate: constant in n)
//   slope-euler, slope-midpoint, slope-rk4   fitted slopes (LogLogPlot labels; data-slope on [data-series])
// Performance entries: 'euler-limit-recompute' (new N/method → committed DOM),
// 'euler-limit-analysis' (reference + sweep, once per problem, measured at first use on the client).
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { LinePlot, type Series } from '@/components/viz/LinePlot';
import { LogLogPlot, type LogLogSeries } from '@/components/viz/LogLogPlot';
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { useChartSize } from '@/components/viz/useChartSize';
import { categoricalVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import { r2 } from '@/components/viz/geometry';
import { Slider } from '@/components/controls/Slider';
import { Select } from '@/components/controls/Select';
import { WidgetFrame, type ControlItem, type Readout } from '@/components/controls/WidgetFrame';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { SENSITIVITY_PRESETS, SENSITIVITY_PRESET_IDS, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { useSensitivityState } from '@/components/widgets/shared/useSensitivityState';
import { traceFor } from '@/components/widgets/shared/presetTrace';
import type { SensitivityTrace } from '@/components/widgets/shared/traceTypes';
import { formatObs } from '@/components/widgets/shared/urlState';
import { useHydrationSafeState } from '@/components/widgets/Jacobian/useHydrationSafeState';
import {
  METHOD_LABELS,
  N_DEFAULT,
  N_MAX,
  N_MIN,
  STAGES,
  UNROLLED_METHODS,
  analysisFor,
  clampN,
  currentFor,
  dotIndices,
  formatBytes,
  sensitivityDots,
  stackBlocks,
  type Analysis,
  type Current,
  type EulerLimitUrlState,
  type UnrolledMethod,
} from './model';
import styles from './EulerLimit.module.css';
import { useLastGood } from '@/components/widgets/shared/useLastGood';

const fmt = (v: number) => formatNumber(v, { digits: 3 });
/** The layer stack keeps this height at every width (its width follows the container). */
const STACK_HEIGHT = 70;
const SHORT: Readonly<Record<UnrolledMethod, string>> = { euler: 'Euler', midpoint: 'midpoint', rk4: 'RK4' };
const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (k: number) => String(k).split('').map((c) => SUB[Number(c)]).join('');

const perfNow = (): number => (typeof performance !== 'undefined' ? performance.now() : 0);
function measure(name: string, start: number): void {
  if (typeof window === 'undefined' || typeof performance?.measure !== 'function') return;
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // diagnostic only
  }
}

export function EulerLimit({ initial, hidden = [], compact = false }: WidgetProps<EulerLimitUrlState>) {
  const st = useHydrationSafeState(useSensitivityState(initial ? { preset: initial.preset, obs: initial.obs, tau: 0, param: 0 } : undefined));
  const [N, setN] = useState<number>(clampN(initial?.n ?? N_DEFAULT));
  const [method, setMethod] = useState<UnrolledMethod>(initial?.method ?? 'euler');
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // ---- per problem: reference + sweep (memoised in the model), and the continuous trace ----
  const obsKey = st.obs.join(',');
  const an = useMemo<{ a: Analysis | null; trace: SensitivityTrace | null; error: unknown }>(() => {
    const obs = obsKey.split(',').map(Number);
    try {
      const start = perfNow();
      const a = analysisFor(st.presetId, obs);
      measure('euler-limit-analysis', start);
      return { a, trace: traceFor(st.presetId, obs), error: null };
    } catch (err) {
      return { a: null, trace: null, error: err };
    }
  }, [st.presetId, obsKey]);
  const analysis = useLastGood(an.a);
  const trace = useLastGood(an.trace);

  // ---- per (problem, method, N): one network, forward + backprop (≈ 8 ms Euler … 25 ms rk4 at N = 1000) ----
  // N is deferred: the slider and its label follow the pointer at once, the network catches up in a
  // background render (a drag never waits for a stale N's backprop).
  const nNet = useDeferredValue(N);
  const renderStart = useRef<number | null>(null);
  const lastKey = useRef<string | null>(null);
  const curKey = `${analysis?.key}|${method}|${nNet}`;
  if (lastKey.current !== curKey) {
    if (lastKey.current !== null) renderStart.current = perfNow();
    lastKey.current = curKey;
  }
  const cur = useMemo<{ c: Current | null; error: unknown }>(() => {
    if (!analysis) return { c: null, error: null };
    try {
      return { c: currentFor(analysis, method, nNet), error: null };
    } catch (err) {
      return { c: null, error: err };
    }
  }, [analysis, method, nNet]);
  const current = useLastGood(cur.c);
  useLayoutEffect(() => {
    if (renderStart.current !== null) {
      measure('euler-limit-recompute', renderStart.current);
      renderStart.current = null;
    }
  }, [curKey]);

  // ---- announcements ----
  const { message, announce } = useAnnouncer(600);
  const interacted = useRef(false);
  const text = current ? `${current.result.layers} layers, ${SHORT[method]}: gradient error ${fmt(current.error)}` : '';
  useEffect(() => {
    if (interacted.current && text) announce(text);
  }, [text, announce]);

  const onN = useCallback((v: number) => {
    interacted.current = true;
    setN(clampN(v));
  }, []);
  // Arrow keys: one layer at a time (the log slider's 1000 positions are finer than one layer at
  // small N, so a native arrow press would round back to the same N). Page/Home/End stay native.
  const onSliderKey = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const d = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (d === 0 || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    interacted.current = true;
    setN((n) => clampN(n + d * (e.shiftKey ? Math.max(1, Math.round(n * 0.1)) : 1)));
  }, []);

  useReportEmbedState({ preset: st.presetId, obs: formatObs(st.obs), n: N, method });

  const stackSize = useChartSize({ defaultWidth: 640, aspect: 640 / STACK_HEIGHT, minWidth: 280 });
  const sSize = useChartSize({ defaultWidth: 640, aspect: 2.2, minWidth: 280 });
  const cSize = useChartSize({ defaultWidth: 640, aspect: 1.7, minWidth: 280 });

  // ---- s(t): the continuous adjoint (trace) and the network's s_k ----
  const D = trace?.D ?? 0;
  const sSeries = useMemo<Series[]>(() => {
    if (!trace) return [];
    const n = trace.batch * trace.D;
    const M = trace.t.length;
    return Array.from({ length: trace.D }, (_, j) => {
      const y = new Float64Array(M);
      for (let m = 0; m < M; m++) y[m] = trace.s[m * n + j];
      return { id: `s${j}`, label: `s${sub(j + 1)}(t), adjoint`, x: trace.t, y, color: categoricalVar(j) };
    });
  }, [trace]);
  const dots = useMemo(() => {
    if (!current || !D) return [];
    const idx = dotIndices(current.result);
    return Array.from({ length: D }, (_, j) => sensitivityDots(current.result, D, j, idx));
  }, [current, D]);
  const sDomain = useMemo<[number, number] | undefined>(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of sSeries) for (const v of Array.from(s.y)) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!(hi > lo)) return undefined;
    // Euler's s_k can run far from the adjoint at small N: widen for the dots, by at most one span each way.
    const span = hi - lo;
    let dlo = lo;
    let dhi = hi;
    for (const d of dots) for (const v of d.s) if (Number.isFinite(v)) { dlo = Math.min(dlo, v); dhi = Math.max(dhi, v); }
    return [Math.max(dlo, lo - span), Math.min(dhi, hi + span)];
  }, [sSeries, dots]);

  // ---- convergence ----
  const convSeries = useMemo<LogLogSeries[]>(
    () => (analysis ? UNROLLED_METHODS.map((m, k) => ({ id: m, label: SHORT[m], x: analysis.fits[m].fitted.h, y: analysis.fits[m].fitted.error, color: categoricalVar(k + 2) })) : []),
    [analysis],
  );
  const convDomains = useMemo(() => {
    if (!analysis) return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of UNROLLED_METHODS) {
      for (const e of [...analysis.fits[m].fitted.error, ...analysis.fits[m].excluded.error]) {
        lo = Math.min(lo, e);
        hi = Math.max(hi, e);
      }
    }
    if (current && current.error > 0 && Number.isFinite(current.error)) {
      lo = Math.min(lo, current.error);
      hi = Math.max(hi, current.error);
    }
    return { x: [(analysis.span / N_MAX) * 0.8, (analysis.span / Math.min(N_MIN, analysis.intervals)) * 1.25] as [number, number], y: [lo / 3, hi * 3] as [number, number] };
  }, [analysis, current]);

  // ---- controls ----
  const controls: ControlItem[] = [];
  if (!st.shared && !compact) {
    controls.push({
      name: 'preset',
      node: (
        <Select<SensitivityPresetId>
          label="Problem"
          value={st.presetId}
          options={SENSITIVITY_PRESET_IDS.map((id) => ({ value: id, label: SENSITIVITY_PRESETS[id].label }))}
          onChange={(id) => { interacted.current = true; st.setPresetId(id); }}
        />
      ),
    });
  }
  controls.push({
    name: 'n',
    wide: true,
    node: (
      <div className={styles.slider} onKeyDownCapture={onSliderKey}>
        <Slider label="Layers n (steps)" value={N} min={N_MIN} max={N_MAX} log integer onChange={onN} format={(v) => String(Math.round(v))} />
      </div>
    ),
  });
  if (!compact) {
    controls.push({
      name: 'method',
      node: (
        <Select<UnrolledMethod>
          label="Block"
          value={method}
          options={UNROLLED_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          onChange={(m) => { interacted.current = true; setMethod(m); }}
        />
      ),
    });
  }

  const r = current?.result;
  const readouts: Readout[] = current && r
    ? [
        { name: 'n', label: 'layers n', value: r.layers, format: (v) => String(v), title: 'At least one layer per observation interval' },
        { name: 'h', label: 'step h (mean)', value: r.h, format: fmt },
        { name: 'error', label: 'gradient error', value: current.error, format: fmt, title: '|g_N − g_adjoint| / |g_adjoint| over dL/dz₀ and dL/dθ' },
        { name: 'memory-backprop', label: 'backprop stores', value: current.backpropBytes, format: formatBytes },
        { name: 'memory-adjoint', label: 'adjoint stores', value: current.adjointBytes, format: formatBytes },
      ]
    : [];

  const error = an.error ?? cur.error ?? null;
  const blocks = r ? stackBlocks(r) : null;
  const obsTimes = analysis?.problem.t ?? [];
  const t0 = obsTimes[0] ?? 0;
  const span = analysis?.span ?? 1;
  const hCur = r?.h;
  const maxBytes = current ? Math.max(current.backpropBytes, current.adjointBytes) : 1;

  return (
    <WidgetFrame
      id="euler-limit"
      title="Backpropagation through a residual net converges to the adjoint"
      showTitle={!st.shared && !compact}
      controls={controls}
      hidden={hidden}
      readouts={readouts}
      error={error}
      live={message}
      compact={compact}
    >
      <div className={styles.root} data-ready={ready ? '' : undefined} data-preset={st.presetId} data-method={method} data-n={N}>
        {/* the network as a stack of residual blocks (width ∝ h) */}
        <div className={styles.stack} ref={stackSize.ref}>
          {r && (
            <svg viewBox={`0 0 ${stackSize.width} ${STACK_HEIGHT}`} width="100%" height={STACK_HEIGHT} role="img" aria-label={`${r.layers} residual blocks z_k+1 = z_k + h·${method === 'euler' ? 'f(z_k)' : `${SHORT[method]} step`} from t = ${fmt(t0)} to ${fmt(t0 + span)}`} data-blocks={blocks ? blocks.length : 0}>
              {(() => {
                const x0 = 8;
                const w = stackSize.width - 16;
                const X = (t: number) => x0 + ((t - t0) / span) * w;
                const top = 18;
                const hgt = STACK_HEIGHT - 38;
                return (
                  <>
                    {blocks ? (
                      blocks.map((b) => (
                        <rect key={b.k} className={styles.block} x={r2(X(b.t0) + 1)} y={top} width={r2(Math.max(1, X(b.t1) - X(b.t0) - 2))} height={hgt} rx={2} data-layer={b.k}>
                          <title>{`layer ${b.k + 1}: z${sub(b.k + 1)} = z${sub(b.k)} + h·${method === 'euler' ? 'f' : SHORT[method]}(z${sub(b.k)}), h = ${fmt(b.t1 - b.t0)}`}</title>
                        </rect>
                      ))
                    ) : (
                      <g>
                        <rect className={styles.band} x={x0} y={top} width={w} height={hgt} rx={2} />
                        <text className={styles.bandLabel} x={x0 + w / 2} y={top + hgt / 2} dy="0.35em" textAnchor="middle">{`${r.layers} layers (h ≈ ${fmt(r.h)})`}</text>
                      </g>
                    )}
                    {obsTimes.map((t, i) => (
                      <g key={i} transform={`translate(${r2(X(t))},0)`}>
                        <line className={styles.obsTick} y1={top - 4} y2={top + hgt + 4} />
                        <text className={styles.obsLabel} y={top + hgt + 16} textAnchor="middle">{`t${sub(i)}`}</text>
                      </g>
                    ))}
                    <text className={styles.stackCaption} x={x0} y={11}>{blocks ? `${r.layers} residual blocks, one per step` : 'compressed: too many blocks to draw'}</text>
                  </>
                );
              })()}
            </svg>
          )}
        </div>

        <div className={styles.plots}>
          <div className={styles.plot} ref={sSize.ref}>
            {trace && sSeries.length > 0 && (
              <LinePlot
                width={sSize.width}
                height={sSize.height}
                title={`Sensitivity s(t): the continuous adjoint (lines) and the network's s_k at each layer (dots), ${r?.layers ?? ''} layers`}
                series={sSeries}
                xLabel="t"
                yLabel="s = ∂L/∂z"
                yDomain={sDomain}
                xDomain={[t0, t0 + span]}
                events={Array.from(trace.obsTimes, (v, k) => ({ x: v, label: `t${sub(k)}` }))}
              >
                {({ x, y, box }) => (
                  <g aria-label="backprop sensitivities s_k" data-dots={dots.length ? dots[0].t.length : 0}>
                    {dots.map((d, j) =>
                      d.t.map((t, i) => {
                        const py = y(d.s[i]);
                        if (!Number.isFinite(py) || py < box.y0 - 2 || py > box.y1 + 2) return null;
                        return <circle key={`${j}-${i}`} className={styles.dot} cx={r2(x(t))} cy={r2(py)} r={3} style={{ stroke: categoricalVar(j) }} />;
                      }),
                    )}
                  </g>
                )}
              </LinePlot>
            )}
          </div>
          <div className={styles.plot} ref={cSize.ref}>
            {analysis && convDomains && (
              <LogLogPlot
                width={cSize.width}
                height={cSize.height}
                title="Gradient error against step size h, log–log, with fitted slopes"
                series={convSeries}
                xLabel="step h"
                yLabel="gradient error"
                xDomain={convDomains.x}
                yDomain={convDomains.y}
              >
                {({ x, y }) => (
                  <g>
                    {UNROLLED_METHODS.map((m, k) => (
                      <g key={m} aria-label={`${SHORT[m]}: points outside the fit range`}>
                        {analysis.fits[m].excluded.h.map((hh, i) => (
                          <circle key={i} className={styles.hollow} cx={r2(x(hh))} cy={r2(y(analysis.fits[m].excluded.error[i]))} r={3.5} style={{ stroke: categoricalVar(k + 2) }} />
                        ))}
                      </g>
                    ))}
                    {hCur !== undefined && current && (
                      <g aria-label={`current: ${r?.layers} layers, error ${fmt(current.error)}`}>
                        <line className="viz-rule" x1={r2(x(hCur))} x2={r2(x(hCur))} y1={r2(y(convDomains.y[1]))} y2={r2(y(convDomains.y[0]))} />
                        <text className="viz-rule-label" x={r2(x(hCur) + 4)} y={r2(y(convDomains.y[0]) - 6)}>{`n = ${r?.layers}`}</text>
                        {current.error > 0 && Number.isFinite(current.error) && (
                          <circle className={styles.currentPoint} cx={r2(x(hCur))} cy={r2(y(current.error))} r={6} style={{ stroke: categoricalVar(UNROLLED_METHODS.indexOf(method) + 2) }} />
                        )}
                      </g>
                    )}
                  </g>
                )}
              </LogLogPlot>
            )}
          </div>
        </div>

        {current && r && !compact && (
          <div className={styles.memory} aria-label="memory">
            <div className={styles.memRow}>
              <span className={styles.memLabel}>backprop: layers stored</span>
              <span className={styles.barTrack}><span className={styles.barBackprop} style={{ width: `${(100 * current.backpropBytes) / maxBytes}%` }} /></span>
              <span className={styles.memText}>{`${r.layers} × ${STAGES[method]} states × ${r.n} × 8 B = ${formatBytes(current.backpropBytes)}`}</span>
            </div>
            <div className={styles.memRow}>
              <span className={styles.memLabel}>adjoint: constant</span>
              <span className={styles.barTrack}><span className={styles.barAdjoint} style={{ width: `${(100 * current.adjointBytes) / maxBytes}%` }} /></span>
              <span className={styles.memText}>{`${formatBytes(current.adjointBytes)} whatever n ([z, s, ∂L/∂θ] working set + ẑ at the observations)`}</span>
            </div>
            <p className={styles.note}>
              {`With ${SHORT[method]} blocks, backprop stores more than the adjoint from n = ${current.crossover} layers on; its storage grows linearly with n. `}
              Open circles: points outside the fitted range (errors above {formatNumber(0.2)} are not yet in the asymptotic regime; below 10⁻¹¹ float64 round-off takes over).
            </p>
          </div>
        )}
      </div>
    </WidgetFrame>
  );
}
