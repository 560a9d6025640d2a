/**
 * docs/diagnostics.md is where an editor looks a rule id up: every rule id the
 * code can report must be there, with its meaning and fix in Chinese and in
 * English, and nothing there may be a rule the code no longer has.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers/build.js';

const ID = "'([a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]+)'";

/**
 * The forms in which src/ names a rule: error('id', …), warning('id', …),
 * (strict ? error : warning)('id', …), error(c ? 'id' : 'id', …), a finding's
 * rule: 'id', fields.report(path, 'id', …), a table's problem(cell, 'id', …),
 * the page audit's report('id', …) (reported as audit-id), the import's
 * forms (push('form', …), reported as import-form), fail('id', …), and the
 * problems of reading a file (ReadProblem 'x', reported as file-x).
 */
const FORMS: { pattern: RegExp; prefix?: string; only?: RegExp }[] = [
  { pattern: new RegExp(`\\b(?:error|warning)\\(\\s*${ID}`, 'g') },
  { pattern: new RegExp(`\\)\\(\\s*${ID}`, 'g'), only: /preflight|verify/ },
  { pattern: new RegExp(`\\b(?:error|warning)\\(\\s*\\w+\\s*\\?\\s*${ID}\\s*:\\s*${ID}`, 'g') },
  { pattern: new RegExp(`\\?\\s*${ID}\\s*:\\s*entry\\.rule`, 'g') },
  { pattern: new RegExp(`\\brule: ${ID}`, 'g') },
  { pattern: new RegExp(`\\breport\\((?:\\[[^\\]]*\\]|[^,()]+),\\s*${ID}`, 'g') },
  { pattern: new RegExp(`\\bproblem\\(\\s*\\w+,\\s*${ID}`, 'g') },
  { pattern: new RegExp(`\\breport\\(\\s*${ID}`, 'g'), prefix: 'audit-', only: /in-page|[/\\]page[/\\]/ },
  { pattern: new RegExp(`\\breport\\(\\s*${ID}`, 'g'), only: /printed-pages|preflight/ },
  { pattern: new RegExp(`\\bpush\\(${ID}, `, 'g'), prefix: 'import-', only: /import[/\\]forms\.ts$/ },
  { pattern: new RegExp(`\\bfail\\(\\s*${ID}`, 'g') },
  // A read's problem names its rule (file-missing …), or picks one from a map by it (image-missing …).
  { pattern: new RegExp(`\\| ${ID}|type ReadProblem = ${ID}`, 'g'), prefix: 'file-', only: /read-input\.ts$/ },
  { pattern: new RegExp(`[\\w']+: ${ID}(?=[^\\n]*\\[read\\.problem)`, 'g') },
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

async function rulesInSource(): Promise<Map<string, string>> {
  const rules = new Map<string, string>();
  for (const file of await sourceFiles(path.join(ROOT, 'src'))) {
    const text = await readFile(file, 'utf8');
    for (const form of FORMS) {
      if (form.only && !form.only.test(file)) continue;
      for (const match of text.matchAll(form.pattern)) {
        for (const id of match.slice(1).filter(Boolean)) rules.set(`${form.prefix ?? ''}${id}`, path.relative(ROOT, file));
      }
    }
    // A rule typed as a union of ids: rule: 'browser-failed' | 'browser-timeout'.
    for (const union of text.matchAll(/\brule: ('[a-z0-9-]+'(?: \| '[a-z0-9-]+')+)/g)) {
      for (const id of union[1]!.matchAll(/'([a-z0-9-]+)'/g)) rules.set(id[1]!, path.relative(ROOT, file));
    }
  }
  return rules;
}

/** The rows of the doc's tables: | `rule-id` | 中文 | English |. */
async function documentedRules(): Promise<Map<string, string[]>> {
  const text = await readFile(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = /^\| `([a-z0-9-]+)` \|(.*)\|$/.exec(line);
    if (cells)
      rows.set(
        cells[1]!,
        cells[2]!.split(' | ').map((cell) => cell.trim()),
      );
  }
  return rows;
}

describe('docs/diagnostics.md', () => {
  test('documents every rule id that src/ reports, and no other', async () => {
    const [used, documented] = await Promise.all([rulesInSource(), documentedRules()]);
    // The scan must see the rules it knows are there, or it proves nothing.
    for (const known of [
      'image-missing',
      'audit-widow',
      'preflight-page-count',
      'import-signature',
      'yaml-shape',
      'title-markup',
      'grayscale-failed',
    ]) {
      assert.ok(used.has(known), `the scan of src/ missed ${known}`);
    }
    const missing = [...used.keys()].filter((id) => !documented.has(id)).map((id) => `${id} (${used.get(id)})`);
    assert.deepEqual(missing, [], 'rule ids reported in src/ but not documented');
    const stale = [...documented.keys()].filter((id) => !used.has(id));
    assert.deepEqual(stale, [], 'rule ids documented but reported nowhere in src/');
  });

  test('says what each rule means and how to fix it, in Chinese and in English', async () => {
    for (const [id, [zh, en]] of await documentedRules()) {
      assert.match(zh ?? '', /\p{Script=Han}/u, `${id}: no Chinese text`);
      assert.match(en ?? '', /[a-z]{3}/, `${id}: no English text`);
    }
  });
});
