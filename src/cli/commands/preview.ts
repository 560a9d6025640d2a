import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { systemClock } from '../../clock.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { error } from '../../diagnostics.js';
import type { Lang } from '../../message.js';
import type { PreviewState } from '../../preview/state.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

export interface PreviewOptions {
  /** Absent or 0: a free port. */
  port?: number;
  open: boolean;
}

/** Quiet time after the last change of a burst before the rebuild starts. */
const QUIET_MS = 50;

function portParser(lang: Lang): (value: string) => number {
  return (value) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new InvalidArgumentError(
        { zh: '要写 1 到 65535 之间的端口号（0 表示任选一个空闲的）', en: 'a port number from 1 to 65535 (0 for a free one)' }[lang],
      );
    }
    return port;
  };
}

/** What a preview watches: the issue's folder, the publication file, the style editions and the font catalogue. */
function watchedPaths(serial: string, settings: Settings): string[] {
  return [
    path.join(settings.issuesDir, serial),
    path.join(settings.issuesDir, 'publication.yaml'),
    path.join(settings.editionsDir, 'styles'),
    path.join(settings.editionsDir, 'templates'),
    path.join(settings.editionsDir, 'fonts', 'fonts.json'),
  ];
}

/** One line per build that ended: its pages and time, or how it failed (its diagnostics on stderr). */
function buildLog(report: Reporter): (state: PreviewState) => void {
  let logged = 0;
  return (state) => {
    if (state.builds === logged) return;
    logged = state.builds;
    report.diagnostics(state.diagnostics);
    const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
    const seconds = ((state.durationMs ?? 0) / 1000).toFixed(2);
    if (state.ok)
      report.info({
        zh: `第 ${state.serial} 期：${state.pages} 页，用时 ${seconds} 秒`,
        en: `${state.serial}: ${state.pages} pages in ${seconds} s`,
      });
    else {
      const kept = state.pages !== null;
      report.info({
        zh: `第 ${state.serial} 期没有排成（${errors} 个错误）${kept ? '；预览仍显示上一次排好的页面' : ''}`,
        en: `${state.serial}: build failed (${errors} error${errors === 1 ? '' : 's'})${kept ? '; the preview keeps the last pages' : ''}`,
      });
    }
  };
}

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `build-issue preview <serial>`: builds the issue, serves its pages on
 * 127.0.0.1 and builds again whenever one of its inputs changes, until
 * Ctrl-C. One Chromium, with its layout page, serves every build (another
 * if it goes).
 */
export async function runPreview(serial: string, options: PreviewOptions, settings: Settings, report: Reporter): Promise<void> {
  // Imported when a preview runs: `--help` and `--version` load none of it.
  const [
    { listIssues },
    { loadAssets },
    { sharedBrowser },
    { previewBuild },
    { openInBrowser },
    { startServer },
    { previewSession },
    { watchInputs },
  ] = await Promise.all([
    import('../../stages/load/load-issue.js'),
    import('../../preview/assets.js'),
    import('../../browser/shared-browser.js'),
    import('../../preview/build.js'),
    import('../../preview/open-browser.js'),
    import('../../preview/server.js'),
    import('../../preview/session.js'),
    import('../../preview/watch.js'),
  ]);
  const issues = await listIssues(settings.issuesDir);
  if (!issues.includes(serial)) {
    const folder = path.relative(process.cwd(), path.join(settings.issuesDir, serial));
    const message = {
      zh: `没有第 ${serial} 期；现有：${issues.join('、') || '无'}`,
      en: `there is no issue ${serial}; issues here: ${issues.join(', ') || 'none'}`,
    };
    report.diagnostics([error('issue-missing', message, { file: folder })]);
    return report.failed();
  }
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  for (const signal of stopSignals) process.once(signal, stop);
  // One Chromium for the session, whose one lease is never released: one that
  // ends (crashed, or killed) is started again for the next build.
  const chromium = sharedBrowser(process.env, stopped.signal, Infinity);
  const browser = chromium.lease();
  browser.warm();
  // The engines' versions go into each PDF (its Producer), as a build's do: found once for the session.
  const { findEngines } = await import('../../config/engines.js');
  const built = { ...settings, engines: await findEngines(settings, process.env) };
  const session = previewSession(serial, () => previewBuild(serial, built, browser.get), { clock: systemClock, rootDir: process.cwd() });
  session.rebuild();
  const watcher = watchInputs(watchedPaths(serial, settings), { changed: session.rebuild, quietMs: QUIET_MS });
  try {
    const server = await startServer(session, await loadAssets(), { port: options.port ?? 0, lang: report.lang }).catch(
      (cause: NodeJS.ErrnoException) => {
        if (cause.code !== 'EADDRINUSE') throw cause;
        const message = {
          zh: `127.0.0.1 的 ${options.port} 端口已被占用：请换一个，或不写 --port 让它任选空闲端口`,
          en: `port ${options.port} of 127.0.0.1 is in use: choose another, or leave --port out for a free one`,
        };
        report.diagnostics([error('preview-port-in-use', message, { file: '--port' })]);
        report.failed();
      },
    );
    if (!server) return;
    try {
      await watcher.ready;
      // The first line on stdout, the same in every language: editor integrations read the address from it.
      report.data(`preview: ${server.url}`);
      const log = buildLog(report);
      const unsubscribe = session.subscribe(log);
      log(session.state());
      if (options.open) process.stderr.write(`preview: ${(await openInBrowser(server.url, process.env))[report.lang]}\n`);
      if (!stopped.signal.aborted) await new Promise((resolve) => stopped.signal.addEventListener('abort', resolve, { once: true }));
      unsubscribe();
      process.stderr.write(`preview: ${{ zh: '正在停止', en: 'stopping' }[report.lang]}\n`);
    } finally {
      await server.close();
    }
  } finally {
    for (const signal of stopSignals) process.off(signal, stop);
    await watcher.close();
    stopped.abort();
    await chromium.close();
    await session.settled();
  }
}

export function registerPreview(program: Command, lang: Lang): void {
  const say = helpText(lang);
  program
    .command('preview')
    .description(
      say({
        zh: '排出一期并在浏览器里显示它的页面，它的文件每改一次就重排一次（按 Ctrl-C 停止）',
        en: 'build an issue and show its pages in the browser, built again at every change of its files (until Ctrl-C)',
      }),
    )
    .argument('<serial>', say({ zh: '要预览的期，如 453', en: 'the issue to preview, e.g. 453' }))
    .option(
      '--port <n>',
      say({ zh: '用 127.0.0.1 的这个端口（默认：任选一个空闲端口）', en: 'serve on this port of 127.0.0.1 (default: a free one)' }),
      portParser(lang),
    )
    .option('--open', say({ zh: '用系统浏览器打开预览', en: 'open the preview in the system browser' }), false)
    .action(
      reportedAction(lang, (serial: string, options: PreviewOptions) =>
        runPreview(serial, options, resolveSettings(process.env, process.cwd()), consoleReporter(lang)),
      ),
    );
}
