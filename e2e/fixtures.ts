// Shared Playwright fixture for every spec (site and widgets):
//   import { test, expect } from './fixtures';
// The `page` fixture FAILS the test on any console error, uncaught page error, failed request,
// HTTP status >= 400, or request to a host other than the site's own (the site must be
// self-contained: no CDN, no web fonts, no analytics).
// Navigate with paths RELATIVE to baseURL and without a leading slash — page.goto('adjoint/') —
// so the same spec runs against the root build and the sub-path build (/course/week3/).
import { test as base, expect, type Page } from '@playwright/test';

export interface SiteFixtures {
  /** '' for the root build, '/course/week3' for the sub-path build. */
  basePath: string;
  /** Problems seen so far on this page (the fixture asserts it is empty at the end). */
  siteProblems: string[];
  /** Lets a test declare an expected problem (e.g. a deliberate 404) by a substring of its text. */
  allowProblem: (substring: string) => void;
}

// Navigations cancel in-flight prefetches and media; Chromium reports those as ERR_ABORTED.
const BENIGN_FAILURES = ['net::ERR_ABORTED'];

export const test = base.extend<SiteFixtures & { problemsAllowed: string[] }>({
  basePath: async ({ baseURL }, use) => {
    await use(new URL(baseURL ?? 'http://localhost/').pathname.replace(/\/$/, ''));
  },
  problemsAllowed: async ({}, use) => {
    await use([]);
  },
  allowProblem: async ({ problemsAllowed }, use) => {
    await use((s: string) => {
      problemsAllowed.push(s);
    });
  },
  siteProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, baseURL, siteProblems, problemsAllowed }, use) => {
    const origin = new URL(baseURL ?? 'http://localhost/').origin;
    watch(page, origin, siteProblems);
    // Pages opened later in the same context (popups, new tabs) are watched too.
    page.context().on('page', (p) => watch(p, origin, siteProblems));
    await use(page);
    const unexpected = siteProblems.filter((p) => !problemsAllowed.some((a) => p.includes(a)));
    expect(unexpected, 'console errors, failed requests or foreign hosts').toEqual([]);
  },
});

function watch(page: Page, origin: string, problems: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    if (new URL(url).origin !== origin) problems.push(`request to another host: ${url}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? 'failed';
    if (BENIGN_FAILURES.some((b) => failure.includes(b))) return;
    problems.push(`request failed: ${req.url()} (${failure})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
}

export { expect };

/**
 * Widget ids from the site contract (TEAM.md). Kept as data here rather than imported from the
 * registry, so that specs never load widget code (CSS, browser-only modules) into Node.
 */
export const WIDGET_IDS = ['samples', 'sensitivity', 'jacobian', 'integral', 'backprop', 'euler-limit', 'gradcheck'] as const;
