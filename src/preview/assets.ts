import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_DIR } from '../config/settings.js';

/** A file the preview serves, and its type. */
export interface Asset {
  type: string;
  body: Uint8Array;
}

/** Every file the preview serves besides the PDF and the build's state, by its exact path. */
export type PreviewAssets = ReadonlyMap<string, Asset>;

const require = createRequire(path.join(PACKAGE_DIR, 'package.json'));
/** The viewer's sources, read (and its script bundled) when a preview starts. */
const VIEWER_DIR = path.join(PACKAGE_DIR, 'src', 'preview', 'viewer');
const HTML = 'text/html; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/**
 * The viewer (viewer/*.ts, bundled as one module; it imports pdf.js from
 * /pdfjs/, so esbuild leaves that import as it is) and pdf.js's two files.
 */
async function viewerScript(): Promise<Uint8Array> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(VIEWER_DIR, 'viewer.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'pdfjs-from-server',
        setup(build) {
          build.onResolve({ filter: /^pdfjs-dist$/ }, () => ({ path: '/pdfjs/pdf.min.mjs', external: true }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.contents;
}

/** Reads and bundles the viewer once, when the preview starts. */
export async function loadAssets(): Promise<PreviewAssets> {
  const own = (name: string) => readFile(path.join(VIEWER_DIR, name));
  const pdfjs = (name: string) => readFile(require.resolve(`pdfjs-dist/build/${name}`));
  const [html, css, script, pdf, worker] = await Promise.all([
    own('index.html'),
    own('viewer.css'),
    viewerScript(),
    pdfjs('pdf.min.mjs'),
    pdfjs('pdf.worker.min.mjs'),
  ]);
  return new Map([
    ['/', { type: HTML, body: html }],
    ['/viewer.css', { type: CSS, body: css }],
    ['/viewer.js', { type: JS, body: script }],
    ['/pdfjs/pdf.min.mjs', { type: JS, body: pdf }],
    ['/pdfjs/pdf.worker.min.mjs', { type: JS, body: worker }],
  ]);
}
