#!/usr/bin/env node
// Runs the compiled CLI, lib/cli.js (scripts/build.js makes it from src/).
// lib/ is compiled again first if a source changed since, with a line on
// stderr (in the language of the run's messages), so an edit to src/ is never run stale and needs no step of its own.
// `node --enable-source-maps bin/build-issue.js …` names src/ in stack traces.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node's cache of compiled code, kept between runs (Node 22.1 and later),
// beside build-issue's other caches: a build leaves nothing in the
// temporary folder. A folder it cannot write only means no cache.
module.enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/build-issue/compile-cache', import.meta.url)));

const { ENTRY, buildSaying, lineLang, staleness } = await import('../scripts/build.js');
const stale = await staleness();
if (stale) await buildSaying(stale, lineLang(process.argv.slice(2), process.env));
await import(ENTRY);
