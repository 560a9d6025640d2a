/**
 * The latest build's diagnostics, over the pages: each with its place
 * (file:line:col), rule and message, and the source line with a caret under
 * the column. Errors open the panel; warnings alone fold it away.
 */
import type { PublicDiagnostic, PublicState } from '../state.js';
import { LABELS } from './labels.js';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | undefined,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const where = (d: PublicDiagnostic) => [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');

/** The line, and under it the text before the column kept invisible and a caret: the caret lands under the column whatever the characters' widths. */
function excerpt(d: PublicDiagnostic): HTMLElement | undefined {
  if (!d.excerpt || d.line === undefined) return undefined;
  const gutter = String(d.line);
  const lines: (Node | string)[] = [element('span', 'line-number', `${gutter} | `), d.excerpt.text];
  if (d.excerpt.column !== undefined) {
    const before = d.excerpt.text.slice(0, d.excerpt.column - 1);
    lines.push(
      '\n',
      element('span', 'line-number', `${' '.repeat(gutter.length)} | `),
      element('span', 'before', before),
      element('span', 'caret', '^'),
    );
  }
  return element('pre', 'excerpt', ...lines);
}

function item(d: PublicDiagnostic): HTMLElement {
  const head = element(
    'div',
    undefined,
    element('span', 'where', where(d)),
    element('span', 'rule', d.rule),
    element('span', 'message', d.message),
  );
  const shown = excerpt(d);
  return element('li', d.severity, head, ...(shown ? [shown] : []));
}

export function showProblems(panel: HTMLElement, state: PublicState): void {
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = state.diagnostics.length - errors;
  const text = LABELS[state.lang];
  panel.hidden = state.diagnostics.length === 0;
  panel.classList.toggle('warnings-only', errors === 0);
  if (panel.hidden) return void panel.replaceChildren();
  const list = element('ol', undefined, ...state.diagnostics.map(item));
  if (errors === 0) {
    panel.replaceChildren(element('details', undefined, element('summary', undefined, text.warnings(warnings)), list));
    return;
  }
  const heading = text.failedHeading(errors, warnings);
  const note = state.pages === null ? text.fixNoPages : text.fixLastPages;
  panel.replaceChildren(element('h2', undefined, heading), element('p', 'note', note), list);
}
