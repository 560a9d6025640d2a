/**
 * The documentation's links lead somewhere: every relative link and image
 * in README.md, CONTRIBUTING.md and docs/*.md names a file that exists, and a link's #anchor
 * a heading of the file it names (as GitHub makes a heading's anchor). And
 * README.md stays short.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/build.js';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The Markdown outside code: fenced blocks and inline code hold examples, not links. */
const prose = (text: string) => text.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script kept), spaces as hyphens; a repeated one gets -1, -2… */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The targets of the links and images in Markdown text: `[text](target)`, `![alt](target "title")`. */
const linksIn = (text: string) => [...prose(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);

function brokenLinks(doc: string): string[] {
  const broken: string[] = [];
  for (const target of linksIn(readFileSync(path.join(ROOT, doc), 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not files
    const [file = '', anchor] = target.split('#');
    const full = file ? path.resolve(ROOT, path.dirname(doc), decodeURIComponent(file)) : path.join(ROOT, doc);
    if (!full.startsWith(ROOT + path.sep) || !existsSync(full)) broken.push(`${doc}: ${target} (no such file)`);
    else if (anchor && full.endsWith('.md') && !anchorsOf(full).has(decodeURIComponent(anchor)))
      broken.push(`${doc}: ${target} (no such heading)`);
  }
  return broken;
}

test('every relative link in README.md and docs/ names a file that exists, and a heading in it', () => {
  assert.ok(DOCS.length > 1, DOCS.join(', '));
  assert.deepEqual(DOCS.flatMap(brokenLinks), []);
});

test('README.md is the front door: under 12 KB', () => {
  assert.ok(statSync(path.join(ROOT, 'README.md')).size < 12 * 1024, `${statSync(path.join(ROOT, 'README.md')).size} bytes`);
});

test('the link check sees a broken link, a broken anchor and a link into a code example', () => {
  // A check that found no links because it read none would pass the test above.
  const sample = 'a [file](docs/none.md), a [heading](README.md#no-such-heading), an `[example](not/checked.md)`';
  assert.deepEqual(linksIn(sample), ['docs/none.md', 'README.md#no-such-heading']);
  assert.ok(anchorsOf(path.join(ROOT, 'docs', 'editors.md')).has('the-source-format'));
  assert.ok(!anchorsOf(path.join(ROOT, 'README.md')).has('no-such-heading'));
});
