/**
 * The viewer's own words, in the preview's language (the server's: --lang,
 * BUILD_ISSUE_LANG, else Chinese; each state says which). The diagnostics
 * come translated from the server.
 */
import type { Lang } from '../../message.js';

export interface Labels {
  issue(serial: string): string;
  building: string;
  rebuilding: string;
  built(pages: number, at: string, seconds: string): string;
  failed(errors: number): string;
  firstBuild: string;
  noPagesFailed: string;
  disconnected: string;
  spreads: string;
  spreadsTitle: string;
  single: string;
  singleTitle: string;
  fit: string;
  warnings(n: number): string;
  failedHeading(errors: number, warnings: number): string;
  fixNoPages: string;
  fixLastPages: string;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export const LABELS: Record<Lang, Labels> = {
  zh: {
    issue: (serial) => `第 ${serial} 期`,
    building: '正在排版…',
    rebuilding: '正在重新排版…',
    built: (pages, at, seconds) => `${pages} 页 · ${at} 排成，用时 ${seconds} 秒`,
    failed: (errors) => `排版失败：${errors} 个错误`,
    firstBuild: '正在进行第一次排版…',
    noPagesFailed: '还没有页面：排版失败（见上方）。',
    disconnected: '连接已断开：build-issue preview 还在运行吗？',
    spreads: '对页',
    spreadsTitle: '按刊物翻开的样子成对显示（S）',
    single: '单页',
    singleTitle: '每行一页（S）',
    fit: '适合宽度',
    warnings: (n) => `${n} 个警告`,
    failedHeading: (errors, warnings) => `排版失败：${errors} 个错误${warnings ? `，${warnings} 个警告` : ''}`,
    fixNoPages: '还没有页面：改好文件并保存。',
    fixLastPages: '下面是上一次排版成功的页面；改好文件并保存。',
  },
  en: {
    issue: (serial) => `issue ${serial}`,
    building: 'building…',
    rebuilding: 'rebuilding…',
    built: (pages, at, seconds) => `${pages} pages · built ${at} in ${seconds} s`,
    failed: (errors) => `build failed: ${plural(errors, 'error')}`,
    firstBuild: 'The first build is running…',
    noPagesFailed: 'No pages yet: the build failed (see above).',
    disconnected: 'disconnected: is build-issue preview still running?',
    spreads: 'spreads',
    spreadsTitle: 'spreads, as the issue opens (S)',
    single: 'single pages',
    singleTitle: 'one page a row (S)',
    fit: 'fit width',
    warnings: (n) => plural(n, 'warning'),
    failedHeading: (errors, warnings) =>
      `The build failed: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`,
    fixNoPages: 'No pages yet: fix the file and save it.',
    fixLastPages: 'The pages below are from the last build that succeeded; fix the file and save it.',
  },
};
