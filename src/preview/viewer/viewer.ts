/**
 * The preview page: it listens to the server's events (one per change of
 * the build's state), shows the latest build's status and diagnostics, and
 * draws each new PDF once it is built. `data-shown-build` on the root element
 * names the build whose pages in view are drawn (tests and the bench wait
 * for it).
 */
import * as pdfjs from 'pdfjs-dist';
import type { PublicState } from '../state.js';
import { LABELS } from './labels.js';
import { type Arrangement, PageView, type Zoom } from './pages.js';
import { showProblems } from './problems.js';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

const byId = (id: string) => document.getElementById(id)!;
const ZOOMS = ['fit', '0.5', '0.75', '1', '1.25', '1.5', '2', '3'];
const saved = { arrangement: localStorage.getItem('arrangement'), zoom: localStorage.getItem('zoom') };
let arrangement: Arrangement = saved.arrangement === 'single' ? 'single' : 'spreads';
let zoom = saved.zoom && ZOOMS.includes(saved.zoom) ? saved.zoom : 'fit';
const zoomOf = (value: string): Zoom => (value === 'fit' ? 'fit' : Number(value));

const view = new PageView(byId('pages'), { arrangement, zoom: zoomOf(zoom) });
let requested = 0;

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour12: false });
}

function showStatus(state: PublicState): void {
  const status = byId('status');
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const text = LABELS[state.lang];
  status.className = state.building ? 'building' : state.ok ? '' : 'failed';
  if (state.building) status.textContent = state.builds === 0 ? text.building : text.rebuilding;
  else if (state.ok) status.textContent = text.built(state.pages!, time(state.builtAt!), (state.durationMs! / 1000).toFixed(2));
  else status.textContent = text.failed(errors);
}

/** The toolbar's words, in the preview's language. */
function label(state: PublicState): void {
  const text = LABELS[state.lang];
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  byId('title').textContent = text.issue(state.serial);
  byId('spreads').textContent = text.spreads;
  byId('spreads').title = text.spreadsTitle;
  byId('single').textContent = text.single;
  byId('single').title = text.singleTitle;
  (document.querySelector('#zoom option[value="fit"]') as HTMLOptionElement).textContent = text.fit;
}

// New PDFs are drawn in order, each after the last, so pages are never drawn out of turn.
let drawing = Promise.resolve();

function onState(state: PublicState): void {
  document.title = `${state.serial} · build-issue preview`;
  label(state);
  showStatus(state);
  showProblems(byId('problems'), state);
  const waiting = document.querySelector('#pages > .waiting');
  if (waiting) waiting.textContent = state.building ? LABELS[state.lang].firstBuild : LABELS[state.lang].noPagesFailed;
  if (state.pdfBuild <= requested) return;
  const build = (requested = state.pdfBuild);
  drawing = drawing
    .then(() => view.show(`/issue.pdf?build=${build}`, build))
    .then((shown) => {
      if (shown) document.documentElement.dataset.shownBuild = String(build);
    })
    .catch((cause: unknown) => console.error(cause));
}

function setArrangement(next: Arrangement): void {
  arrangement = next;
  localStorage.setItem('arrangement', next);
  byId('spreads').setAttribute('aria-pressed', String(next === 'spreads'));
  byId('single').setAttribute('aria-pressed', String(next === 'single'));
  view.setArrangement(next);
}

function setZoom(next: string): void {
  zoom = next;
  localStorage.setItem('zoom', next);
  (byId('zoom') as HTMLSelectElement).value = next;
  view.setZoom(zoomOf(next));
}

/** One step along the zoom list; from “fit width”, the nearest step. */
function stepZoom(by: 1 | -1): void {
  const fixed = ZOOMS.slice(1);
  const at = zoom === 'fit' ? fixed.indexOf('1') : fixed.indexOf(zoom);
  setZoom(fixed[Math.min(fixed.length - 1, Math.max(0, at + by))]!);
}

setArrangement(arrangement);
(byId('zoom') as HTMLSelectElement).value = zoom;
byId('spreads').addEventListener('click', () => setArrangement('spreads'));
byId('single').addEventListener('click', () => setArrangement('single'));
byId('zoom').addEventListener('change', (event) => setZoom((event.target as HTMLSelectElement).value));
byId('zoom-in').addEventListener('click', () => stepZoom(1));
byId('zoom-out').addEventListener('click', () => stepZoom(-1));
addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).matches('input, select, textarea')) return;
  if (event.key === '+' || event.key === '=') stepZoom(1);
  else if (event.key === '-') stepZoom(-1);
  else if (event.key === '0') setZoom('fit');
  else if (event.key === 's') setArrangement(arrangement === 'spreads' ? 'single' : 'spreads');
});

let lang: PublicState['lang'] = 'zh';
const events = new EventSource('/events');
events.addEventListener('state', (event) => {
  const state = JSON.parse((event as MessageEvent<string>).data) as PublicState;
  lang = state.lang;
  onState(state);
});
events.addEventListener('error', () => {
  const status = byId('status');
  status.className = 'failed';
  status.textContent = LABELS[lang].disconnected;
});
