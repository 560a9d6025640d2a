import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FontFamily } from '../stages/render/fonts.js';

/**
 * A style edition: the templates and styles an issue was printed with.
 * templates/<name>/ holds the Handlebars templates, styles/<name>/ the CSS
 * (applied in file-name order) and edition.json (font roles, generated text).
 */
export interface Edition {
  name: string;
  templatesDir: string;
  stylesDir: string;
  /** The CSS files' text, in file-name order. */
  css: string;
  roles: Record<string, string>;
  /** Characters the CSS generates (edition.json's counters' digits, and every quoted `content:` string), which the fonts must carry. */
  generated: string;
  families: Record<string, FontFamily>;
}

/** Every character in the CSS's quoted `content:` strings: the fonts must carry them too. */
function contentCharacters(css: string): string {
  const strings = [...css.matchAll(/content:\s*([^;}]*)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]*)"/g)].map((q) => q[1]!));
  return strings.join('');
}

export async function loadEdition(rootDir: string, name: string): Promise<Edition | undefined> {
  const stylesDir = path.join(rootDir, 'styles', name);
  const templatesDir = path.join(rootDir, 'templates', name);
  const files = await readdir(stylesDir).catch(() => undefined);
  if (!files) return undefined;
  const spec = JSON.parse(await readFile(path.join(stylesDir, 'edition.json'), 'utf8')) as {
    roles: Record<string, string>;
    generated: string;
  };
  const catalogue = JSON.parse(await readFile(path.join(rootDir, 'fonts', 'fonts.json'), 'utf8')) as {
    families: Record<string, FontFamily>;
  };
  const cssFiles = files.filter((f) => f.endsWith('.css')).sort();
  const css = (await Promise.all(cssFiles.map((f) => readFile(path.join(stylesDir, f), 'utf8')))).join('\n');
  return { name, templatesDir, stylesDir, css, roles: spec.roles, generated: spec.generated + contentCharacters(css), families: catalogue.families };
}
