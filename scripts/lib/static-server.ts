/**
 * A small static file server for built sites: what tests and benchmarks
 * browse. Directory URLs serve their index.html; nothing outside the root is served.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content types by file extension, for every server that serves a built site. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `prefix` serves the site under a base path, as a host would serve a site
 * built with `BASE_PATH`: `/kg/notes/x/` is `<root>/notes/x/index.html`, and
 * anything outside `/kg/` is not found. The URL returned includes the prefix,
 * without its trailing slash, so `url + '/notes/x/'` names a page.
 */
export async function serveDirectory(root: string, port = 0, prefix = '/'): Promise<StaticServer> {
  const base = path.resolve(root);
  const mount = prefix.replace(/\/*$/, '/');
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === mount.slice(0, -1) && mount !== '/') {
        res.writeHead(301, { Location: `${mount}${url.search}` }).end();
        return;
      }
      // Outside the prefix nothing is served: a link that forgot the base is a broken link.
      const inside = url.pathname.startsWith(mount);
      let file = path.join(base, decodeURIComponent(url.pathname.slice(mount.length - 1)));
      if (!file.startsWith(base)) throw new Error('outside root');
      let info = inside ? await stat(file).catch(() => undefined) : undefined;
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        const notFound = path.join(base, '404.html');
        const has404 = await stat(notFound).then((s) => s.isFile()).catch(() => false);
        res.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html'] });
        if (has404) createReadStream(notFound).pipe(res);
        else res.end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': info.size });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end('Bad request');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${mount.slice(0, -1)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
