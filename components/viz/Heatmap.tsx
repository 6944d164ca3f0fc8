'use client';
// A rows × cols matrix as coloured cells (diverging PuOr centred on 0), with row/column labels,
// optional column groups ("layer 1 W | layer 1 b"), and a colour legend. It is an ARIA grid with a
// roving tabindex: Tab enters at one cell, arrow keys move between cells, Home/End (Ctrl for the whole
// grid), Enter/Space select. The focused or hovered cell's value shows in a tooltip.
//
// Test hooks on each cell (<g role="gridcell">): data-value="<name>[i,j]" (the site's data-value
// naming), data-number = the raw value (String(v), full precision), data-row, data-col; the colour is
// the fill of its rect.viz-cell.
//
// Keep width and height proportional (useChartSize's aspect): a fixed height with a measured width
// changes the drawn box at hydration (the SVG scales with its width).
//
//   <Heatmap width={w} height={h} title="∂f/∂z at τ" name="J" values={[[1, -2], [0.5, 0]]}
//     rowLabels={['f₁', 'f₂']} colLabels={['z₁', 'z₂']} legend="∂fᵢ/∂zⱼ" />
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ChartSvg } from './Chart';
import { ColorLegend } from './ColorLegend';
import { divergingScale, textColorOn } from './colors';
import { formatNumber } from './format';
import { moveCell } from './heatmapNav';
import { symmetricDomain, flatten } from './scales';
import { Tooltip } from './Tooltip';
import { r2 } from './geometry';

export interface ColumnGroup {
  label: string;
  /** First column (inclusive). */
  start: number;
  /** End column (exclusive). */
  end: number;
}

export interface HeatmapProps {
  width: number;
  height: number;
  title: string;
  values: ArrayLike<ArrayLike<number>>;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  colGroups?: readonly ColumnGroup[];
  /** Name for data-value attributes and the tooltip, e.g. "J" → data-value="J[0,1]". Default "value". */
  name?: string;
  /** Half-width of the colour domain; default max |value| (pass a fixed one to compare frames over time). */
  maxAbs?: number;
  /** Print values inside cells when they fit. Default true. */
  showValues?: boolean;
  format?: (value: number) => string;
  /** Legend label, or false for no legend. Default: a legend without label. */
  legend?: string | false;
  selected?: readonly [number, number] | null;
  onSelect?: (row: number, col: number) => void;
  /** Space reserved for row labels (px). Default 44. */
  rowLabelWidth?: number;
  description?: string;
}

