import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { displayHtml } from './display/display-html.js';

export type IssueTemplate = (view: object) => string;

/** Compiled templates by their sources: the issues of a run share an edition's, compiled once. */
const compiled = new Map<string, IssueTemplate>();

/**
 * Compiles an edition's templates: issue.hbs is the page, every other .hbs in
 * the folder is a partial under its own name ({{> masthead}}). Handlebars
 * escapes every {{value}}; only HTML this program made is inserted with {{{…}}}.
 * `{{phrases text}}` writes a display line marked between phrases (display/).
 */
export async function compileTemplates(dir: string): Promise<IssueTemplate> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.hbs')).sort();
  if (!files.includes('issue.hbs')) throw new Error(`templates folder ${dir} has no issue.hbs`);
  const sources = await Promise.all(
    files.map(async (file) => ({ name: file.replace(/\.hbs$/, ''), source: await readFile(path.join(dir, file), 'utf8') })),
  );
  const key = JSON.stringify(sources);
  const known = compiled.get(key);
  if (known) return known;

  const env = Handlebars.create();
  env.registerHelper('phrases', (text: string) => new Handlebars.SafeString(displayHtml(String(text))));
  for (const { name, source } of sources) if (name !== 'issue') env.registerPartial(name, source);
  const page = env.compile(sources.find((t) => t.name === 'issue')!.source, { strict: true });
  const template: IssueTemplate = (view) => page(view);
  compiled.set(key, template);
  return template;
}
