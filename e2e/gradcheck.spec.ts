// Figure 7 (data-widget="gradcheck"): the gradient by the adjoint, backprop and finite differences, in
// float64 and float32 (tfjs). On the seed preset (= tests/reference/seed-four-samples.json, read here in
// Node) the float64 values match the reference, the three float64 methods agree, float32 agrees with
// float64, and every run reports nfe, time and memory. Keyboard alone and mouse alone; the article's
// figure; an invalid query; a phone-width viewport.
// Tolerances (relative differences as the widget prints them, |a−b|/max(|a|,|b|,1 % of the group's max);
// measured on this machine in Node, seed preset, θ): float64 pairs < 1e-5 (measured ≤ 1.8e-6);
// float32 vs float64 adjoint and backprop < 1e-3 (measured ≤ 5.5e-6); fd float32 vs float64 < 2e-2
// (measured 4.2e-3: the float32 step's cancellation); value vs reference 1e-6 (block metric, measured 1.8e-8).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { num, openWidget } from './widgetHelpers';
import type { Locator, Page } from '@playwright/test';

const seedJson = JSON.parse(readFileSync(path.join(__dirname, '../tests/reference/seed-four-samples.json'), 'utf8')) as {
  expected: { grad: { z0: number[][]; t: number[]; params: { layers: { W: number[][]; b: number[] }[] } } };
};
const refTheta = seedJson.expected.grad.params.layers.flatMap((l) => [...l.W.flat(), ...l.b]);
const refScale = Math.max(...refTheta.map(Math.abs));
const RUNS = ['adjoint-float64', 'backprop-float64', 'fd-float64', 'adjoint-float32', 'backprop-float32', 'fd-float32'];
const READY_MS = 60_000;

async function openEmbed(page: Page, query: string): Promise<Locator> {
  return openWidget(page, `embed/gradcheck/${query}`, 'gradcheck', READY_MS);
}

async function expectFloat64Agree(widget: Locator, tol = 1e-5): Promise<void> {
  for (const pair of ['adjoint-backprop', 'adjoint-fd', 'backprop-fd']) {
    const d = await num(widget, `reldiff-${pair}-float64`);
    expect(d, pair).toBeGreaterThanOrEqual(0);
    expect(d, pair).toBeLessThan(tol);
  }
}

test('the server HTML holds the table skeleton (no numbers, no timing)', async ({ request }) => {
  const html = await (await request.get('embed/gradcheck/')).text();
  expect(html).toContain('data-widget="gradcheck"');
  expect(html).toContain('data-value="reldiff-adjoint-backprop-float64"');
  expect(html).toContain('data-value="time-adjoint-float32"');
  expect(html).not.toMatch(/data-value="time-[^"]*" data-number/);
  const article = await (await request.get('adjoint/')).text();
  expect(article).toMatch(/id="fig-gradcheck"[\s\S]*data-widget="gradcheck"/);
});

test('seed preset: reference values, three methods agree, float32 column vs float64, nfe/time/memory > 0, explanations', async ({ page }) => {
  const widget = await openEmbed(page, '?preset=seed&param=3');
  // float64 adjoint = the reference file (block metric, 1e-6), for a few θ entries and the max row.
  for (const i of [0, 3, 9, 40, 81]) {
    expect(Math.abs((await num(widget, `adjoint-float64[θ${i}]`)) - refTheta[i]) / refScale, `θ${i}`).toBeLessThan(1e-6);
    expect(Math.abs((await num(widget, `backprop-float64[θ${i}]`)) - refTheta[i]) / refScale, `θ${i}`).toBeLessThan(1e-6);
    expect(Math.abs((await num(widget, `fd-float64[θ${i}]`)) - refTheta[i]) / refScale, `θ${i}`).toBeLessThan(1e-5);
  }
  await expectFloat64Agree(widget);
  for (const m of ['adjoint', 'backprop']) expect(await num(widget, `reldiff-float32-float64-${m}`)).toBeLessThan(1e-3);
  expect(await num(widget, 'reldiff-float32-float64-fd')).toBeLessThan(2e-2);
  for (const pair of ['adjoint-fd', 'backprop-fd']) expect(await num(widget, `reldiff-${pair}-float32`)).toBeLessThan(2e-2);
  // The selected parameter's row is highlighted in both tables.
  await expect(widget.locator('tr[data-row="3"][data-selected]')).toHaveCount(2);
  for (const k of RUNS) {
    expect(await num(widget, `nfe-${k}`), k).toBeGreaterThan(0);
    expect(await num(widget, `time-${k}`), k).toBeGreaterThan(0);
    expect(await num(widget, `memory-${k}`), k).toBeGreaterThan(0);
  }
  expect(await num(widget, 'solves-fd-float64')).toBe(2 * (2 + 82 + 4) + 1);
  // One sentence each, next to the difference it explains.
  await expect(widget.locator('[data-explains="reldiff-adjoint-backprop-float64"] [data-value="explanation-discretisation"]')).toContainText('discretise-then-optimise');
  await expect(widget.locator('[data-value="explanation-float32-rounding"]')).toHaveCount(1);
  await expect(widget.locator('[data-explains$="-float32"] [data-value="explanation-fd-step"]')).toContainText('float32');
  // The measurements, for the record.
  const row: Record<string, number> = {};
  for (const k of RUNS) for (const q of ['nfe', 'time', 'memory']) row[`${q}-${k}`] = await num(widget, `${q}-${k}`);
  for (const n of ['reldiff-adjoint-backprop-float64', 'reldiff-adjoint-fd-float64', 'reldiff-backprop-fd-float64', 'reldiff-adjoint-backprop-float32', 'reldiff-adjoint-fd-float32', 'reldiff-float32-float64-adjoint', 'reldiff-float32-float64-backprop', 'reldiff-float32-float64-fd']) row[n] = await num(widget, n);
  console.log(`gradcheck seed measurements ${JSON.stringify(row)}`);
});

