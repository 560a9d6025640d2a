import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';

export type IssueTemplate = (view: object) => string;

/**
 * Compiles an edition's templates: issue.hbs is the page, every other .hbs in
 * the folder is a partial under its own name ({{> masthead}}). Handlebars
 * escapes every {{value}}; only HTML this program made is inserted with {{{…}}}.
 */
export async function compileTemplates(dir: string): Promise<IssueTemplate> {
  const env = Handlebars.create();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.hbs'));
  if (!files.includes('issue.hbs')) throw new Error(`templates folder ${dir} has no issue.hbs`);
  for (const file of files) {
    const source = await readFile(path.join(dir, file), 'utf8');
    if (file !== 'issue.hbs') env.registerPartial(file.replace(/\.hbs$/, ''), source);
  }
  const page = env.compile(await readFile(path.join(dir, 'issue.hbs'), 'utf8'), { strict: true });
  return (view) => page(view);
}
