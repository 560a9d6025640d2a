/**
 * The pages, drawn from its PDF with pdf.js: as spreads (page 1
 * alone on the right, as the issue opens, then facing pairs) or one page a
 * row, at a zoom, each with its number under it and its text selectable.
 * Only the pages in and near the window are drawn; a new PDF is drawn into
 * new canvases that replace the old ones when ready, so the last pages stay
 * on screen while the next are drawn. A page's text layer follows its
 * canvas. One pdf.js worker serves every PDF (a worker of its own for each
 * would load and compile pdf.js's worker script again at every build).
 */

import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';

export type Arrangement = 'spreads' | 'single';
export type Zoom = number | 'fit';

interface Slot {
  root: HTMLElement;
  sheet: HTMLElement;
  /** Page size in points. */
  size: { width: number; height: number };
  /** What the sheet shows now: build, scale and pixel ratio. */
  drawn?: string;
}

const CSS_PX_PER_PT = 96 / 72;
const GAP_PX = 2;

/** Rows of 0-based page indexes; undefined stands for the empty side of a spread. */
function rowsOf(count: number, arrangement: Arrangement): (number | undefined)[][] {
  if (arrangement === 'single') return Array.from({ length: count }, (_, i) => [i]);
  const rows: (number | undefined)[][] = [[undefined, 0]];
  for (let i = 1; i < count; i += 2) rows.push([i, i + 1 < count ? i + 1 : undefined]);
  return count === 0 ? [] : rows;
}

export class PageView {
  private doc: PDFDocumentProxy | undefined;
  private build = 0;
  private slots: Slot[] = [];
  private arrangement: Arrangement;
  private zoom: Zoom;
  private readonly observer: IntersectionObserver;
  private queue: Promise<void> = Promise.resolve();
  private readonly worker = new pdfjs.PDFWorker();
  /** The scale the sheets were placed at: pages are drawn at it, so a canvas and its text layer fill their sheet exactly. */
  private placed = 0;

