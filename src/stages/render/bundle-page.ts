import type * as esbuild from 'esbuild';

/** The page script and the files it was made from (paths relative to the package). */
export interface PageBundle {
  code: string;
  inputs: string[];
}

/**
 * Bundles the page code (src/page/main.ts and what it imports) into one
 * script. Imports nothing at run time and is given esbuild and the package's
 * folder, so that scripts/build.js can run it as it compiles lib/ (see
 * page-script.ts).
 */
export async function bundlePage(bundler: typeof esbuild, packageDir: string): Promise<PageBundle> {
  const result = await bundler.build({
    entryPoints: ['src/page/main.ts'],
    tsconfig: 'src/page/tsconfig.json',
    // Paths relative to the package, so the script (and with it the kept
    // HTML) is the same wherever build-issue is installed.
    absWorkingDir: packageDir,
    bundle: true,
    format: 'iife',
    // Chromium runs it as written: nothing lowered.
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  // The compiler settings are inputs too (esbuild reads how to compile class fields from them).
  const inputs = [...Object.keys(result.metafile.inputs), 'src/page/tsconfig.json', 'tsconfig.json'];
  return { code: result.outputFiles[0]!.text, inputs: inputs.sort() };
}
