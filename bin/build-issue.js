#!/usr/bin/env node
// build-issue runs its TypeScript sources as they are, with no build step
// between editing a stage and running it: bundled on the fly (bundled.js),
// or through tsx if bundling fails, so the error is reported the usual way.
// `node --enable-source-maps bin/build-issue.js …` makes stack traces name the
// sources instead of the bundle.
import { bundled, runBundle } from './bundled.js';

const main = await bundled('src/cli/main.ts').catch(() => undefined);
if (main) {
  runBundle(main);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
