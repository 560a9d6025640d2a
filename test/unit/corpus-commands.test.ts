/**
 * Bad command lines and surroundings: outputs that would land on an input
 * or cannot be written, environment variables the build cannot use, a
 * browser that is missing, ends at once or never answers, and the import,
 * lint and preflight commands given what is not a file of theirs. Each runs
 * alone and must fail as the bad issues do (test/helpers/corpus-cases.ts):
 * one line with its rule and place, nothing raw, nothing changed, nothing left.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/build.js';
import { type Project, project, RAW, runCase } from '../helpers/corpus.js';
import { type BadCase, corpus } from '../helpers/corpus-cases.js';

const SEED = path.join(ROOT, 'test', 'fixtures', 'import', 'seed-453.txt');

/** A copy of build-issue's editions in the project's editions/, for BUILD_ISSUE_EDITIONS. */
async function editions(p: Project): Promise<void> {
  for (const folder of ['templates/2023', 'styles/2023'])
    await cp(path.join(ROOT, folder), p.at(`editions/${folder}`), { recursive: true });
  await mkdir(p.at('editions/fonts'));
  await cp(path.join(ROOT, 'fonts', 'fonts.json'), p.at('editions/fonts/fonts.json'));
}

/** A “browser” that starts and never answers; its command line names the profile it was given, so that a test can see it is gone. */
const muteBrowser = (p: Project) => writeFile(p.at('mute-browser'), '#!/bin/bash\nexec -a "mute-browser $*" sleep 600\n', { mode: 0o755 });
const textFile = (name: string, text: string | Buffer) => (p: Project) => p.write(name, text);

