import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticSite {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/**
 * A plain static host on loopback, as any static hosting behaves: `root` served under `base` by
 * sirv, directories redirected to their slash form and answered with their index.html, and the
 * site's 404.html for anything else. Nothing outside `base` exists. Used by tests and benchmarks.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const notFoundPage = join(root, '404.html');
  const server = createServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'not found');
    };
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(base)) return notFound();
    const rest = pathname.slice(base.length);
    let path: string;
    try {
      path = decodeURIComponent(rest);
    } catch {
      return notFound();
    }
    const onDisk = join(root, path);
    // sirv would answer `/documents/x` with the directory's index.html; a static host redirects.
    if (!pathname.endsWith('/') && existsSync(onDisk) && statSync(onDisk).isDirectory()) {
      res.writeHead(301, { location: pathname + '/' + search });
      return res.end();
    }
    req.url = '/' + rest + search;
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
