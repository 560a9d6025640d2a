import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { error, type Place, type Result } from '../diagnostics.js';
import type { Message } from '../message.js';
import { FIELDS_MESSAGE, readJsonFile } from './json-file.js';

/** The kinds of text an edition gives a font family each (render/role-texts.ts sorts the text into them). */
export const ROLES = [
  'masthead',
  'label',
  'title',
  'subtitle',
  'byline',
  'column',
  'heading',
  'runin',
  'emphasis',
  'body',
  'toc',
  'footer',
  'quote',
  'code',
] as const;
export type Role = (typeof ROLES)[number];

/** What each role's text is, as an editor calls it (a font's family id means nothing to one). */
export const ROLE_NAMES: Record<Role, Message> = {
  masthead: { zh: '报头', en: 'masthead' },
  label: { zh: '标签', en: 'label' },
  title: { zh: '标题', en: 'title' },
  subtitle: { zh: '副题', en: 'subtitle' },
  byline: { zh: '作者行', en: 'byline' },
  column: { zh: '栏目名', en: 'column name' },
  heading: { zh: '小标题', en: 'section heading' },
  runin: { zh: '段首标题', en: 'run-in head' },
  emphasis: { zh: '强调文字', en: 'emphasis' },
  body: { zh: '正文', en: 'body' },
  toc: { zh: '目录', en: 'TOC' },
  footer: { zh: '版记', en: 'footer' },
  quote: { zh: '引文', en: 'quotation' },
  code: { zh: '代码', en: 'code' },
};

const text = (what: string) => v.pipe(v.string(`must be text (${what})`), v.nonEmpty(`must not be empty (${what})`));

/** fonts/fonts.json: the font families editions may use. */
const FontCatalogue = v.strictObject(
  {
    $comment: v.optional(v.string()),
    families: v.record(
      v.string(),
      v.strictObject(
        {
          file: text('the font file, from the package folder'),
          weight: v.pipe(
            v.number('must be a number (the CSS font-weight)'),
            v.integer('must be a whole number'),
            v.minValue(1),
            v.maxValue(1000),
          ),
          describe: text('what the face is and what it sets'),
        },
        FIELDS_MESSAGE,
      ),
    ),
  },
  FIELDS_MESSAGE,
);

/** styles/<edition>/edition.json: which family of the catalogue sets each role, and the characters the CSS generates. */
function editionSpec(families: readonly string[]) {
  const family = v.picklist(families, `must be a family of fonts/fonts.json (${families.join(', ')})`);
  return v.strictObject(
    {
      $comment: v.optional(v.string()),
      roles: v.strictObject(Object.fromEntries(ROLES.map((role) => [role, family])) as Record<Role, typeof family>, FIELDS_MESSAGE),
      generated: v.string('must be text (the characters the CSS counters generate)'),
    },
    FIELDS_MESSAGE,
  );
}

export type FontFamily = v.InferOutput<typeof FontCatalogue>['families'][string];

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
  roles: Record<Role, string>;
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

/** The edition's edition.json, checked against the catalogue's families. */
async function readEdition(
  rootDir: string,
  name: string,
): Promise<Result<{ roles: Record<Role, string>; generated: string; families: Record<string, FontFamily> }>> {
  const catalogue = await readJsonFile(path.join(rootDir, 'fonts', 'fonts.json'), FontCatalogue);
  if (!catalogue.value) return { diagnostics: catalogue.diagnostics };
  const { families } = catalogue.value;
  const spec = await readJsonFile(path.join(rootDir, 'styles', name, 'edition.json'), editionSpec(Object.keys(families)));
  return spec.value ? { value: { ...spec.value, families }, diagnostics: [] } : { diagnostics: spec.diagnostics };
}

/** The font files an edition's roles use, for the build's input digest; undefined when its files do not read. */
export async function editionFontFiles(rootDir: string, name: string): Promise<string[] | undefined> {
  const edition = (await readEdition(rootDir, name)).value;
  return edition && [...new Set(Object.values(edition.roles))].map((family) => edition.families[family]!.file).sort();
}

/**
 * Loads an edition, with its edition.json and the font catalogue checked
 * against their schemas. `namedAt` is where the issue names the edition, for
 * when there is no such edition (edition-missing) or it has no templates
 * (edition-invalid).
 */
export async function loadEdition(rootDir: string, name: string, namedAt: Place): Promise<Result<Edition>> {
  const stylesDir = path.join(rootDir, 'styles', name);
  const templatesDir = path.join(rootDir, 'templates', name);
  const files = await readdir(stylesDir).catch(() => undefined);
  if (!files) {
    const message = {
      zh: `没有“${name}”这个版式（styles/${name}）；请检查 edition 字段`,
      en: `style edition “${name}” does not exist (styles/${name})`,
    };
    return { diagnostics: [error('edition-missing', message, namedAt)] };
  }
  const spec = await readEdition(rootDir, name);
  if (!spec.value) return { diagnostics: spec.diagnostics };
  const templateFiles = (await readdir(templatesDir).catch(() => [])).filter((f) => f.endsWith('.hbs'));
  if (templateFiles.length === 0) {
    const message = {
      zh: `版式“${name}”有错：templates/${name}/ 里没有模板`,
      en: `style edition “${name}”: templates/${name}/ has no templates`,
    };
    return { diagnostics: [error('edition-invalid', message, namedAt)] };
  }
  const cssFiles = files.filter((f) => f.endsWith('.css')).sort();
  const css = (await Promise.all(cssFiles.map((f) => readFile(path.join(stylesDir, f), 'utf8')))).join('\n');
  const templates = await Promise.all(templateFiles.map((f) => readFile(path.join(templatesDir, f), 'utf8')));
  const { roles, generated, families } = spec.value;
  const templateChars = templates.map(templateText).join('');
  return {
    value: { name, templatesDir, stylesDir, css, roles, generated: generated + contentCharacters(css), templateChars, families },
    diagnostics: [],
  };
}
