// The site machinery: routes, article furniture, math, embeds, oEmbed, themes, print, phones.
// Runs in both projects (root build and /course/week3 sub-path build).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, WIDGET_IDS } from './fixtures';

const MDX = readFileSync(path.join(__dirname, '..', 'content', 'adjoint.mdx'), 'utf8');
/** The article's h2 headings, from the source (outside code fences). */
const SECTIONS = MDX.replace(/```[\s\S]*?```/g, '')
  .split('\n')
  .filter((l) => /^## /.test(l))
  .map((l) => l.slice(3).trim());
const LABELS = [...MDX.matchAll(/\\label\{([^}]+)\}/g)].map((m) => m[1]);

test('home page: title, pitch, live miniature, link to the article', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1')).toHaveText(/adjoint method/i);
  await expect(page.locator('.pitch')).toBeVisible();
  await expect(page.locator('.home-miniature [data-widget="samples"]')).toBeVisible();
  await page.getByRole('link', { name: /read the article/i }).click();
  await expect(page).toHaveURL(/\/adjoint\/$/);
  await expect(page.locator('.title-block h1')).toBeVisible();
});

test('article: title block, every section, TOC, footnotes, citations, appendix', async ({ page }) => {
  await page.goto('adjoint/');
  const title = MDX.match(/title:\s*'([^']+)'/)?.[1] ?? '';
  await expect(page.locator('.title-block h1')).toHaveText(title);
  await expect(page.locator('.title-block a[href="https://arxiv.org/abs/1806.07366"]')).toHaveCount(1);
  await expect(page.locator('.title-block a[href="https://www.youtube.com/watch?v=YZ-_E7A3V2w"]')).toHaveCount(1);
  expect(SECTIONS.length).toBeGreaterThan(3);
  const headings = page.locator('.article-body > h2');
  await expect(headings).toHaveText(SECTIONS);
  // Each TOC entry lands on a heading of the page.
  const tocTargets = await page.locator('.toc a').evaluateAll((as) =>
    as.map((a) => document.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null),
  );
  expect(tocTargets).toHaveLength(SECTIONS.length);
  expect(tocTargets.every(Boolean)).toBe(true);
  // Every widget figure is there with its Embed button.
  for (const id of MDX.matchAll(/widget="([^"]+)"/g)) {
    await expect(page.locator(`figure [data-widget="${id[1]}"]`)).toHaveCount(1);
  }
  await expect(page.locator('.bibliography li')).not.toHaveCount(0);
  const citeTargets = await page.locator('.citation a').evaluateAll((as) =>
    as.map((a) => document.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null),
  );
  expect(citeTargets.every(Boolean)).toBe(true);
  const footnotes = (MDX.match(/<Footnote>/g) ?? []).length;
  await expect(page.locator('.footnotes li')).toHaveCount(footnotes);
  await expect(page.locator('.how-to-cite')).toBeVisible();
});

test('article math: every numbered equation is SVG and every \\eqref lands on one', async ({ page }) => {
  await page.goto('adjoint/');
  expect(LABELS.length).toBeGreaterThan(0);
  for (const label of LABELS) {
    const found = await page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return 'missing';
      const svg = el.tagName.toLowerCase() === 'svg' || el.closest('svg') ? el : el.querySelector('svg');
      return svg ? 'svg' : 'not svg';
    }, `mjx-eqn:${label}`);
    expect(found, `equation \\label{${label}}`).toBe('svg');
  }
  const refs = await page.locator('svg a[href^="#mjx-eqn"]').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href') ?? '', ok: document.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null })),
  );
  expect(refs.length).toBeGreaterThan(0);
  expect(refs.filter((r) => !r.ok)).toEqual([]);
  // No TeX left unrendered in the prose.
  const text = await page.locator('.article-body').innerText();
  expect(text).not.toMatch(/\$\$|\\begin\{|\\eqref|\(\?\?\)/);
  // Wide equations scroll inside their box instead of widening the page.
  const overflow = await page.locator('.math-display').first().evaluate((el) => getComputedStyle(el).overflowX);
  expect(overflow).toBe('auto');
});

test('an \\eqref link scrolls to its equation', async ({ page }) => {
  await page.goto('adjoint/');
  const link = page.locator('svg a[href^="#mjx-eqn"]').first();
  const href = (await link.getAttribute('href')) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator(`[id="${href.slice(1)}"]`)).toBeInViewport();
});

test('Embed dialog: opens, offers a snippet with the current settings, copies, closes with Escape', async ({ page, basePath, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('adjoint/');
  const figure = page.locator('figure[data-figure="samples"]');
  await figure.scrollIntoViewIfNeeded();
  await figure.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: /embed this figure/i });
  await expect(dialog).toBeVisible();
  const textarea = dialog.locator('textarea');
  await expect(textarea).toHaveValue(new RegExp(`^<iframe src="http://localhost:\\d+${basePath}/embed/samples/[^"]*" title="`));
  // Figure 1 is a live widget that reports its settings: once awake, they are in the URL.
  await expect(textarea).toHaveValue(/\/embed\/samples\/\?[^"]+"/);
  await dialog.getByRole('button', { name: /copy snippet/i }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await textarea.inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(figure.getByRole('button', { name: 'Embed' })).toBeFocused();
});

for (const id of WIDGET_IDS) {
  test(`embed page /embed/${id}/ renders its widget without site chrome`, async ({ page }) => {
    await page.goto(`embed/${id}/`);
    await expect(page.locator(`[data-widget="${id}"]`).first()).toBeVisible();
    await expect(page.locator('.site-header')).toHaveCount(0);
    await expect(page.locator('[data-embed-notice]')).toHaveCount(0);
  });
}

test('embed of the whole article renders without chrome', async ({ page }) => {
  await page.goto('embed/adjoint/');
  await expect(page.locator('.title-block h1')).toBeVisible();
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.locator('.article-body > h2')).toHaveCount(SECTIONS.length);
});