const cases: BadCase[] = [
  // Where the PDF would go
  { name: '-o on the issue’s own Markdown', alone: ['SERIAL', '-o', 'ISSUE'], rule: 'output-not-pdf', at: 'ISSUE' },
  {
    name: '-o inside issues/',
    alone: ['SERIAL', '-o', 'issues/SERIAL/SERIAL.pdf'],
    rule: 'output-on-input',
    at: 'issues/SERIAL/SERIAL.pdf',
  },
  {
    name: '-o inside an edition',
    setup: editions,
    env: { BUILD_ISSUE_EDITIONS: 'editions' },
    alone: ['SERIAL', '-o', 'editions/styles/2023/x.pdf'],
    rule: 'output-on-input',
    at: 'editions/styles/2023/x.pdf',
  },
  {
    name: '-o naming a folder',
    setup: (p) => mkdir(p.at('out.pdf')),
    alone: ['SERIAL', '-o', 'out.pdf'],
    rule: 'output-not-file',
    at: 'out.pdf',
  },
  { name: '-o in a folder that takes no files (/sys)', alone: ['SERIAL', '-o', '/sys/x.pdf'], rule: 'output-unwritable', at: '/sys/x.pdf' },
  {
    name: '-o under a file',
    setup: textFile('a-file', ''),
    alone: ['SERIAL', '-o', 'a-file/x.pdf'],
    rule: 'output-unwritable',
    at: 'a-file/x.pdf',
  },
  // The environment
  {
    name: 'SOURCE_DATE_EPOCH past the year 9999',
    env: { SOURCE_DATE_EPOCH: '99999999999999' },
    alone: ['SERIAL'],
    rule: 'source-date-epoch',
    at: 'SOURCE_DATE_EPOCH',
  },
  {
    name: 'SOURCE_DATE_EPOCH that is not a number',
    env: { SOURCE_DATE_EPOCH: 'yesterday' },
    alone: ['SERIAL'],
    rule: 'source-date-epoch',
    at: 'SOURCE_DATE_EPOCH',
  },
  {
    name: 'a temporary folder that is not there',
    setup: (p) => rm(p.at('tmp'), { recursive: true }),
    alone: ['SERIAL'],
    rule: 'temp-dir-unusable',
    at: 'TMPDIR',
  },
  {
    name: 'a browser that is not there',
    env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    alone: ['SERIAL'],
    rule: 'browser-missing',
    at: 'PUPPETEER_EXECUTABLE_PATH',
  },
  {
    name: 'a browser that ends as it starts',
    env: { PUPPETEER_EXECUTABLE_PATH: '/bin/false' },
    alone: ['SERIAL'],
    rule: 'browser-failed',
    at: '/bin/false',
  },
  {
    name: 'a browser that never answers',
    setup: muteBrowser,
    env: { PUPPETEER_EXECUTABLE_PATH: 'PROJECT/mute-browser', BUILD_ISSUE_BROWSER_TIMEOUT: '1' },
    alone: ['SERIAL'],
    rule: 'browser-timeout',
    at: 'PROJECT/mute-browser',
  },
  { name: 'an issue that does not exist', alone: ['9999'], rule: 'issue-missing', at: 'issues/9999' },
  // import
  { name: 'import of a file that is not there', alone: ['import', 'missing.md'], rule: 'file-missing', at: 'missing.md' },
  { name: 'import of a folder', setup: (p) => mkdir(p.at('scans')), alone: ['import', 'scans'], rule: 'file-not-regular', at: 'scans' },
  {
    name: 'import of a named pipe',
    setup: (p) => p.fifo('scan.md'),
    alone: ['import', 'scan.md'],
    rule: 'file-not-regular',
    at: 'scan.md',
  },
  {
    name: 'import of UTF-16',
    setup: async (p) => p.write('scan.md', Buffer.from(`\uFEFF${await readFile(SEED, 'utf8')}`, 'utf16le')),
    alone: ['import', 'scan.md'],
    rule: 'file-encoding',
    at: 'scan.md:1',
  },
  {
    name: 'import --serial 99999999999999999999',
    setup: async (p) => p.write('scan.md', await readFile(SEED)),
    alone: ['import', 'scan.md', '--serial', '99999999999999999999'],
    rule: 'import-serial',
    at: 'scan.md',
  },
  // lint
  {
    name: 'lint of an alias bomb',
    setup: (p) =>
      p.editIssue((m) =>
        m.replace(
          '---\n',
          '---\nx0: &x0 [a, a, a, a, a, a, a, a, a]\nx1: &x1 [*x0, *x0, *x0, *x0, *x0, *x0, *x0, *x0, *x0]\nx2: &x2 [*x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1]\nx3: &x3 [*x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2]\n',
        ),
      ),
    alone: ['lint', 'SERIAL'],
    rule: 'yaml-syntax',
    at: 'ISSUE:3',
  },
  { name: 'lint of a named pipe', setup: (p) => p.fifo('draft.md'), alone: ['lint', 'draft.md'], rule: 'file-not-regular', at: 'draft.md' },
  { name: 'lint of a file that is not there', alone: ['lint', 'draft.md'], rule: 'file-missing', at: 'draft.md' },
  // preflight
  { name: 'preflight of a file that is not there', alone: ['preflight', 'x.pdf'], rule: 'file-missing', at: 'x.pdf' },
  {
    name: 'preflight of a folder',
    setup: (p) => mkdir(p.at('x.pdf')),
    alone: ['preflight', 'x.pdf'],
    rule: 'file-not-regular',
    at: 'x.pdf',
  },
  {
    name: 'preflight of a named pipe',
    setup: (p) => p.fifo('x.pdf'),
    alone: ['preflight', 'x.pdf'],
    rule: 'file-not-regular',
    at: 'x.pdf',
  },
  {
    name: 'preflight of a text file',
    setup: textFile('x.pdf', '这不是PDF'),
    alone: ['preflight', 'x.pdf'],
    rule: 'preflight-unreadable',
    at: 'x.pdf',
  },
  {
    name: 'preflight without a temporary folder',
    setup: (p) => rm(p.at('tmp'), { recursive: true }).then(() => p.write('x.pdf', '%PDF-1.7\n')),
    alone: ['preflight', 'x.pdf'],
    rule: 'temp-dir-unusable',
    at: 'TMPDIR',
  },
];

corpus('bad command lines and surroundings', cases, 4);

test('import prints a conversion’s escape sequences escaped, not to the terminal', async () => {
  const p = await project();
  const lines = (await readFile(SEED, 'utf8')).split('\n');
  lines.splice(3, 0, '\u001b]0;pwned\u0007未知的一行\u001b[2J\r');
  await p.write('scan.md', lines.join('\n'));
  const run = await runCase(p, ['import', 'scan.md', '--dry-run']);
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(`${run.stdout}${run.stderr}`, /[\u001b\u0007]/);
  assert.match(
    run.stdout,
    /^scan\.md:4 warning import-masthead-line “\\u001B\]0;pwned\\u0007未知的一行\\u001B\[2J” is not a masthead fact/m,
  );
  assert.doesNotMatch(`${run.stdout}${run.stderr}`, RAW);
});
