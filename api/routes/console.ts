import fs from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';

/**
 * `/console`: the browser console (console/src, built into dist/console by `npm run build`). Assets have hashed
 * names and are cached for good, served precompressed (brotli, else gzip) when the browser takes it; every other
 * path under /console is the single page, which routes in the browser. The page may load only its own scripts,
 * styles and images and talk only to this origin (Content-Security-Policy), and is never framed.
 */
// Both api/ and dist/ (the bundle) are one level below the project's root.
const defaultDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'console');

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function consoleRoutes(dir = process.env.TERN_CONSOLE_DIR ?? defaultDir) {
  const app = new Hono();

  // Read on every load (a few hundred bytes): a rebuild of the console is served at once, its new asset names too.
  const page = async (c: Context) => {
    const html = await fs.readFile(path.join(dir, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined) {
      return c.text('The console is not built here: run `npm run build` (npm run dev builds it by itself).', 503, { 'retry-after': '5' });
    }
    return c.html(html, 200, { ...securityHeaders, 'cache-control': 'no-cache' });
  };

  app.get('/console/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = types[path.extname(file)];
    if (!type || !/^[\w.-]+$/.test(file)) return c.text('Not found', 404);
    const accepts = c.req.header('accept-encoding') ?? '';
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz'], [undefined, '']] as const) {
      if (encoding && !accepts.includes(encoding)) continue;
      const body = await fs.readFile(path.join(dir, 'assets', file + suffix)).catch(() => undefined);
      if (!body) continue;
      return c.body(new Uint8Array(body), 200, {
        'content-type': type,
        'cache-control': 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...securityHeaders,
      });
    }
    return c.text('Not found', 404);
  });
  app.get('/console', page);
  app.get('/console/*', page);
  return app;
}
