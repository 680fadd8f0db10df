import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

// The reference is rendered by Swagger UI from its npm package, served by us: it works offline and behind
// firewalls, with no CDN. Only these files are served, read once.
const distDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};
const loaded = new Map<string, Buffer>();

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tern SMS API</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true });</script>
</body>
</html>`;

/** `/docs`: the API reference rendered from `/openapi.json`. */
export function docsRoutes() {
  const app = new Hono();
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) return c.json({ code: 'not_found', message: `No asset ${file}.` }, 404);
    let body = loaded.get(file);
    if (!body) {
      body = fs.readFileSync(path.join(distDir, file));
      loaded.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
