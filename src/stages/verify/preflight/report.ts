import { displayWidth } from '../../../excerpt.js';
import type { Lang, Message } from '../../../message.js';
import type { CheckResult } from './check.js';
import type { PreflightReport } from './preflight.js';

/** ✓ passed, ! warnings, ✗ failed. */
export function checkMark(check: CheckResult): '✓' | '!' | '✗' {
  if (check.diagnostics.some((d) => d.severity === 'error')) return '✗';
  return check.diagnostics.length > 0 ? '!' : '✓';
}

const LABELS: Record<CheckResult['name'], Message> = {
  pages: { zh: '页数', en: 'pages' },
  boxes: { zh: '页框', en: 'boxes' },
  fonts: { zh: '字体', en: 'fonts' },
  colour: { zh: '颜色', en: 'colour' },
  images: { zh: '图片', en: 'images' },
  syntax: { zh: '文件结构', en: 'syntax' },
};

/** What a check is called in the report a person reads. */
export const checkLabel = (check: CheckResult): Message => LABELS[check.name];

/** `预检通过，1 个警告` / `preflight passed with 1 warning`, `preflight FAILED: 2 errors`. */
export function verdict(report: PreflightReport): Message {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const s = (n: number) => (n === 1 ? '' : 's');
  if (report.passed) {
    return {
      zh: `预检通过${warnings > 0 ? `，${warnings} 个警告` : ''}`,
      en: `preflight passed${warnings > 0 ? ` with ${warnings} warning${s(warnings)}` : ''}`,
    };
  }
  return {
    zh: `预检未通过：${errors} 个错误${warnings > 0 ? `，${warnings} 个警告` : ''}`,
    en: `preflight FAILED: ${errors} error${s(errors)}${warnings > 0 ? `, ${warnings} warning${s(warnings)}` : ''}`,
  };
}

/** The report a person reads: one line per check, then the verdict. Problems are listed by the reporter as diagnostics. */
export function reportLines(report: PreflightReport, lang: Lang): string[] {
  const labels = report.checks.map((c) => checkLabel(c)[lang]);
  const width = Math.max(...labels.map(displayWidth));
  const title = { zh: `预检 ${report.file}`, en: `preflight ${report.file}` }[lang];
  const rows = report.checks.map(
    (c, i) => `  ${checkMark(c)} ${labels[i]!}${' '.repeat(width - displayWidth(labels[i]!))}  ${c.summary[lang]}`,
  );
  return [title, ...rows, verdict(report)[lang]];
}
