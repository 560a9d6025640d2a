/**
 * The house fonts can do what the style asks of them: TrueType outlines (never
 * Type 3 in the PDF) and the halt/chws features that Chromium's
 * text-spacing-trim needs for punctuation compression.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import * as fontkit from 'fontkit';
import { loadEdition } from '../../src/config/edition.js';
import { ROOT } from '../helpers/build.js';

describe('fonts of edition 2023', async () => {
  const edition = (await loadEdition(ROOT, '2023'))!;
  const faceOf = async (role: string) => {
    const family = edition.families[edition.roles[role]!]!;
    return fontkit.create(await readFile(path.join(ROOT, family.file))) as fontkit.Font;
  };

  test('every family has TrueType outlines (glyf), not CFF', async () => {
    for (const family of new Set(Object.values(edition.roles))) {
      const face = fontkit.create(await readFile(path.join(ROOT, edition.families[family]!.file))) as fontkit.Font;
      // fontkit's types omit the table directory it keeps.
      const tables = (face as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
      assert.ok('glyf' in tables, `${family} has no glyf table`);
      assert.ok(!('CFF ' in tables), `${family} has CFF outlines`);
    }
  });

  test('the faces of running text and headings carry halt (and the body chws) for text-spacing-trim', async () => {
    for (const role of ['body', 'runin', 'heading', 'title', 'toc', 'footer']) {
      assert.ok((await faceOf(role)).availableFeatures.includes('halt'), `${role} font lacks halt`);
    }
    assert.ok((await faceOf('body')).availableFeatures.includes('chws'), 'body font lacks chws');
  });
});
