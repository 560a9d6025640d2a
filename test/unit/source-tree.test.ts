/**
 * Rules of the source tree that no compiler checks: every file under src/ is
 * one tsc checks, no module imports itself through others, and puppeteer's
 * internals are reached from one module only.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers/build.js';

const SRC = path.join(ROOT, 'src');

/** Every file under src/, as a path relative to the project. */
async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Modules named by relative import specifiers in the source (`import`, `export … from`, `import()`), type-only imports included. */
function importsOf(file: string, source: string): string[] {
  const specifiers = [
    ...source.matchAll(
      /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.join(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/** Cycles of imports, one for each import that leads back to a module still being walked (depth first). */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const walk = (file: string) => {
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = trail.indexOf(next);
      if (at !== -1) cycles.push([...trail.slice(at), next]);
      else if (!done.has(next)) walk(next);
    }
    trail.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) walk(file);
  return cycles;
}

describe('the source tree', () => {
  test('holds no JavaScript that tsc would not check: code is TypeScript', async () => {
    const files = await sourceFiles();
    assert.ok(files.length > 50);
    assert.deepEqual(
      files.filter((file) => /\.[cm]?jsx?$/.test(file)),
      [],
    );
  });

  test('has no import cycles', async () => {
    const files = (await sourceFiles()).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    const graph = new Map<string, string[]>();
    for (const file of files)
      graph.set(
        file,
        importsOf(file, await readFile(path.join(ROOT, file), 'utf8')).filter((target) => files.includes(target)),
      );
    assert.ok([...graph.values()].flat().length > 100, 'too few imports found: the parser is broken');
    assert.deepEqual(cyclesIn(graph), []);
  });

  test('imports puppeteer-core/internal in src/browser/puppeteer.ts only', async () => {
    const files = (await sourceFiles()).filter((file) => file.endsWith('.ts'));
    const importing = [];
    for (const file of files) {
      if (/['"]puppeteer-core\/internal\//.test(await readFile(path.join(ROOT, file), 'utf8'))) importing.push(file);
    }
    assert.deepEqual(importing, ['src/browser/puppeteer.ts']);
  });
});
