import { type Diagnostic, diagnosticJson } from '../diagnostics.js';
import type { Excerpt } from '../excerpt.js';
import type { Lang } from '../message.js';

/** A diagnostic as the preview keeps it: with the line it points at, when it names one. */
export interface ShownDiagnostic extends Diagnostic {
  excerpt?: Excerpt;
}

/** A diagnostic as /build.json and the viewer give it: its message in the preview's language, both texts, and its line. */
export type PublicDiagnostic = ReturnType<typeof diagnosticJson> & { excerpt?: Excerpt };

/** The state as /build.json and the viewer have it (see PreviewState): diagnostics in the preview's language, which it names. */
export type PublicState = Omit<PreviewState, 'diagnostics'> & { lang: Lang; diagnostics: PublicDiagnostic[] };

export function publicState(state: PreviewState, lang: Lang): PublicState {
  return {
    ...state,
    lang,
    diagnostics: state.diagnostics.map(({ excerpt, ...d }) => ({ ...diagnosticJson(d, lang), ...(excerpt ? { excerpt } : {}) })),
  };
}

/**
 * What GET /build.json returns, and each server-sent `state` event carries:
 * the latest build's outcome and the pages on screen. Editor integrations
 * read it; the viewer draws from it.
 */
export interface PreviewState {
  serial: string;
  /** Whether the latest build made pages (warnings allowed); false before the first one ends. */
  ok: boolean;
  /** Pages of the PDF on screen (/issue.pdf): the last build that made pages; null before any did. */
  pages: number | null;
  /** When the latest build ended (ISO 8601), null before the first one ends. */
  builtAt: string | null;
  /** How long the latest build took, from the change it answered to its PDF; null before the first one ends. */
  durationMs: number | null;
  /** The latest build's errors and warnings, each with its source line when it names one. */
  diagnostics: ShownDiagnostic[];
  /** A build is running now (the pages on screen stay until it ends). */
  building: boolean;
  /** Builds ended so far; the viewer fetches /issue.pdf?build=<pdfBuild> so that no cache serves an older one. */
  builds: number;
  /** Which build made the PDF on screen (0 before any did). */
  pdfBuild: number;
}

export function initialState(serial: string): PreviewState {
  return { serial, ok: false, pages: null, builtAt: null, durationMs: null, diagnostics: [], building: true, builds: 0, pdfBuild: 0 };
}