export function Heatmap(props: HeatmapProps) {
  const { width, height, title, values, rowLabels, colLabels, colGroups, name = 'value', showValues = true, format = formatNumber, legend, selected, onSelect, rowLabelWidth = 44, description } = props;
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  const scale = useMemo(() => divergingScale(props.maxAbs ?? symmetricDomain(flatten(values))[1]), [values, props.maxAbs]);
  const [rawActive, setActive] = useState<[number, number]>([0, 0]);
  // Clamped so a matrix that shrinks still leaves exactly one cell in the tab order.
  const active: [number, number] = [Math.max(0, Math.min(rawActive[0], rows - 1)), Math.max(0, Math.min(rawActive[1], cols - 1))];
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [focused, setFocused] = useState<[number, number] | null>(null);

  const top = (colGroups && colGroups.length > 0 ? 20 : 0) + (colLabels ? 18 : 0) + 2;
  const left = rowLabels ? rowLabelWidth : 2;
  const cw = cols > 0 ? (width - left - 2) / cols : 0;
  const ch = rows > 0 ? (height - top - 2) / rows : 0;
  const showColLabels = !!colLabels && cw >= 14;
  const showRowLabels = !!rowLabels && ch >= 10;
  const textInside = showValues && cw >= 38 && ch >= 18;
  const rowName = (i: number) => rowLabels?.[i] ?? `row ${i + 1}`;
  const colName = (j: number) => colLabels?.[j] ?? `column ${j + 1}`;
  const groupOf = (j: number) => colGroups?.find((g) => j >= g.start && j < g.end);
  const cellName = (i: number, j: number) => {
    const g = groupOf(j);
    return `${rowName(i)}, ${g ? `${g.label} ` : ''}${colName(j)}: ${format(values[i][j])}`;
  };

  // One delegated set of handlers on the grid instead of five closures per cell: a 2 × 252 parameter
  // Jacobian has 504 cells. Cells are found by their data-row/data-col attributes.
  const gridRef = useRef<SVGGElement>(null);
  const cellAt = (target: EventTarget | null): [number, number] | null => {
    const el = target instanceof Element ? target.closest('[data-row]') : null;
    if (!el) return null;
    return [Number(el.getAttribute('data-row')), Number(el.getAttribute('data-col'))];
  };
  const focusCell = useCallback((i: number, j: number) => {
    setActive([i, j]);
    gridRef.current?.querySelector<SVGGElement>(`[data-row="${i}"][data-col="${j}"]`)?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if ((e.key === 'Enter' || e.key === ' ') && onSelect) {
      e.preventDefault();
      onSelect(active[0], active[1]);
      return;
    }
    const next = moveCell(e.key, active, rows, cols, { ctrl: e.ctrlKey || e.metaKey });
    if (!next) return;
    e.preventDefault();
    focusCell(next[0], next[1]);
  };

  // The cells re-render only when data, layout, the tab stop or the selection change — not on hover
  // or tooltip updates, which on a 2 × 252 grid would otherwise re-diff 504 cells per pointer move.
  const hasSelect = !!onSelect;
  const [a0, a1] = active;
  const s0 = selected ? selected[0] : -1;
  const s1 = selected ? selected[1] : -1;
  const cellRows = useMemo(
    () =>
      Array.from({ length: rows }, (_, i) => (
        <g key={i} role="row" aria-rowindex={i + 1}>
          {showRowLabels && (
            <text role="rowheader" x={left - 6} y={top + (i + 0.5) * ch} dy="0.32em" textAnchor="end" className="viz-muted">{rowName(i)}</text>
          )}
          {Array.from({ length: cols }, (_, j) => {
            const v = values[i][j];
            const fill = scale(v);
            const isActive = a0 === i && a1 === j;
            const isSelected = s0 === i && s1 === j;
            const x = left + j * cw;
            const y = top + i * ch;
            return (
              <g
                key={j}
                role="gridcell"
                tabIndex={isActive ? 0 : -1}
                aria-label={cellName(i, j)}
                aria-selected={hasSelect ? isSelected : undefined}
                data-value={`${name}[${i},${j}]`}
                data-number={String(v)}
                data-row={i}
                data-col={j}
              >
                <rect className="viz-cell" x={r2(x)} y={r2(y)} width={r2(cw)} height={r2(ch)} fill={fill} />
                {textInside && (
                  <text x={r2(x + cw / 2)} y={r2(y + ch / 2)} dy="0.32em" textAnchor="middle" style={{ fill: textColorOn(fill) }} aria-hidden="true">
                    {format(v)}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      )),
    // cellName/rowName are derived from the listed inputs
    [values, rows, cols, scale, a0, a1, s0, s1, hasSelect, left, top, cw, ch, textInside, showRowLabels, rowLabels, colLabels, colGroups, format, name],
  );

  const tip = hover ?? focused;
  return (
    <div className="viz-chart viz-heatmap" data-heatmap={name}>
      <ChartSvg width={width} height={height} title={title} description={description} role="group">
        {colGroups && colGroups.length > 0 && (
          <g aria-label="column groups">
            {colGroups.map((g) => (
              <g key={`${g.label}-${g.start}`} aria-label={`${g.label}: columns ${g.start + 1} to ${g.end}`}>
                <line x1={left + g.start * cw + 1} x2={left + g.end * cw - 1} y1={17} y2={17} className="viz-group-rule" style={{ stroke: 'var(--viz-muted)' }} />
                <text x={left + ((g.start + g.end) / 2) * cw} y={12} textAnchor="middle" className="viz-muted">{g.label}</text>
              </g>
            ))}
          </g>
        )}
        <g
          ref={gridRef}
          role="grid"
          aria-label={title}
          aria-rowcount={rows}
          aria-colcount={cols}
          onKeyDown={onKeyDown}
          onFocus={(e) => { const c = cellAt(e.target); if (c) { setActive(c); setFocused(c); } }}
          onBlur={() => setFocused(null)}
          onPointerOver={(e) => setHover(cellAt(e.target))}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => { const c = cellAt(e.target); if (c) { setActive(c); onSelect?.(c[0], c[1]); } }}
        >
          {showColLabels && (
            <g role="row">
              {colLabels.map((c, j) => (
                <text key={j} role="columnheader" x={left + (j + 0.5) * cw} y={top - 6} textAnchor="middle" className="viz-muted">{c}</text>
              ))}
            </g>
          )}
          {cellRows}
        </g>
        {focused && focused[0] < rows && focused[1] < cols && (
          <rect className="viz-heatmap-focus" x={r2(left + focused[1] * cw + 1.5)} y={r2(top + focused[0] * ch + 1.5)} width={r2(Math.max(1, cw - 3))} height={r2(Math.max(1, ch - 3))} aria-hidden="true" />
        )}
        {colGroups && colGroups.slice(1).map((g) => (
          <line key={`sep-${g.start}`} x1={left + g.start * cw} x2={left + g.start * cw} y1={top - 2} y2={top + rows * ch} style={{ stroke: 'var(--viz-fg)', strokeWidth: 1.5 }} aria-hidden="true" />
        ))}
      </ChartSvg>
      {tip && tip[0] < rows && tip[1] < cols && (
        <Tooltip x={left + (tip[1] + 0.5) * cw} y={top + tip[0] * ch} viewWidth={width} viewHeight={height}>
          {name}[{tip[0]},{tip[1]}] ({rowName(tip[0])}, {colName(tip[1])}) = {format(values[tip[0]][tip[1]])}
        </Tooltip>
      )}
      {legend !== false && <ColorLegend maxAbs={scale.maxAbs} label={legend || undefined} />}
    </div>
  );
}
