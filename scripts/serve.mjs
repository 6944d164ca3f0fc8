#!/usr/bin/env node
// Tiny static server for the exported site, without dependencies (node:http).
//   node scripts/serve.mjs DIR PORT [BASE_PATH]
// Serves DIR under BASE_PATH (e.g. /course/week3, as a host would for a sub-path build),
// index.html for directories, 404.html with status 404 for misses, correct MIME types.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const [dirArg = 'out', portArg = '3000', baseArg = ''] = process.argv.slice(2);
const root = path.resolve(dirArg);
const port = Number(portArg);
const base = baseArg === '/' ? '' : baseArg.replace(/\/+$/, '');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

async function fileAt(p) {
  try {
    const s = await stat(p);
    if (s.isFile()) return { path: p, size: s.size };
    if (s.isDirectory()) return fileAt(path.join(p, 'index.html'));
  } catch {
    // not there
  }
  return null;
}

function send(res, file, status, method) {
  const type = MIME[path.extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  const immutable = file.path.includes(`${path.sep}_next${path.sep}static${path.sep}`);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': file.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    // What README asks of hosts: anyone may frame the embeds (and, harmlessly here, the rest).
    'Content-Security-Policy': 'frame-ancestors *',
    'X-Content-Type-Options': 'nosniff',
  });
  if (method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

const server = createServer(async (req, res) => {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  const notFound = async () => {
    const page = await fileAt(path.join(root, '404.html'));
    if (page) send(res, page, 404, method);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  };
  if (base) {
    if (pathname === base) {
      res.writeHead(308, { Location: base + '/' }).end();
      return;
    }
    if (!pathname.startsWith(base + '/')) return notFound();
    pathname = pathname.slice(base.length);
  }
  const target = path.join(root, path.normalize(pathname));
  if (target !== root && !target.startsWith(root + path.sep)) return notFound(); // no ../ escapes
  // Directory without trailing slash: redirect, as static hosts do with trailingSlash exports.
  if (!pathname.endsWith('/') && !path.extname(pathname)) {
    const dirIndex = await fileAt(path.join(target, 'index.html'));
    if (dirIndex) {
      const q = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      res.writeHead(308, { Location: base + pathname + '/' + q }).end();
      return;
    }
  }
  const file = await fileAt(target);
  if (file) send(res, file, 200, method);
  else notFound();
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://localhost:${port}${base}/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
