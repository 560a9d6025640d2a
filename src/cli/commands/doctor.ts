import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { BROWSER_ENV, findBrowser } from '../../config/browser.js';
import { loadEdition, ROLE_NAMES, ROLES, type Role } from '../../config/edition.js';
import { type Engines, findEngines } from '../../config/engines.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import type { Lang, Message } from '../../message.js';
import { fontName, readFontSource } from '../../stages/render/font-source.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

/** The major versions of Node that build-issue is tested on (package.json's engines says the same). */
export const SUPPORTED_NODE = [20, 22, 24];

/** The programs build-issue calls, and what for; none is needed for a plain build. */
const TESTS: Message = { zh: '测试用', en: 'the tests' };
const TOOLS: { command: string; args: string[]; package?: string; use: Message }[] = [
  { command: 'qpdf', args: ['--version'], use: { zh: '预检：检查文件结构', en: 'preflight: the file structure check' } },
  { command: 'gs', args: ['--version'], use: { zh: '--grayscale 转灰度', en: '--grayscale' } },
  { command: 'pdftoppm', args: ['-v'], package: 'poppler-utils', use: { zh: '--proof 校样图', en: '--proof' } },
  { command: 'pdfinfo', args: ['-v'], package: 'poppler-utils', use: TESTS },
  { command: 'pdffonts', args: ['-v'], package: 'poppler-utils', use: TESTS },
  { command: 'pdftotext', args: ['-v'], package: 'poppler-utils', use: TESTS },
  { command: 'mutool', args: ['-v'], package: 'mupdf-tools', use: TESTS },
];

/** A program's version from what it prints, or undefined when it is not installed. */
function toolVersion(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000 }, (cause, stdout, stderr) => {
      if ((cause as NodeJS.ErrnoException | null)?.code === 'ENOENT') return resolve(undefined);
      resolve(/\d+(?:\.\d+)+/.exec(`${stdout}\n${stderr}`)?.[0] ?? 'version unknown');
    });
  });
}

const chromiumLine = (engines: Engines, executable: string | undefined): Message => {
  if (!executable) return { zh: 'Chromium：没有找到', en: 'Chromium: none found' };
  if (engines.chromium) return { zh: `${engines.chromium}（${executable}）`, en: `${engines.chromium} (${executable})` };
  return {
    zh: `Chromium（版本不明：--version 没有输出）（${executable}）`,
    en: `Chromium (its version unknown: --version printed none) (${executable})`,
  };
};

/**
 * What a font family sets, as an editor names the text (正文、目录 …): the
 * roles the edition gives it. A family id of the catalogue (“BI Song”)
 * means nothing to an editor or a print shop, so it is never shown.
 */
function setsText(roles: Record<Role, string>, family: string, edition: string): Message {
  const sets = ROLES.filter((role) => roles[role] === family).map((role) => ROLE_NAMES[role]);
  if (sets.length === 0) return { zh: `（版式 ${edition} 不用）`, en: `(not used by edition ${edition})` };
  return { zh: sets.map((s) => s.zh).join('、'), en: sets.map((s) => s.en).join(', ') };
}

/** `build-issue --version`: build-issue's version and the engines' it lays pages out with. */
export async function printVersions(settings: Settings, report: Reporter): Promise<void> {
  const [engines, browser] = await Promise.all([findEngines(settings, process.env), findBrowser(process.env)]);
  report.data(`build-issue ${engines.buildIssue}`);
  report.data(chromiumLine(engines, browser.path)[report.lang]);
  report.data(`Paged.js ${engines.pagedjs}`);
  report.data(`Node ${process.versions.node}`);
}

/**
 * `build-issue doctor`: what a build runs with on this machine and whether
 * each part is there: Node, the browser (where its path came from), Paged.js,
 * the default edition's fonts with their digests, and the programs called for
 * preflight, --grayscale and --proof. Exits non-zero when a build could not run.
 */
