/**
 * A tiny static file server for built sites, on 127.0.0.1. It gzips text
 * types as a production host would and logs every response body it sends, so
 * the bench can count the bytes a page downloads between two moments.
 *
 *   tsx scripts/bench/serve.ts <dir>     (standalone use; prints the URL)
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

import { CONTENT_TYPES } from '../lib/static-server';
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg)/;

export interface Sent {
  path: string;
  contentType: string;
  /** Body bytes on the wire (after gzip where the client accepts it). */
  bytes: number;
  /** Body bytes before compression. */
  rawBytes: number;
  status: number;
}

export interface StaticServer {
  url: string;
  log: Sent[];
  /** Forget what has been sent so far. */
  reset(): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const gzCache = new Map<string, Buffer>();
  const log: Sent[] = [];

  async function locate(urlPath: string): Promise<string | undefined> {
    const decoded = decodeURIComponent(urlPath.split('?')[0]);
    const file = normalize(join(base, decoded));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    for (const candidate of [file, join(file, 'index.html'), file + '.html']) {
      try {
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  }

  const server: Server = createServer(async (req, res) => {
    const urlPath = req.url ?? '/';
    const file = await locate(urlPath);
    if (!file) {
      const notFound = await locate('/404.html');
      const body = notFound ? await readFile(notFound) : Buffer.from('not found');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
      log.push({ path: urlPath, contentType: 'text/html', bytes: body.length, rawBytes: body.length, status: 404 });
      return;
    }
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const raw = await readFile(file);
    let body: Buffer = raw;
    const headers: Record<string, string | number> = { 'content-type': contentType, 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.test(contentType) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzCache.get(file) ?? gzipSync(raw, { level: 9 });
      gzCache.set(file, body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: urlPath, contentType, bytes: body.length, rawBytes: raw.length, status: 200 });
  });

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    reset: () => void log.splice(0),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [dir = 'dist'] = process.argv.slice(2);
  const s = await serveStatic(dir);
  console.log(`serving ${dir} at ${s.url}`);
}
