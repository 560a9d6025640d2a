import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { excerptAt } from '../excerpt.js';
import type { Message } from '../message.js';
import { initialState, type PreviewState, type ShownDiagnostic } from './state.js';

/** A build that threw: what it threw, said to be where the build stopped. */
function crashed(cause: unknown): Message {
  const text = cause instanceof Error ? cause.message : String(cause);
  return { zh: `排版中途出错：${text}`, en: text };
}

/** One build as the preview needs it: the PDF when it made pages, and what it found. */
export interface PreviewOutcome {
  pdf?: { bytes: Uint8Array; pageCount: number };
  diagnostics: Diagnostic[];
}

export interface PreviewSession {
  state(): PreviewState;
  /** The PDF on screen: the last build's that made pages. */
  pdf(): Uint8Array | undefined;
  /** Asks for a build: at once, or after the one running (several asks while it runs make one build). */
  rebuild(): void;
  /** Called with the state whenever it changes; returns the way to stop listening. */
  subscribe(listener: (state: PreviewState) => void): () => void;
  /** Resolves when no build is running or asked for. */
  settled(): Promise<void>;
}

/** Reads the files diagnostics name (inside `rootDir` only), once per build, to show their lines. */
async function withExcerpts(diagnostics: readonly Diagnostic[], rootDir: string): Promise<ShownDiagnostic[]> {
  const texts = new Map<string, Promise<string | undefined>>();
  const textOf = (file: string) => {
    const full = path.resolve(rootDir, file);
    if (!full.startsWith(rootDir + path.sep)) return Promise.resolve(undefined);
    if (!texts.has(full))
      texts.set(
        full,
        readFile(full, 'utf8').catch(() => undefined),
      );
    return texts.get(full)!;
  };
  return Promise.all(
    diagnostics.map(async (d) => {
      const text = d.line === undefined ? undefined : await textOf(d.file);
      const excerpt = text === undefined ? undefined : excerptAt(d, text);
      return excerpt ? { ...d, excerpt } : { ...d };
    }),
  );
}

/**
 * The preview's builds, one at a time: each change asks for a build, and
 * changes that come while one runs are answered by one more after it. A build
 * that fails leaves the last good PDF on screen, with its diagnostics over it.
 */
export function previewSession(
  serial: string,
  build: () => Promise<PreviewOutcome>,
  options: { clock: Clock; rootDir: string },
): PreviewSession {
  let state = initialState(serial);
  let pdf: Uint8Array | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const listeners = new Set<(state: PreviewState) => void>();
  const publish = (next: PreviewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const buildOnce = async () => {
    publish({ ...state, building: true });
    const started = performance.now();
    const outcome = await build().catch(
      (cause: unknown): PreviewOutcome => ({
        diagnostics: [error('build-crashed', crashed(cause), { file: `issues/${serial}` })],
      }),
    );
    const durationMs = Math.round(performance.now() - started);
    const builds = state.builds + 1;
    if (outcome.pdf) pdf = outcome.pdf.bytes;
    publish({
      ...state,
      ok: outcome.pdf !== undefined,
      pages: outcome.pdf?.pageCount ?? state.pages,
      builtAt: options.clock.now().toISOString(),
      durationMs,
      diagnostics: await withExcerpts(outcome.diagnostics, options.rootDir),
      building: again,
      builds,
      pdfBuild: outcome.pdf ? builds : state.pdfBuild,
    });
  };

  const loop = async () => {
    do {
      again = false;
      await buildOnce();
    } while (again);
    running = undefined;
  };

  return {
    state: () => state,
    pdf: () => pdf,
    rebuild() {
      if (running) again = true;
      else running = loop();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: async () => {
      while (running) await running;
    },
  };
}
