import path from 'node:path';
import { loadEdition } from '../../config/edition.js';
import type { Settings } from '../../config/settings.js';
import { type Diagnostic, warning } from '../../diagnostics.js';
import { editionPlace } from '../load/front-matter.js';
import { ISSUE_FILE, loadIssue, PUBLICATION_FILE } from '../load/load-issue.js';
import { checkGlyphs } from '../render/fonts.js';
import { collectRoleTexts } from '../render/role-texts.js';

export interface GlyphOptions extends Pick<Settings, 'packageDir' | 'editionsDir' | 'defaultEdition'> {
  /** Paths in messages are relative to this folder. */
  rootDir: string;
}

/**
 * Characters the issue's fonts cannot set (生僻字), found before a build does:
 * the issue is loaded as the build loads it and each text is checked against
 * the font of its role, with the build's own check. Which font sets a text
 * depends on the issue's structure and style edition, so a file that is not
 * an issue (issues/<serial>/issue.md beside publication.yaml) cannot be checked,
 * and one that does not load reports why.
 */
export async function lintGlyphs(file: string, options: GlyphOptions): Promise<Diagnostic[]> {
  const shown = (at: string) => path.relative(options.rootDir, at) || at;
  const folder = path.dirname(file);
  const serial = path.basename(folder);
  if (path.basename(file) !== ISSUE_FILE || !/^\d+$/.test(serial)) {
    const message = {
      zh: `没有检查字体缺字：只有刊物的期文件（issues/<期号>/${ISSUE_FILE}）才有版式`,
      en: `fonts not checked: only an issue (issues/<serial>/${ISSUE_FILE}) has a style edition`,
    };
    return [warning('glyph-unchecked', message, { file: shown(file) })];
  }
  const issuesDir = path.dirname(folder);
  const loaded = await loadIssue(serial, { issuesDir, rootDir: options.rootDir, defaultEdition: options.defaultEdition });
  const doc = loaded.value;
  if (!doc) return loaded.diagnostics;
  const edition = await loadEdition(options.editionsDir, doc.meta.edition, editionPlace(doc));
  if (!edition.value) return [...loaded.diagnostics, ...edition.diagnostics];
  const texts = collectRoleTexts(doc, shown(path.join(issuesDir, PUBLICATION_FILE)));
  const { families, roles } = edition.value;
  return [...loaded.diagnostics, ...(await checkGlyphs(texts, { rootDir: options.packageDir, families, roles }))];
}
