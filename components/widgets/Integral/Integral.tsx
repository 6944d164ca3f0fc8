'use client';
// Figure 6: dL/dθ_j as an area. The integrand s(t)ᵀ ∂f/∂θ_j against t, the area from τ to t_N shaded,
// the running value ∫_τ^{t_N} (the adjoint pass's running dL/dθ_j), and the final value at τ = t_0
// beside backpropagation through the solver and finite differences (lib/adjoint computeGradient).
// The parameter comes from the shared state (a ∂f/∂θ cell click in Figure 3) or the select here.
//
// data-value names (each number with data-number = full precision; read by e2e/integral.spec.ts):
//   tau        τ                       integrand  s(τ)ᵀ ∂f/∂θ_j at τ
//   running    ∫_τ^{t_N} s(t)ᵀ ∂f/∂θ_j dt
//   final      dL/dθ_j by the adjoint (the running value at t_0)
//   backprop   dL/dθ_j by backpropagation through the float64 solver
//   fd         dL/dθ_j by a central finite difference (two float64 solves at rtol 1e-10)
//   param      the parameter's name (text)
// Gradients print with the same absolute resolution as the problem's largest gradient entry
// (model.ts gradDigits), the digits to which the three methods agree.
// Performance entries: 'integral-redraw' (new τ → committed DOM), 'integral-compare' (backprop + fd).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LinePlot, type Series } from '@/components/viz/LinePlot';
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { useChartSize } from '@/components/viz/useChartSize';
import { categoricalVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import { Scrubber } from '@/components/controls/Scrubber';
import { Select } from '@/components/controls/Select';
import { WidgetFrame, type ControlItem, type Readout } from '@/components/controls/WidgetFrame';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { SENSITIVITY_PRESETS, SENSITIVITY_PRESET_IDS, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { useSensitivityState } from '@/components/widgets/shared/useSensitivityState';
import { clampTau } from '@/components/widgets/shared/traceLookup';
import { formatObs } from '@/components/widgets/shared/urlState';
import { useProblemTrace } from '@/components/widgets/Jacobian/useProblemTrace';
import { useHydrationSafeState } from '@/components/widgets/Jacobian/useHydrationSafeState';
import { blockTitle, paramName, subscript } from '@/components/widgets/Jacobian/paramGroups';
import { tauStep } from '@/components/widgets/Jacobian/model';
import { measureSince, perfNow } from '@/components/widgets/Jacobian/perf';
import {
  backpropGrad,
  clampParam,
  fdGrad,
  finalGrad,
  gradDigits,
  gradScale,
  integrandAt,
  integrandSeries,
  runningAt,
  type IntegralUrlState,
} from './model';
import styles from './Integral.module.css';

const fmt = (v: number) => formatNumber(v, { digits: 4 });

interface Comparison {
  key: string;
  j: number;
  backprop: number;
  fd: number;
  error: unknown;
}

export function Integral({ initial, hidden = [], compact = false }: WidgetProps<IntegralUrlState>) {
  const st = useHydrationSafeState(useSensitivityState(initial));
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const { pt, error } = useProblemTrace(st.presetId, st.obs);
  const tau = pt ? clampTau(pt.trace, st.tau) : st.tau;
  const j = pt ? clampParam(pt, st.paramIndex) : 0;

  // Time from the first render at a new τ to the committed DOM, whoever moved τ.
  const lastTau = useRef<number | null>(null);
  const renderStart = useRef<number | null>(null);
  if (lastTau.current !== tau) {
    if (lastTau.current !== null) renderStart.current = perfNow();
    lastTau.current = tau;
  }
  useLayoutEffect(() => {
    if (renderStart.current !== null) {
      measureSince('integral-redraw', renderStart.current);
      renderStart.current = null;
    }
  }, [tau]);

  // ---- the integrand curve: per (problem, parameter), never per frame ----
  const curve = useMemo<{ series: Series[]; error: unknown }>(() => {
    if (!pt) return { series: [], error: null };
    try {
      const { t, y } = integrandSeries(pt, j);
      return { series: [{ id: 'g', label: `s(t)ᵀ ∂f/∂${paramName(pt.labels[j])}`, x: t, y, color: categoricalVar(0) }], error: null };
    } catch (err) {
      return { series: [], error: err };
    }
  }, [pt, j]);
  const lastSeries = useRef<Series[]>([]);
  if (curve.series.length) lastSeries.current = curve.series;
  const series = curve.series.length ? curve.series : lastSeries.current;

  const values = useMemo(() => {
    if (!pt) return null;
    return { integrand: integrandAt(pt, tau, j), running: runningAt(pt, tau, j), final: finalGrad(pt, j), scale: gradScale(pt) };
  }, [pt, tau, j]);

  // ---- backprop and fd: a few solves per (problem, parameter), after paint, memoised in the model ----
  const [cmp, setCmp] = useState<Comparison | null>(null);
  useEffect(() => {
    if (!pt) return;
    let cancelled = false;
    const handle = setTimeout(() => {
      const start = perfNow();
      let next: Comparison;
      try {
        next = { key: pt.key, j, backprop: backpropGrad(pt)[j], fd: fdGrad(pt, j), error: null };
      } catch (err) {
        next = { key: pt.key, j, backprop: Number.NaN, fd: Number.NaN, error: err };
      }
      measureSince('integral-compare', start);
      if (!cancelled) setCmp(next);
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [pt, j]);
  const cmpNow = cmp && pt && cmp.key === pt.key && cmp.j === j ? cmp : null;

  const atStart = pt ? tau <= pt.trace.obsTimes[0] : false;
  const digits = values ? gradDigits(values.final, values.scale) : 4;
  const gfmt = useCallback((v: number) => formatNumber(v, { digits }), [digits]);
  const rfmt = useCallback((v: number) => formatNumber(v, { digits: values ? gradDigits(v, values.scale) : 4 }), [values]);
  const name = pt ? paramName(pt.labels[j]) : 'θ';

  // ---- announcements (throttled, polite) ----
  const { message, announce } = useAnnouncer(700);
  const interacted = useRef(false);
  const announceText = values
    ? atStart
      ? `τ = t₀: dL/d${name} = ${gfmt(values.final)}${cmpNow ? `; backprop ${gfmt(cmpNow.backprop)}; finite differences ${gfmt(cmpNow.fd)}` : ''}`
      : `τ = ${fmt(tau)}: running integral ${rfmt(values.running)}, integrand ${fmt(values.integrand)}`
    : '';
  useEffect(() => {
    if (interacted.current && announceText) announce(announceText);
  }, [announceText, announce]);

  const { setTau, setParamIndex } = st;
  const onTau = useCallback((v: number) => {
    interacted.current = true;
    setTau(v);
  }, [setTau]);

  useReportEmbedState({ preset: st.presetId, tau: Math.round(tau * 1000) / 1000, obs: formatObs(st.obs), param: j });

  const size = useChartSize({ defaultWidth: 640, aspect: 2.1, minWidth: 280 });
  const paramOptions = useMemo(
    () => (pt ? pt.labels.map((l) => ({ value: String(l.index), label: `${paramName(l)} — ${blockTitle(pt.blocks.find((b) => b.name === l.block) ?? pt.blocks[0])}` })) : []),
    [pt],
  );

  const obs = pt?.trace.obsTimes;
  const span = obs ? [obs[0], obs[obs.length - 1]] : [0, 1];
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
  if (pt && !compact) {
    controls.push({
      name: 'param',
      node: <Select<string> label="Parameter θⱼ" value={String(j)} options={paramOptions} onChange={(v) => { interacted.current = true; setParamIndex(Number(v)); }} />,
    });
    controls.push({
      name: 'time',
      node: (
        <Scrubber
          label="time τ (the area runs from τ to the last observation)"
          value={tau}
          min={span[0]}
          max={span[1]}
          step={tauStep(pt)}
          onChange={onTau}
          direction="backward"
          format={fmt}
          ticks={Array.from(pt.trace.obsTimes, (v, k) => ({ value: v, label: `t${subscript(k)}` }))}
        />
      ),
    });
  }

  const N = obs ? obs.length - 1 : 0;
  const readouts: Readout[] = values
    ? [
        { name: 'param', label: 'θⱼ', value: name },
        { name: 'tau', label: 'τ', value: tau, format: fmt },
        { name: 'integrand', label: `s(τ)ᵀ∂f/∂θⱼ`, value: values.integrand, format: fmt },
        { name: 'running', label: `∫ from τ to t${subscript(N)}`, value: values.running, format: rfmt, title: 'The adjoint pass’s running dL/dθⱼ' },
      ]
    : [];

  const frameError = error ?? curve.error ?? cmpNow?.error ?? null;
  return (
    <WidgetFrame
      id="integral"
      title="The parameter gradient as an integral"
      showTitle={!st.shared && !compact}
      controls={controls}
      hidden={hidden}
      readouts={readouts}
      error={frameError}
      live={message}
      compact={compact}
    >
      <div className={styles.ready} data-ready={ready ? '' : undefined} data-preset={st.presetId} data-param={j}>
        <div className={styles.plot} ref={size.ref}>
          {obs && series.length > 0 && (
            <LinePlot
              width={size.width}
              height={size.height}
              title={`Integrand s(t)ᵀ ∂f/∂${name} against time, area from τ to t${subscript(N)} shaded`}
              series={series}
              xLabel="t"
              yLabel={`s(t)ᵀ∂f/∂θⱼ`}
              xDomain={[span[0], span[1]]}
              currentX={tau}
              currentLabel="τ"
              events={Array.from(obs, (v, k) => ({ x: v, label: `t${subscript(k)}` }))}
              area={{ series: 'g', from: tau, to: span[1], label: `∫ s(t)ᵀ ∂f/∂${name} dt from τ = ${fmt(tau)} to t${subscript(N)}` }}
              legend={false}
            />
          )}
        </div>
        <p className={styles.caption}>
          Shaded: ∫<sub>τ</sub><sup>t{subscript(N)}</sup> s(t)ᵀ ∂f/∂θⱼ dt, orange above zero and purple below. The backward pass accumulates it from t{subscript(N)}; at τ = t₀ it is the whole gradient dL/dθⱼ = ∫<sub>t₀</sub><sup>t{subscript(N)}</sup> s(t)ᵀ ∂f/∂θⱼ dt.
        </p>
        {values && !compact && (
          <dl className={styles.compare} aria-label={`dL/d${name} three ways`}>
            <div className={atStart ? styles.done : undefined}>
              <dt>adjoint (the area at τ = t₀)</dt>
              <dd data-value="final" data-number={String(values.final)}>{gfmt(values.final)}</dd>
            </div>
            <div>
              <dt>backprop through the solver</dt>
              <dd data-value="backprop" data-number={cmpNow ? String(cmpNow.backprop) : undefined} aria-busy={cmpNow ? undefined : true}>
                {cmpNow ? gfmt(cmpNow.backprop) : '…'}
              </dd>
            </div>
            <div>
              <dt title="Central difference of the loss: two float64 solves at rtol 10⁻¹⁰">finite differences (2 solves)</dt>
              <dd data-value="fd" data-number={cmpNow ? String(cmpNow.fd) : undefined} aria-busy={cmpNow ? undefined : true}>
                {cmpNow ? gfmt(cmpNow.fd) : '…'}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </WidgetFrame>
  );
}
