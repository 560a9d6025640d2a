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
import { loadEdition, type Role } from '../../src/config/edition.js';
import { prepareFonts } from '../../src/stages/render/fonts.js';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

describe('fonts of edition 2023', async () => {
  const loaded = await loadEdition(ROOT, '2023', { file: 'test' });
  assert.deepEqual(loaded.diagnostics, []);
  const edition = loaded.value!;
  const faceOf = async (role: Role) => {
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
    for (const role of ['body', 'runin', 'heading', 'title', 'toc', 'footer'] as const) {
      assert.ok((await faceOf(role)).availableFeatures.includes('halt'), `${role} font lacks halt`);
    }
    assert.ok((await faceOf('body')).availableFeatures.includes('chws'), 'body font lacks chws');
  });
});

describe('the fonts an issue embeds', () => {
  test('carry every character that is set, an ideographic or no-break space included; a family no text uses is not embedded', async () => {
    const edition = (await loadEdition(ROOT, '2023', { file: 'test' })).value!;
    const place = { file: 'issue.md', line: 1 };
    const prepared = await prepareFonts([{ role: 'body', text: '实\u3000践\u00a0。', place }], edition.generated, {
      rootDir: ROOT,
      families: edition.families,
      roles: edition.roles,
      cacheDir: await scratchDir('fonts-'),
    });
    assert.deepEqual(prepared.diagnostics, []);
    const body = fontkit.create(prepared.value!.find((f) => f.family === edition.roles.body)!.ttf) as fontkit.Font;
    // Left out of the subset, they were set in a system font (and embedded as Type 3).
    assert.ok(body.hasGlyphForCodePoint(0x3000) && body.hasGlyphForCodePoint(0xa0));
    assert.ok(!prepared.value!.some((f) => f.family === edition.roles.code), 'the monospace face is embedded without code to set');
  });
});
