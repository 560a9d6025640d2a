/**
 * `build-issue new`: the next issue's file from the issue before it, dated by
 * the clock (fixed here), with a sample body that loads and lints cleanly and
 * shows every construct of the source format; never over an issue.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runNew } from '../../src/cli/commands/new.js';
import { consoleReporter } from '../../src/cli/reporter.js';
import { resolveSettings } from '../../src/config/settings.js';
import { hasErrors } from '../../src/diagnostics.js';
import { type NewIssueOptions, newIssue } from '../../src/scaffold/new-issue.js';
import { lintLoaded } from '../../src/stages/lint/lint-issue.js';
import { loadIssue } from '../../src/stages/load/load-issue.js';
import type { IssueDocument } from '../../src/stages/load/types.js';
import { blockCounter, markdownToHtml } from '../../src/stages/render/markdown-to-html.js';
import { workspace } from '../helpers/build.js';

async function options(date: string): Promise<NewIssueOptions & { dir: string }> {
  const dir = await workspace();
  return { dir, issuesDir: path.join(dir, 'issues'), rootDir: dir, defaultEdition: '2023', date };
}

const load = (serial: string, o: NewIssueOptions) =>
  loadIssue(serial, { issuesDir: o.issuesDir, rootDir: o.rootDir, defaultEdition: o.defaultEdition });

describe('build-issue new', () => {
  test('continues the issue before it: the next number, the date, its distribution, print run and edition', async () => {
    const o = await options('2023-10-20');
    const made = await newIssue('454', o);
    assert.deepEqual(made.diagnostics, []);
    assert.equal(made.value!.file, 'issues/454/issue.md');
    const [doc, before] = [await load('454', o), await load('453', o)];
    assert.deepEqual(doc.diagnostics, []);
    const meta = doc.value!.meta;
    assert.deepEqual(
      { serial: meta.serial, year: meta.year, number: meta.number, date: meta.date },
      { serial: 454, year: 2023, number: 10, date: '2023-10-20' },
    );
    assert.deepEqual(meta.distribution, before.value!.meta.distribution);
    assert.equal(meta.printRun, 2000);
    assert.equal(meta.edition, '2023');
    assert.equal(meta.printed, undefined);
  });

  test('starts at number 1 in a new year', async () => {
    const o = await options('2024-01-05');
    await newIssue('454', o);
    const meta = (await load('454', o)).value!.meta;
    assert.deepEqual([meta.year, meta.number], [2024, 1]);
  });

  test('continues the highest serial below it, across a gap', async () => {
    const o = await options('2023-12-01');
    await newIssue('454', o);
    await newIssue('460', o);
    assert.equal((await load('460', o)).value!.meta.number, 11);
  });

  test('the sample body lints cleanly and shows the constructs an article most often holds', async () => {
    const o = await options('2023-10-20');
    await newIssue('454', o);
    const doc = (await load('454', o)).value as IssueDocument;
    assert.deepEqual(lintLoaded(doc), []);
    const articles = doc.columns.flatMap((c) => c.articles);
    const html = (await Promise.all(articles.map((a) => markdownToHtml(a.body, blockCounter(), a.notes)))).join('\n');
    // One line per construct; a construct added to the format adds its sample to src/scaffold/issue-body.md and its line here.
    const constructs: Record<string, boolean> = {
      'columns (#)': doc.columns.length >= 2,
      'articles (##)': articles.length >= 2,
      'a two-part headline': articles.some((a) => a.title.includes(' ')),
      'a subtitle (副题：)': articles.some((a) => a.subtitle),
      'a byline (作者：)': articles.some((a) => a.byline),
      'a section heading (###)': /<h3/.test(html),
      'a run-in head (**…**)': /class="run-in"/.test(html),
      'emphasis (*…*)': /<em>/.test(html),
      'a quotation (>)': /<blockquote/.test(html),
      'a note ([^1])': /class="note-ref"/.test(html) && /class="note"/.test(html),
      'a numbered list (1.)': /<ol class="list decimal"/.test(html),
      'a table with its caption (表1)': /class="table-caption/.test(html) && /<table/.test(html),
      'a note block (注：)': /class="[^"]*note-block/.test(html),
    };
    assert.deepEqual(
      Object.entries(constructs)
        .filter(([, shown]) => !shown)
        .map(([name]) => name),
      [],
    );
  });

  test('never overwrites an issue', async () => {
    const o = await options('2023-10-20');
    await newIssue('454', o);
    const file = path.join(o.issuesDir, '454', 'issue.md');
    await writeFile(file, 'the editor’s work');
    const again = await newIssue('454', o);
    assert.deepEqual(
      again.diagnostics.map((d) => [d.rule, d.file]),
      [['new-exists', 'issues/454/issue.md']],
    );
    assert.equal(await readFile(file, 'utf8'), 'the editor’s work');
  });

  test('writes into a folder that holds only the issue’s images', async () => {
    const o = await options('2023-10-20');
    await mkdir(path.join(o.issuesDir, '454'));
    await writeFile(path.join(o.issuesDir, '454', 'photo.png'), '');
    assert.deepEqual((await newIssue('454', o)).diagnostics, []);
  });

  test('says why it cannot start: no issue before it, a serial that is none, a broken issue before it', async () => {
    const o = await options('2023-10-20');
    assert.deepEqual(
      (await newIssue('100', o)).diagnostics.map((d) => d.rule),
      ['new-no-previous'],
    );
    assert.match(
      (await newIssue('100', o)).diagnostics[0]!.message.en,
      /the issues here are 453\); a new publication starts with build-issue init/,
    );
    assert.deepEqual(
      (await newIssue('4x', o)).diagnostics.map((d) => d.rule),
      ['new-serial'],
    );
    assert.deepEqual(
      (await newIssue('0', o)).diagnostics.map((d) => d.rule),
      ['new-serial'],
    );
    const file = path.join(o.issuesDir, '453', 'issue.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('print_run: 2000', 'print_run: many'));
    const broken = await newIssue('454', o);
    assert.ok(hasErrors(broken.diagnostics));
    assert.deepEqual(
      broken.diagnostics.map((d) => d.rule),
      ['field-type', 'new-previous-invalid'],
    );
    assert.equal(broken.diagnostics[0]!.file, 'issues/453/issue.md');
  });

  test('dates the issue today by the clock it is given', async () => {
    const o = await options('unused');
    const printed: string[] = [];
    const report = consoleReporter('en', { out: (text: string) => printed.push(text), err: (text: string) => printed.push(text) });
    const cwd = process.cwd();
    process.chdir(o.dir);
    try {
      // 23:30 on 31 December, in the local time zone: still that day, still that year.
      await runNew('454', {}, resolveSettings({}, o.dir), report, { now: () => new Date(2023, 11, 31, 23, 30) });
    } finally {
      process.chdir(cwd);
    }
    const meta = (await load('454', o)).value!.meta;
    assert.deepEqual([meta.date, meta.number], ['2023-12-31', 10]);
    assert.match(printed.join(''), /issues\/454\/issue.md: 2023年第10期（总第454期）, dated 2023-12-31/);
  });
});
