// The shared fixture must really fail a test on each kind of problem it watches for.
// test.fail(): these tests pass only if the fixture makes them fail.
import { test } from './fixtures';

test.describe('fixture self-check', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'root', 'one build is enough');
  });

  test('fails on a console error', async ({ page }) => {
    test.fail();
    await page.goto('./');
    await page.evaluate(() => console.error('deliberate'));
  });

  test('fails on a 404 request', async ({ page }) => {
    test.fail();
    await page.goto('./');
    await page.evaluate(() => fetch('no-such-file.js').catch(() => undefined));
    await page.waitForTimeout(300);
  });

  test('fails on a request to another host', async ({ page }) => {
    test.fail();
    await page.route('http://example.invalid/**', (route) => route.fulfill({ body: '' }));
    await page.goto('./');
    await page.evaluate(() => fetch('http://example.invalid/x', { mode: 'no-cors' }).catch(() => undefined));
    await page.waitForTimeout(300);
  });
});
