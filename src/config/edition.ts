import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, type Place, type Result } from '../diagnostics.js';
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
  /**
   * The templates' own text (报：, 共印：, the masthead's ·): printed on every
   * issue whatever its text, so the body's font, every other's fallback, must carry it.
   */
  templateChars: string;
  families: Record<string, FontFamily>;
}

/** Every character in the CSS's quoted `content:` strings: the fonts must carry them too. */
function contentCharacters(css: string): string {
  const strings = [...css.matchAll(/content:\s*([^;}]*)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]*)"/g)].map((q) => q[1]!));
  return strings.join('');
}

/** The text a Handlebars template prints of its own: what is left without its comments, expressions and tags. */
export function templateText(template: string): string {
  return template
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '')
    .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, '')
    .replace(/<[^>]*>/g, '');
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * The edition `name` (as an issue names it, at `place`): edition-missing
 * when it has no folder under styles/, edition-invalid when its files
 * cannot be read.
 */
export async function loadEdition(rootDir: string, name: string, place: Place): Promise<Result<Edition>> {
  const stylesDir = path.join(rootDir, 'styles', name);
  const templatesDir = path.join(rootDir, 'templates', name);
  const files = await readdir(stylesDir).catch(() => undefined);
  if (!files) return { diagnostics: [error('edition-missing', `style edition “${name}” does not exist (styles/${name})`, place)] };
  const invalid = (what: string) => ({ diagnostics: [error('edition-invalid', `style edition “${name}”: ${what}`, place)] });
  const spec = await readJson<{ roles: Record<string, string>; generated: string }>(path.join(stylesDir, 'edition.json'));
  if (!spec?.roles) return invalid(`styles/${name}/edition.json is missing or not JSON with "roles"`);
  const catalogue = await readJson<{ families: Record<string, FontFamily> }>(path.join(rootDir, 'fonts', 'fonts.json'));
  if (!catalogue?.families) return invalid('fonts/fonts.json is missing or not JSON with "families"');
  const templateFiles = (await readdir(templatesDir).catch(() => [])).filter((f) => f.endsWith('.hbs'));
  if (templateFiles.length === 0) return invalid(`templates/${name}/ has no templates`);
  const cssFiles = files.filter((f) => f.endsWith('.css')).sort();
  const css = (await Promise.all(cssFiles.map((f) => readFile(path.join(stylesDir, f), 'utf8')))).join('\n');
  const templates = await Promise.all(templateFiles.map((f) => readFile(path.join(templatesDir, f), 'utf8')));
  const generated = (spec.generated ?? '') + contentCharacters(css);
  const templateChars = templates.map(templateText).join('');
  return { value: { name, templatesDir, stylesDir, css, roles: spec.roles, generated, templateChars, families: catalogue.families }, diagnostics: [] };
}
