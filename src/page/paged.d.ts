/**
 * What build-issue uses of Paged.js 0.4.3 (node_modules/pagedjs/dist/
 * paged.polyfill.js), declared so that the compiler checks every use. Most
 * of it is Paged.js's handler API; the rest are internals the page code
 * patches, each for a reason given here and in its module. They are
 * internals of this one version: the project stays on Paged.js 0.4.3, and a
 * test fails without each patch (test/e2e/*.test.ts, named below).
 */
declare namespace Paged {
  /** Where the next page begins: a source node and an offset into it. */
  interface BreakToken {
    node: Node | null;
    offset: number;
  }

  /**
   * The queue the chunker lays pages out through. Its `tick` (an internal)
   * is requestAnimationFrame: each page waits for a frame, and each frame
   * repaints every page laid out so far, so layout time grew with the square
   * of the length. back-to-back.ts runs each page straight after the last
   * (test: the 453 PDF's pages, and the layout pages test).
   */
  interface Queue {
    tick: (task: () => void) => void;
  }

  /** The chunker: makes pages from the source, one after another. */
  interface Chunker {
    q: Queue;
    /** The parsed source the pages are made from (an internal); tables.ts looks a row up in it. */
    source: DocumentFragment;
    /**
     * The template each page is cloned from (an internal). page-template.ts
     * takes the crop and cross marks no style sheet asks for and its source's
     * indentation out of it before the first page (test: page-template).
     */
    pageTemplate: HTMLTemplateElement;
  }

  /** One page's layout: fills the page node by node. */
  interface Layout {
    /**
     * Characters after which the page is measured for overflow, and after
     * every further node while it does not overflow (an internal).
     * overflow-checks.ts moves the next measurement on to where the page
     * should be nearly full (test: overflow-checks).
     */
    maxChars: number;
    /** The page's content area. */
    bounds: DOMRect;
    /** Whether the element overflows the bounds: one layout of the page (an internal, wrapped by overflow-checks.ts). */
    hasOverflow(element: Element, bounds?: DOMRect): boolean;
  }

  /**
   * A Paged.js handler: each method named after a hook is registered on it
   * when Paged.js makes the handler, once per layout.
   */
  class Handler {
    constructor(chunker: Chunker, polisher: unknown, caller: unknown);
    chunker: Chunker;
    /** After the source is parsed, before the first page. */
    afterParsed?(parsed: DocumentFragment, chunker: Chunker): void;
    /** A page's layout begins. */
    onPageLayout?(wrapper: Element, breakToken: BreakToken, layout: Layout): void;
    /** A node of the source is about to be laid out on the page. */
    layoutNode?(node: Node): void;
    /** `clone`, a copy of the source's `node`, has been put on the page. */
    renderNode?(clone: Node, node: Node): void;
    /** A page is laid out. */
    afterPageLayout?(pageElement: Element, page: unknown, breakToken: BreakToken | undefined, chunker: Chunker): void;
    /** The page overflows at `overflow`: a Range returned replaces it (what goes on to the next page). */
    onOverflow?(overflow: Range, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined;
    /** The break token made from the overflow (none when the page breaks at a node); one returned replaces it. */
    onBreakToken?(breakToken: BreakToken | undefined, overflow: Range | undefined, rendered: Node, layout: Layout): BreakToken | undefined;
  }

  type HandlerClass = new (chunker: Chunker, polisher: unknown, caller: unknown) => Handler;

  function registerHandlers(...handlers: HandlerClass[]): void;
  /**
   * Every handler made for a layout, Paged.js's own first (an internal array,
   * exported). A layout page lays issue after issue out in one window, and
   * each issue's layout script registers its handlers again, so the list is
   * cut back to Paged.js's own before each issue (browser/layout-pages.ts;
   * test: layout-pages).
   */
  const registeredHandlers: HandlerClass[];

  /** Lays the document out in pages, as the polyfill does when it loads. */
  class Previewer {
    preview(): Promise<unknown>;
    /** Each page as it is added (the progress display counts them: browser/layout-pages.ts). */
    on(event: 'page', listener: () => void): void;
  }
}

/** Read by the polyfill: `before` runs before it lays pages out (in build-issue and in stock pagedjs-cli alike). */
interface PagedConfig {
  auto?: boolean;
  before?: () => Promise<void>;
}

interface Window {
  /** The polyfill's global; undefined until it has loaded (in a layout page's host document). */
  Paged?: typeof Paged;
  PagedConfig?: PagedConfig;
}