test('keyboard alone: quantity and precision selects, Re-run button', async ({ page }) => {
  const widget = await openEmbed(page, '?preset=seed');
  const group = widget.getByLabel('Gradient', { exact: true });
  await group.focus();
  await page.keyboard.press('ArrowDown'); // θ → z0
  await expect(widget.locator('[data-group="z0"]')).toHaveCount(1);
  await expect(widget.locator('[data-value="adjoint-float64[z0_1]"]')).toHaveAttribute('data-number', /./);
  const z = await num(widget, 'adjoint-float64[z0_0]');
  expect(Math.abs(z - seedJson.expected.grad.z0[0][0]) / Math.abs(seedJson.expected.grad.z0[0][0])).toBeLessThan(1e-6);
  await page.keyboard.press('ArrowDown'); // z0 → t
  await expect(widget.locator('[data-value="fd-float32[t3]"]')).toHaveAttribute('data-number', /./);
  await expectFloat64Agree(widget);
  await page.keyboard.press('Tab'); // precision
  await expect(widget.getByLabel('Precision', { exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // both → float64 only
  await expect(widget.locator('[data-precision-table="float32"]')).toHaveCount(0);
  await expect(widget.locator('[data-ready]')).toHaveCount(1);
  await page.keyboard.press('Tab'); // Re-run
  const run = widget.getByRole('button', { name: 'Re-run' });
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-run="1"][data-ready]')).toHaveCount(1, { timeout: READY_MS });
  await expect(run).toBeFocused();
  await expectFloat64Agree(widget);
});

test('mouse alone: select the preset and a parameter row; precision back to both', async ({ page }) => {
  const widget = await openEmbed(page, '?precision=float64');
  await expect(widget.locator('[data-precision-table="float32"]')).toHaveCount(0);
  await widget.getByLabel('Problem', { exact: true }).selectOption('linear');
  await expect(widget.locator('[data-preset="linear"][data-ready]')).toHaveCount(1, { timeout: READY_MS });
  await expectFloat64Agree(widget);
  await widget.locator('tr[data-row="2"] button').click();
  await expect(widget.locator('tr[data-row="2"][data-selected]')).toHaveCount(1);
  await widget.getByLabel('Precision', { exact: true }).selectOption('both');
  await expect(widget.locator('[data-precision-table="float32"]')).toHaveCount(1);
  await expect(widget.locator('[data-running]')).toHaveCount(1); // float32 is computing (loading state)
  await expect(widget.locator('[data-ready]')).toHaveCount(1, { timeout: READY_MS });
  for (const m of ['adjoint', 'backprop']) expect(await num(widget, `reldiff-float32-float64-${m}`)).toBeLessThan(1e-3);
  expect(await num(widget, 'memory-backprop-float32')).toBeGreaterThan(await num(widget, 'memory-adjoint-float32'));
});

test('in the article: Figure 7 computes for the shared problem when it wakes', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('adjoint/');
  const figure = page.locator('#fig-gradcheck');
  await figure.scrollIntoViewIfNeeded();
  const widget = figure.locator('[data-widget="gradcheck"]');
  await expect(widget.locator('[data-ready]')).toHaveCount(1, { timeout: READY_MS });
  await expect(widget.locator('[data-preset="spiral"]')).toHaveCount(1);
  await expectFloat64Agree(widget);
  for (const m of ['adjoint', 'backprop']) expect(await num(widget, `reldiff-float32-float64-${m}`)).toBeLessThan(1e-3);
  for (const k of RUNS) expect(await num(widget, `time-${k}`), k).toBeGreaterThan(0);
});

test('invalid query: a notice, and the widget with its defaults', async ({ page }) => {
  await page.goto('embed/gradcheck/?group=nope&precision=float16&hide=bogus');
  const notice = page.locator('[data-embed-notice]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('group');
  await expect(notice).toContainText('precision');
  await expect(notice).toContainText('bogus');
  const widget = page.locator('[data-widget="gradcheck"]').first();
  await expect(widget.locator('[data-group="theta"][data-precision="both"]')).toHaveCount(1);
  await expect(widget.locator('[data-ready]')).toHaveCount(1, { timeout: READY_MS });
});

test('phone width (360 px): the page does not scroll sideways; wide tables scroll in their box', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const widget = await openEmbed(page, '?preset=seed&precision=float32&hide=preset');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expect(widget.getByLabel('Problem', { exact: true })).toHaveCount(0);
  await expect(widget.locator('[data-value="adjoint-float32[θ0]"]')).toBeAttached();
});

test('a failure (the float32 code cannot load) shows the error banner and keeps the float64 table', async ({ page, allowProblem }) => {
  allowProblem('request failed');
  allowProblem('Failed to load');
  allowProblem('ChunkLoadError');
  const widget = await openEmbed(page, '?preset=seed&precision=float64');
  const before = await num(widget, 'adjoint-float64[θ0]');
  // From now on no script can load: the float32 (tfjs) chunk's dynamic import fails.
  await page.route(/\.js(\?|$)/, (route) => route.abort());
  await widget.getByLabel('Precision', { exact: true }).selectOption('both');
  await expect(widget.locator('[role="alert"][data-error]')).toBeVisible({ timeout: READY_MS });
  await expect(widget.locator('[role="alert"]')).toContainText('Could not compute');
  expect(await num(widget, 'adjoint-float64[θ0]')).toBe(before);
  await expectFloat64Agree(widget);
  await expect(widget.locator('[data-running]')).toHaveCount(0);
});
