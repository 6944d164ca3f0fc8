'use client';
// The standard widget shell: root <div data-widget={id}> (role=group named by the title), a
// controls row (named items, so embeds can hide some: `?hide=preset,play` → hidden={['preset','play']}),
// the figure, a readout <dl> whose values carry data-value="<name>" (the site's test hook) and
// data-number (raw value), the error banner, and a polite live region.
//
//   <WidgetFrame id="sensitivity" title="The sensitivity travels backward" hidden={hidden}
//     controls={[{ name: 'preset', node: <Select … /> }, { name: 'time', node: <Scrubber … /> }]}
//     readouts={[{ name: 'loss', label: 'loss L', value: loss }, { name: 'tau', label: 'τ', value: tau }]}
//     error={error} live={message}>
//     <LinePlot … />
//   </WidgetFrame>
import { useId, type ReactNode } from 'react';
import { formatNumber } from '../viz/format';
import { LiveRegion } from '../viz/LiveRegion';
import { ErrorBanner } from './ErrorBanner';
import '../viz/viz.css';
import './controls.css';

export interface ControlItem {
  /** Stable name used by embeds' `hide` list, e.g. "preset", "time", "play". */
  name: string;
  node: ReactNode;
  /** Take a whole row (scrubbers do automatically). */
  wide?: boolean;
}

export interface Readout {
  /** data-value name, e.g. "loss", "grad-theta-3". */
  name: string;
  label: ReactNode;
  value: number | string | null | undefined;
  format?: (value: number) => string;
  /** Tooltip / longer description of the quantity. */
  title?: string;
}

export interface WidgetFrameProps {
  id: string;
  title: string;
  /** Show the title as text (embeds); in the article the figure caption carries it. Default false. */
  showTitle?: boolean;
  controls?: readonly ControlItem[];
  hidden?: readonly string[];
  readouts?: readonly Readout[];
  error?: unknown;
  onDismissError?: () => void;
  /** Current live-region message (from useAnnouncer). */
  live?: string;
  compact?: boolean;
  /** Controls below the figure instead of above. */
  controlsBelow?: boolean;
  children: ReactNode;
}

export function WidgetFrame({ id, title, showTitle = false, controls = [], hidden = [], readouts = [], error = null, onDismissError, live, compact = false, controlsBelow = false, children }: WidgetFrameProps) {
  const titleId = `wf-title-${useId()}`;
  const shown = controls.filter((c) => !hidden.includes(c.name));
  const controlRow = shown.length > 0 && (
    <div className="ctl-row wf-controls" role="group" aria-label={`${title}: controls`}>
      {shown.map((c) => (
        <div key={c.name} data-control-name={c.name} data-wide={c.wide || undefined} className="wf-control">{c.node}</div>
      ))}
    </div>
  );
  return (
    <div data-widget={id} className={compact ? 'widget-frame compact' : 'widget-frame'} role="group" aria-labelledby={titleId}>
      <div id={titleId} className={showTitle ? 'wf-title' : 'viz-sr-only'}>{title}</div>
      {!controlsBelow && controlRow}
      <div className="wf-figure">{children}</div>
      {controlsBelow && controlRow}
      {readouts.length > 0 && (
        <dl className="wf-readouts">
          {readouts.map((r) => (
            <div key={r.name}>
              <dt title={r.title}>{r.label}</dt>
              <dd data-value={r.name} data-number={typeof r.value === 'number' ? String(r.value) : undefined}>
                {typeof r.value === 'number' ? (r.format ?? formatNumber)(r.value) : r.value ?? formatNumber(Number.NaN)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <ErrorBanner error={error} onDismiss={onDismissError} />
      {live !== undefined && <LiveRegion message={live} />}
    </div>
  );
}
