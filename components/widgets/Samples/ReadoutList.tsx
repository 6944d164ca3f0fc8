// The readouts of Figure 1 in WidgetFrame's markup (<dl class="wf-readouts">, data-value and
// data-number on each value), placed right under the plots rather than after the controls: the loss
// is what the reader watches while dragging and stepping.
import { formatNumber } from '@/components/viz/format';
import type { Readout } from '@/components/controls/WidgetFrame';

export function ReadoutList({ readouts }: { readouts: readonly Readout[] }) {
  if (readouts.length === 0) return null;
  return (
    <dl className="wf-readouts">
      {readouts.map((r) => (
        <div key={r.name}>
          <dt title={r.title}>{r.label}</dt>
          <dd data-value={r.name} data-number={typeof r.value === 'number' ? String(r.value) : undefined}>
            {typeof r.value === 'number' ? (r.format ?? formatNumber)(r.value) : (r.value ?? formatNumber(Number.NaN))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