  constructor(
    private readonly container: HTMLElement,
    options: { arrangement: Arrangement; zoom: Zoom },
  ) {
    this.arrangement = options.arrangement;
    this.zoom = options.zoom;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const slot = this.slots.find((s) => s.sheet === entry.target);
          if (entry.isIntersecting && slot) void this.draw(slot);
        }
      },
      { rootMargin: '50% 0px' },
    );
    // At “fit width”, the pages are placed again when the room for them changes: the window is
    // resized, or a scrollbar appears once they are placed (its width is taken from the room).
    new ResizeObserver(() => {
      if (this.zoom !== 'fit' || this.slots.length === 0 || this.scale() === this.placed) return;
      this.arrange();
      void this.drawInView();
    }).observe(container);
  }

  /** Loads a build's PDF and draws the pages in the window; resolves once they are on screen, true unless a later build replaced it meanwhile. */
  async show(url: string, build: number): Promise<boolean> {
    // Glyphs drawn as paths from the embedded fonts, not through fonts loaded into the page: each
    // build is a new PDF whose subset fonts the browser would load again before drawing anything.
    const doc = await pdfjs.getDocument({ url, worker: this.worker, isEvalSupported: false, disableFontFace: true }).promise;
    if (build < this.build) {
      await doc.destroy();
      return false;
    }
    const sizes = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const [x0, y0, x1, y1] = (await doc.getPage(i + 1)).view as [number, number, number, number];
        return { width: x1 - x0, height: y1 - y0 };
      }),
    );
    if (build < this.build) return false;
    const previous = this.doc;
    this.doc = doc;
    this.build = build;
    while (this.slots.length < sizes.length) this.slots.push(this.newSlot());
    for (const slot of this.slots.splice(sizes.length)) this.observer.unobserve(slot.sheet);
    for (const [i, slot] of this.slots.entries()) slot.size = sizes[i]!;
    this.arrange();
    await this.drawInView();
    void previous?.destroy();
    return this.build === build;
  }

  setArrangement(arrangement: Arrangement): void {
    this.arrangement = arrangement;
    this.arrange();
    void this.drawInView();
  }

  setZoom(zoom: Zoom): void {
    this.zoom = zoom;
    this.arrange();
    void this.drawInView();
  }

  /** CSS pixels per PDF point. */
  private scale(): number {
    if (this.zoom !== 'fit') return this.zoom * CSS_PX_PER_PT;
    const widest = Math.max(1, ...this.slots.map((s) => s.size.width));
    const across = this.arrangement === 'spreads' ? 2 : 1;
    const room = this.container.clientWidth - 32 - GAP_PX * (across - 1);
    return Math.max(0.1, room / (widest * across));
  }

  private newSlot(): Slot {
    const sheet = document.createElement('div');
    sheet.className = 'sheet';
    const root = document.createElement('div');
    root.className = 'slot';
    root.append(sheet, Object.assign(document.createElement('div'), { className: 'number' }));
    this.observer.observe(sheet);
    return { root, sheet, size: { width: 595.28, height: 841.89 } };
  }

  /** Places the slots in rows at the current scale, which pages are then drawn at (a page drawn at another is drawn again when in view). */
  private arrange(): void {
    const scale = (this.placed = this.scale());
    const rows = rowsOf(this.slots.length, this.arrangement).map((indexes) => {
      const row = document.createElement('div');
      row.className = `row ${this.arrangement}`;
      for (const index of indexes) {
        if (index === undefined) {
          const blank = this.newBlank(scale);
          row.append(blank);
          continue;
        }
        const slot = this.slots[index]!;
        slot.sheet.style.width = `${slot.size.width * scale}px`;
        slot.sheet.style.height = `${slot.size.height * scale}px`;
        slot.sheet.style.setProperty('--total-scale-factor', String(scale));
        slot.root.querySelector('.number')!.textContent = String(index + 1);
        row.append(slot.root);
      }
      return row;
    });
    this.container.replaceChildren(...rows);
  }

  /** Draws the pages in the window, then those half a window above and below it; resolves when the first are drawn. */
  private drawInView(): Promise<void> {
    const shown = Promise.all(this.inView(0).map((slot) => this.draw(slot)));
    for (const slot of this.inView(innerHeight / 2)) void this.draw(slot);
    return shown.then(() => undefined);
  }

  /** The empty side of a spread: as wide as a page, so the spread's pages sit where they will face each other. */
  private newBlank(scale: number): HTMLElement {
    const size = this.slots[0]?.size ?? { width: 595.28, height: 841.89 };
    const blank = document.createElement('div');
    blank.className = 'slot blank';
    const sheet = document.createElement('div');
    sheet.className = 'sheet';
    sheet.style.width = `${size.width * scale}px`;
    sheet.style.height = `${size.height * scale}px`;
    blank.append(sheet);
    return blank;
  }

  /** The slots in the window, or within `margin` pixels of it. */
  private inView(margin: number): Slot[] {
    return this.slots.filter((slot) => {
      const box = slot.sheet.getBoundingClientRect();
      return box.bottom > -margin && box.top < innerHeight + margin;
    });
  }

  /**
   * Draws one page of the current PDF into a new canvas that replaces the
   * old, one page at a time; resolves when it is on screen. Its text layer is
   * made after the canvases asked for so far, so the pages in the window are
   * all drawn before any of their text layers.
   */
  private draw(slot: Slot): Promise<void> {
    const next = this.queue.then(async () => {
      const doc = this.doc;
      const index = this.slots.indexOf(slot);
      const scale = this.placed;
      const ratio = devicePixelRatio || 1;
      const key = `${this.build}@${scale}@${ratio}`;
      if (!doc || index < 0 || slot.drawn === key) return;
      const page = await doc.getPage(index + 1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      if (doc !== this.doc) return;
      slot.sheet.replaceChildren(canvas);
      slot.drawn = key;
      this.enqueue(async () => {
        if (slot.drawn !== key) return;
        const text = document.createElement('div');
        text.className = 'textLayer';
        await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
        if (slot.drawn === key) slot.sheet.append(text);
      });
    });
    this.queue = next.catch((cause: unknown) => console.error(cause));
    return next;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((cause: unknown) => console.error(cause));
  }
}
