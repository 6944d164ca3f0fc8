// Server-rendered markup of the controls with fixed inputs (renderToStaticMarkup, no DOM).
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { Scrubber } from './Scrubber';
import { PlayPause } from './PlayPause';
import { StepButtons } from './StepButtons';
import { Slider } from './Slider';
import { Toggle } from './Toggle';
import { Select } from './Select';
import { ErrorBanner, errorMessage } from './ErrorBanner';
import { WidgetFrame } from './WidgetFrame';

const noop = () => {};

describe('Scrubber', () => {
  const html = renderToStaticMarkup(
    h(Scrubber, {
      label: 'time τ', value: 0.75, min: 0, max: 3, step: 0.01, onChange: noop, direction: 'backward', name: 'tau',
      ticks: [{ value: 1, label: 't₁' }, { value: 3, label: 't₂' }],
      draggableTicks: { values: [1, 2], onChange: noop, minGap: 0.1, name: 'observation time' },
    }),
  );
  test('slider semantics with aria values and text', () => {
    expect(html).toMatch(/class="ctl-thumb" role="slider" tabindex="0" aria-labelledby="[^"]+" aria-valuemin="0" aria-valuemax="3" aria-valuenow="0.75" aria-valuetext="0.75"/);
    expect(html).toContain('style="left:25.000%"');
    expect(html).toContain('data-direction="backward"');
    // backward: the fill covers [τ, t_N], from the thumb to the right end
    expect(html).toContain('class="ctl-fill" style="left:25.000%;width:75.000%"');
    expect(html).toContain('data-value="tau" aria-hidden="true">0.75</output>');
    expect(html).toContain('>t₁</span>');
  });
  test('align: the track insets match a chart margin', () => {
    const a = renderToStaticMarkup(h(Scrubber, { label: 't', value: 0, min: 0, max: 1, step: 0.1, onChange: noop, align: { width: 400, margin: { left: 56, right: 16 } } }));
    expect(a).toContain('class="ctl-scrubber-area" style="margin-left:14.000%;margin-right:4.000%"');
  });
  test('draggable ticks are sliders bounded by their neighbours ± minGap', () => {
    expect(html).toContain('aria-label="observation time 1" aria-valuemin="0" aria-valuemax="1.9" aria-valuenow="1"');
    expect(html).toContain('aria-label="observation time 2" aria-valuemin="1.1" aria-valuemax="3" aria-valuenow="2"');
  });
});

describe('PlayPause', () => {
  test('aria-pressed toggle', () => {
    const html = renderToStaticMarkup(h(PlayPause, { playing: true, onToggle: noop, label: 'Play the backward pass', reducedMotion: false }));
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('Play the backward pass');
    expect(html).not.toContain('reduced motion');
  });
  test('reduced motion: discrete steps (explained) or disabled (explained)', () => {
    const steps = renderToStaticMarkup(h(PlayPause, { playing: false, onToggle: noop, reducedMotion: true }));
    expect(steps).toContain('aria-pressed="false"');
    expect(steps).toContain('Reduced motion: plays in discrete steps.');
    const off = renderToStaticMarkup(h(PlayPause, { playing: true, onToggle: noop, reducedMotion: true, reducedMotionMode: 'disabled' }));
    expect(off).toMatch(/aria-pressed="false" aria-describedby="[^"]+" disabled=""/);
    expect(off).toContain('Animation is off because your system asks for reduced motion');
  });
});

describe('buttons, slider, toggle, select', () => {
  test('StepButtons: visible short text starts the accessible name', () => {
    const html = renderToStaticMarkup(h(StepButtons, { onPrev: noop, onNext: noop, prevLabel: 'step back one solver step', prevShort: 'Back', nextLabel: 'next observation', prevDisabled: true }));
    expect(html).toContain('disabled="" aria-label="Back: step back one solver step" data-step="prev"><span class="ctl-icon" aria-hidden="true">◀</span>Back</button>');
    expect(html).toContain('next observation<span class="ctl-icon" aria-hidden="true">▶</span>');
  });
  test('log Slider shows the value and announces it', () => {
    const html = renderToStaticMarkup(h(Slider, { label: 'Step size h', value: 0.01, min: 1e-4, max: 1, log: true, onChange: noop, name: 'h' }));
    expect(html).toMatch(/<label for="([^"]+)">Step size h<\/label><input id="\1" type="range" min="0" max="1000" step="1" aria-valuetext="0.01" value="500"\/>/);
    expect(html).toContain('data-value="h">0.01</output>');
  });
  test('Toggle is a switch; Select is labelled', () => {
    expect(renderToStaticMarkup(h(Toggle, { label: 'Show backward z', checked: true, onChange: noop }))).toMatch(/^<button type="button" role="switch" aria-checked="true"/);
    const sel = renderToStaticMarkup(h(Select, { label: 'Preset', value: 'b', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], onChange: noop }));
    expect(sel).toMatch(/<label for="([^"]+)">Preset<\/label><select id="\1">/);
    expect(sel).toContain('<option value="b" selected="">B</option>');
  });
});

describe('ErrorBanner and WidgetFrame', () => {
  test('the alert region exists empty, and shows an error message', () => {
    expect(renderToStaticMarkup(h(ErrorBanner, { error: null }))).toBe('<div role="alert" class="ctl-error"></div>');
    const e = new RangeError('max_steps (4096) reached. Try increasing maxSteps.');
    const html = renderToStaticMarkup(h(ErrorBanner, { error: e }));
    expect(html).toContain('data-error="RangeError"');
    expect(html).toContain('max_steps (4096) reached. Try increasing maxSteps. The figure shows the last valid result.');
    expect(errorMessage(42)).toMatch(/Something went wrong/);
  });
  test('frame: data-widget root, hidden controls, data-value readouts', () => {
    const html = renderToStaticMarkup(
      h(WidgetFrame, {
        id: 'sensitivity', title: 'The sensitivity travels backward', hidden: ['preset'],
        controls: [{ name: 'preset', node: h('span', null, 'PRESET') }, { name: 'time', node: h('span', null, 'TIME') }],
        readouts: [{ name: 'loss', label: 'loss', value: -0.000012345 }, { name: 'mode', label: 'mode', value: 'adjoint' }, { name: 'nfe', label: 'NFE', value: null }],
        live: 'τ = 1',
        children: h('svg', null),
      }),
    );
    expect(html).toMatch(/^<div data-widget="sensitivity" class="widget-frame" role="group" aria-labelledby="/);
    expect(html).not.toContain('PRESET');
    expect(html).toContain('data-control-name="time"');
    expect(html).toContain('<dd data-value="loss" data-number="-0.000012345">−1.23×10⁻⁵</dd>');
    expect(html).toContain('<dd data-value="mode">adjoint</dd>');
    expect(html).toContain('<dd data-value="nfe">—</dd>');
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-live="polite"');
  });
});
