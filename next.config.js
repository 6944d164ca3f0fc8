// Next.js configuration: a fully static export (no server at runtime), MDX with build-time math.
//
// BASE_PATH mounts the whole site under a sub-path (e.g. BASE_PATH=/course/week3 npm run build)
// for hosts such as an LMS or GitHub Pages project sites: routes, chunks and assets all move.
// Plugins are named by string (package name or absolute path) because Turbopack passes loader
// options across a process boundary and cannot serialise functions (see shared/STACK.md).
const path = require('node:path');
const createMDX = require('@next/mdx');

const basePath = normaliseBasePath(process.env.BASE_PATH);

function normaliseBasePath(raw) {
  if (!raw || raw === '/') return '';
  const trimmed = raw.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : '/' + trimmed;
}

const withMDX = createMDX({
  extension: /\.mdx$/,
  options: {
    remarkPlugins: [
      'remark-gfm',
      'remark-math',
      path.join(__dirname, 'components/article/remarkHeadings.mjs'),
      path.join(__dirname, 'components/article/remarkFootnotes.mjs'),
    ],
    // innerHtml: formulas reach React as SVG strings, not thousands of JSX nodes to hydrate.
    rehypePlugins: [[path.join(__dirname, 'scripts/rehype-mathjax.mjs'), { innerHtml: true }]],
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  basePath,
  assetPrefix: basePath || undefined,
  pageExtensions: ['ts', 'tsx', 'mdx'],
  reactStrictMode: true,
  poweredByHeader: false,
  // Client code builds embed URLs and snippets; it needs the sub-path too.
  env: { NEXT_PUBLIC_BASE_PATH: basePath, NEXT_PUBLIC_SITE_URL: process.env.SITE_URL ?? '' },
  // Types are checked once by `npm test` (tsc --noEmit over the whole repo); checking again inside
  // every build would double the cost on 2 cores and let a half-finished file elsewhere block the site.
  typescript: { ignoreBuildErrors: true },
};

module.exports = withMDX(nextConfig);
