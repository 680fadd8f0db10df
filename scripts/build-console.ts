// The console (console/src, Preact) built by esbuild into dist/console: hashed, minified ES modules split by
// role (a tenant never downloads the operators' pages), each also precompressed with brotli and gzip, and an
// index.html naming the entry. Part of `npm run build`; `npm run dev` and the test setup build it too.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const consoleDist = path.join(root, 'dist', 'console');
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface ConsoleBuild {
  dir: string;
  /** Bytes the sign-in page needs on a first visit (HTML, entry script, stylesheet), as sent with brotli. */
  firstLoadBrotliBytes: number;
  files: { name: string; bytes: number; brotliBytes: number }[];
}

function page(entry: string, css: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tern</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/${css}">
<script type="module" src="/console/assets/${entry}"></script>
</head>
<body>
<div id="console"><noscript>The Tern console needs JavaScript. 控制台需要启用 JavaScript。</noscript></div>
</body>
</html>
`;
}

export async function buildConsole(): Promise<ConsoleBuild> {
  const result = await build({
    entryPoints: [path.join(root, 'console', 'src', 'main.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['chrome109', 'firefox115', 'safari15.6', 'edge109'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: path.join(consoleDist, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.join(root, 'console', 'tsconfig.json'),
  });
  const staging = `${consoleDist}.${process.pid}.partial`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, 'assets'), { recursive: true });
  const files: ConsoleBuild['files'] = [];
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const target = path.join(staging, 'assets', name);
    const [br, gz] = await Promise.all([brotli(file.contents, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }), gzip(file.contents, { level: 9 })]);
    await Promise.all([fs.writeFile(target, file.contents), fs.writeFile(`${target}.br`, br), fs.writeFile(`${target}.gz`, gz)]);
    files.push({ name, bytes: file.contents.length, brotliBytes: br.length });
  }
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint?.endsWith('main.tsx') && !o.entryPoint.endsWith('.css'));
  const css = outputs.find(([file]) => file.endsWith('.css'));
  if (!entry || !css) throw new Error('the console build made no entry script or stylesheet');
  const html = page(path.basename(entry[0]), path.basename(css[0]));
  await fs.writeFile(path.join(staging, 'index.html'), html);
  // Swapped in whole: a server reading the old build never sees half of the new one.
  const old = `${consoleDist}.${process.pid}.old`;
  await fs.rename(consoleDist, old).catch(() => undefined);
  await fs.rename(staging, consoleDist);
  await fs.rm(old, { recursive: true, force: true });

  // What the first visit loads: the page, the entry and the chunks it imports statically, and the stylesheet.
  const firstLoad = new Set([path.basename(entry[0]), path.basename(css[0]), ...entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => path.basename(i.path))]);
  const htmlBrotli = (await brotli(Buffer.from(html))).length;
  const firstLoadBrotliBytes = htmlBrotli + files.filter((f) => firstLoad.has(f.name)).reduce((sum, f) => sum + f.brotliBytes, 0);
  return { dir: consoleDist, firstLoadBrotliBytes, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildConsole();
  console.log(`built ${path.relative(root, built.dir)}: ${built.files.filter((f) => f.name.endsWith('.js')).length} scripts; first load ${(built.firstLoadBrotliBytes / 1024).toFixed(1)} KiB (brotli)`);
}
