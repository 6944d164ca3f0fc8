// Helpers the widget specs share: read a readout's full-precision value, open a widget page with
// reduced motion (nothing moves unless the test moves it), and reach an element by Tab alone.
import { expect, type Locator, type Page } from '@playwright/test';

/** The full-precision number behind a readout: data-number of the first data-value="<name>" carrying one. */
export async function num(scope: Locator, name: string): Promise<number> {
  const v = await scope.locator(`[data-value="${name}"][data-number]`).first().getAttribute('data-number');
  if (v === null) throw new Error(`no data-number on data-value="${name}"`);
  return Number(v);
}

/** Opens `pathName` with reduced motion and waits until the widget `id` marks itself ready. */
export async function openWidget(page: Page, pathName: string, id: string, timeout?: number): Promise<Locator> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(pathName);
  const widget = page.locator(`[data-widget="${id}"]`).first();
  await expect(widget.locator('[data-ready]')).toHaveCount(1, timeout === undefined ? undefined : { timeout });
  return widget;
}

/** Presses Tab until `target` has focus (fails after `max` presses): proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}