test('invalid query: a visible notice and the widget with defaults, never a blank frame', async ({ page }) => {
  await page.goto('embed/samples/?nonsense=%3Cb%3E&hide=not-a-control');
  const notice = page.getByRole('status').filter({ hasText: 'not understood' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('nonsense');
  await expect(notice).toContainText('not-a-control');
  await expect(page.locator('[data-widget="samples"]').first()).toBeVisible();
});

test('embedded page posts its height to the parent (generic and Canvas formats)', async ({ page, baseURL }) => {
  // A host page on the site's own origin, served by the test, framing the embed.
  const hostUrl = new URL('__host-test.html', baseURL).href;
  const embedUrl = new URL('embed/samples/', baseURL).href;
  await page.route(hostUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title><link rel="icon" href="data:,"><script>
        window.messages = [];
        addEventListener('message', (e) => window.messages.push(e.data));
      </script><iframe id="f" src="${embedUrl}" style="width:600px;height:150px;border:0"></iframe>`,
    }),
  );
  await page.goto(hostUrl);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages.length), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
  const messages = (await page.evaluate(() => (window as unknown as { messages: Record<string, unknown>[] }).messages)) as Record<string, unknown>[];
  const generic = messages.find((m) => m.type === 'resize');
  const canvas = messages.find((m) => m.subject === 'lti.frameResize');
  expect(generic?.height).toBeGreaterThan(50);
  expect(canvas?.height).toBe(generic?.height);
  // Resizing the frame re-flows the content and a new height is posted.
  const before = messages.length;
  await page.locator('#f').evaluate((f) => ((f as HTMLIFrameElement).style.width = '300px'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages.length))
    .toBeGreaterThan(before);
});

test('oEmbed: each embeddable page links to a valid oembed.json', async ({ page, request, basePath }) => {
  for (const id of [...WIDGET_IDS, 'adjoint']) {
    await page.goto(`embed/${id}/`);
    const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(href).toBe(`${basePath}/embed/${id}/oembed.json`);
    const res = await request.get(new URL(href ?? '', page.url()).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ version: '1.0', type: 'rich' });
    expect(typeof json.title).toBe('string');
    expect(json.html).toContain(`${basePath}/embed/${id}/`);
    expect(json.height).toBeGreaterThan(0);
  }
  await page.goto('adjoint/');
  await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute('href', `${basePath}/embed/adjoint/oembed.json`);
});

test('assets, chunks and icons come from the build’s own base path', async ({ page, basePath }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.goto('adjoint/');
  await page.waitForLoadState('load');
  const next = urls.filter((u) => u.includes('/_next/'));
  expect(next.length).toBeGreaterThan(0);
  expect(next.filter((u) => !u.startsWith(`${basePath}/_next/`))).toEqual([]);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', `${basePath}/favicon.ico`);
  const res = await page.request.get(new URL('favicon.ico', page.url().replace(/adjoint\/.*$/, '')).href);
  expect(res.status()).toBe(200);
  // Client-side navigation keeps the base path.
  await page.locator('.site-header').getByRole('link', { name: /adjoint method/i }).click();
  await expect(page).toHaveURL(new RegExp(`${basePath}/$`));
});

test('unknown pages get the 404 page with status 404', async ({ page, allowProblem }) => {
  allowProblem('HTTP 404');
  allowProblem('404 (Not Found)');
  const res = await page.goto('no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(/not found/i);
});

test('dark mode: theme variables switch and the article renders', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('adjoint/');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(22, 24, 29)');
  await expect(page.locator('.title-block h1')).toBeVisible();
  await expect(page.locator('[data-widget]').first()).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('reduced motion: the article renders and transitions are switched off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('adjoint/');
  await expect(page.locator('[data-widget]').first()).toBeVisible();
  const duration = await page.locator('.tool-button').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.01);
});

test('print: figures stay as static pictures, buttons and controls go', async ({ page }) => {
  await page.goto('adjoint/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('figure [data-widget] svg').first()).toBeVisible();
  await expect(page.locator('.figure-tools').first()).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const breakInside = await page.locator('figure').first().evaluate((el) => getComputedStyle(el).breakInside);
  expect(breakInside).toBe('avoid');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('360 px phone: no horizontal page overflow on home, article and an embed', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const route of ['./', 'adjoint/', 'embed/samples/']) {
    await page.goto(route);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, `page ${route} is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
  }
});

test('widget code loads only when its figure nears the viewport', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('adjoint/');
  await page.waitForLoadState('networkidle');
  const atLoad = scripts.length;
  await page.locator('figure[data-figure="samples"]').scrollIntoViewIfNeeded();
  await expect.poll(() => scripts.length).toBeGreaterThan(atLoad);
});

test('without JavaScript every figure is still drawn from the static HTML', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('adjoint/');
  const figures = MDX.match(/widget="[^"]+"/g) ?? [];
  await expect(page.locator('figure [data-widget] svg').first()).toBeVisible();
  for (const f of figures) {
    const id = f.slice(8, -1);
    await expect(page.locator(`figure [data-widget="${id}"] svg`).first()).toBeAttached();
  }
  await context.close();
});
