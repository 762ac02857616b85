/**
 * A tiny static file server for the built site, behaving like a static host: `/dir/` serves
 * `dir/index.html`, `/dir` redirects to `/dir/`, unknown paths get `404.html` with status 404, and the site's
 * base path (Astro `base`) is the server root's prefix. Listens on 127.0.0.1 on a free port.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** Origin plus base, ending in `/`, e.g. `http://127.0.0.1:41234/atlas/`. */
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** Served gzipped when `compress` is on and the browser accepts it; the rest (WebAssembly, PNG) as stored. */
const TEXT = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serves `root` under `base` (`/` or `/sub/`). `compress` gzips text responses as a CDN would, for measuring
 * what a reader downloads (scripts/bench-pages.ts); the browser tests read files as stored.
 */
export async function serveStatic(
  root: string,
  base = '/',
  options: { compress?: boolean } = {},
): Promise<StaticSite> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '';
      }
      const send = (status: number, file: string) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const gzip =
          options.compress === true &&
          TEXT.test(type) &&
          /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
        response.writeHead(status, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
        if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
        else createReadStream(file).pipe(response);
      };
      const notFound = async () => {
        const page = join(root, '404.html');
        if (await isFile(page)) send(404, page);
        else response.writeHead(404).end('not found');
      };
      if (!pathname.startsWith(prefix)) return notFound();
      const relative = normalize(pathname.slice(prefix.length));
      if (relative.startsWith('..') || relative.includes(`${sep}..${sep}`)) return notFound();
      const path = join(root, relative);
      if (pathname.endsWith('/')) {
        const index = join(path, 'index.html');
        return (await isFile(index)) ? send(200, index) : notFound();
      }
      if (await isFile(path)) return send(200, path);
      if (await isDirectory(path)) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      return notFound();
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