export async function runDoctor(settings: Settings, report: Reporter): Promise<void> {
  const [engines, browser, loadedEdition, tools] = await Promise.all([
    findEngines(settings, process.env),
    findBrowser(process.env),
    loadEdition(settings.editionsDir, settings.defaultEdition, { file: path.join('styles', settings.defaultEdition) }),
    Promise.all(TOOLS.map(async (tool) => ({ ...tool, version: await toolVersion(tool.command, tool.args) }))),
  ]);
  const edition = loadedEdition.value;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const problems: Message[] = [];
  const line = (ok: boolean | '-', text: Message) =>
    report.info({ zh: `${ok === '-' ? '-' : mark(ok)} ${text.zh}`, en: `${ok === '-' ? '-' : mark(ok)} ${text.en}` });

  line(true, {
    zh: `build-issue ${engines.buildIssue}（${settings.packageDir}）`,
    en: `build-issue ${engines.buildIssue} (${settings.packageDir})`,
  });
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const nodeSupported = SUPPORTED_NODE.includes(nodeMajor);
  const supported = SUPPORTED_NODE.join(', ');
  line(nodeSupported, {
    zh: `Node ${process.versions.node}（${process.execPath}）；支持的版本：${supported}`,
    en: `Node ${process.versions.node} (${process.execPath}); supported: ${supported}`,
  });
  if (!nodeSupported)
    problems.push({ zh: `build-issue 没有在 Node ${nodeMajor} 上测试过`, en: `Node ${nodeMajor} is not one build-issue is tested on` });

  const named = BROWSER_ENV.find((name) => process.env[name]);
  const chromium = chromiumLine(engines, browser.path);
  const from = browser.path
    ? named
      ? { zh: `，由 ${named} 指定`, en: `, from ${named}` }
      : { zh: '，在默认位置找到', en: ', found at a default path' }
    : { zh: '', en: '' };
  line(engines.chromium !== undefined, { zh: `${chromium.zh}${from.zh}`, en: `${chromium.en}${from.en}` });
  if (!browser.path) problems.push(browser.diagnostics[0]?.message ?? { zh: '没有浏览器', en: 'no browser' });
  else if (!engines.chromium)
    problems.push({ zh: `${browser.path} --version 没有输出版本号`, en: `${browser.path} --version printed no version` });
  line(true, { zh: `Paged.js ${engines.pagedjs}`, en: `Paged.js ${engines.pagedjs}` });

  if (!edition) {
    const missing = loadedEdition.diagnostics.some((d) => d.rule === 'edition-missing');
    const state = missing
      ? { zh: `${settings.editionsDir} 下没有`, en: `not found under ${settings.editionsDir}` }
      : { zh: '它的文件有错', en: 'its files are wrong' };
    line(false, { zh: `版式 ${settings.defaultEdition}：${state.zh}`, en: `edition ${settings.defaultEdition}: ${state.en}` });
    if (!missing) report.diagnostics(loadedEdition.diagnostics);
    problems.push(
      missing
        ? { zh: `缺少版式 ${settings.defaultEdition}`, en: `edition ${settings.defaultEdition} is missing` }
        : { zh: `版式 ${settings.defaultEdition} 有错`, en: `edition ${settings.defaultEdition} is wrong` },
    );
  } else {
    report.info({
      zh: `  字体目录（fonts/fonts.json）里的字体，按版式 ${edition.name} 用它排的文字列出，附文件和 sha256：`,
      en: `  the fonts of the catalogue (fonts/fonts.json), by the text edition ${edition.name} sets in each, with file and sha256:`,
    });
    for (const [family, font] of Object.entries(edition.families)) {
      const source = await readFontSource(path.join(settings.packageDir, font.file), settings.cacheDir);
      const sets = setsText(edition.roles, family, edition.name);
      if (!source) {
        report.info({ zh: `  ✗ ${sets.zh}：缺少 ${font.file}`, en: `  ✗ ${sets.en}: ${font.file} is missing` });
        problems.push({ zh: `缺少字体文件 ${font.file}；请运行 npm ci`, en: `font file ${font.file} is missing; run npm ci` });
        continue;
      }
      const name = await fontName(source, settings.cacheDir);
      const digest = source.digest.slice(0, 16);
      report.info({
        zh: `  ✓ ${sets.zh}：${name}（${font.file}，sha256 ${digest}）`,
        en: `  ✓ ${sets.en}: ${name} (${font.file}, sha256 ${digest})`,
      });
    }
  }

  for (const tool of tools) {
    const use = tool.package ? { zh: `${tool.package}：${tool.use.zh}`, en: `${tool.package}: ${tool.use.en}` } : tool.use;
    line(tool.version ? true : '-', {
      zh: `${tool.command} ${tool.version ?? '没有安装'}（${use.zh}）`,
      en: `${tool.command} ${tool.version ?? 'not installed'} (${use.en})`,
    });
  }
  for (const problem of problems) report.fail(problem);
}

export function registerDoctor(program: Command, lang: Lang): void {
  program
    .command('doctor')
    .description(
      helpText(lang)({
        zh: '说明在这台机器上排版用的是什么：Node、浏览器及其版本、Paged.js、字体及其摘要、qpdf、Ghostscript、poppler、MuPDF',
        en: 'say what a build runs with here: Node, the browser and its version, Paged.js, the fonts and their digests, qpdf, Ghostscript, poppler, MuPDF',
      }),
    )
    .action(reportedAction(lang, () => runDoctor(resolveSettings(process.env, process.cwd()), consoleReporter(lang))));
}
