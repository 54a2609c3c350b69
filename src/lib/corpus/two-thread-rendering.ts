/**
 * Stage: bodies rendered on two threads. Rendering is the one long stretch of
 * a corpus build (most of its time, and synchronous), and it left the second
 * core idle. A helper thread renders the bodies from the end of the
 * list backwards while the build renders from the start, until the two meet.
 * Neither side waits for the other: between bodies each reads what the other
 * has posted.
 *
 * The helper makes its own names from the same files (names.ts) and hands its
 * bodies over as render-cache entries, so the build reuses one only after
 * resolving its links afresh, as it reuses a body cached by an earlier build:
 * the corpus is the same whichever thread rendered what.
 *
 * The thread itself is the caller's (src/integrations/render-worker.ts): this
 * layer knows only the two sides of the exchange.
 */
import type { Document } from '../content/document';
import type { SourceFile } from '../content/files';
import type { VaultSettings } from '../content/vault';
import type { Problem } from '../content/problems';
import type { RenderedBody } from '../markdown';
import { renderKey, type CachedBody, type RenderCache } from './render-cache';
import { renderBody } from './render-body';
import type { BibliographyOptions } from './bibliography';
import { resolveNames } from './names';

/** The build's side of a helper. */
export interface RenderHelper {
  /** Bodies the helper has finished since the last call, as render-cache entries; never waits. */
  finished(): Iterable<[key: string, body: CachedBody]>;
  /** The build has come to position `index` of the list: the helper renders nothing before it. */
  reached(index: number): void;
  /** The build is done with the helper. */
  stop(): void;
}

/** Starts a helper on `list` (the files whose bodies are to render, in the build's order), given every file the build read. */
export type StartRenderHelper = (sources: RenderSources, list: string[]) => RenderHelper;

/** What a helper renders from: the build's files, as it read them. */
export interface RenderSources {
  files: SourceFile[];
  attachments: string[];
  /** The vault's settings (templates folder, dialect), which decide which files are notes and how they read. */
  settings?: VaultSettings;
  bibliography?: BibliographyOptions;
}

/** The helper's side: where the build has come to, and where finished bodies go. */
export interface HelperSide {
  /** The build's latest `reached` position (-1 before the first). */
  reached(): number;
  deliver(entries: [string, CachedBody][]): void;
}

/** Bodies posted together: few enough that little is rendered twice where the two sides meet, enough that posting costs little. */
export const BODIES_PER_DELIVERY = 8;

/**
 * The helper's work: renders the bodies of `list` from the last backwards, posting them every
 * `BODIES_PER_DELIVERY`, and stops at the build's position. Returns how many it rendered.
 */
export function renderFromTheEnd({ files, attachments, settings, bibliography }: RenderSources, list: string[], side: HelperSide, siteAddress?: (path: string) => string): number {
  // Its own problems are the build's too, and the build reports those.
  const problems: Problem[] = [];
  const { documents, links } = resolveNames(files, attachments, problems, settings, bibliography);
  const byFile = new Map([...documents.values()].map((doc) => [doc.file, doc]));
  let batch: [string, CachedBody][] = [];
  const counts = { rendered: 0, reused: 0 };
  const collect = { get: () => undefined, set: (key: string, value: CachedBody) => void batch.push([key, value]) };
  for (let i = list.length - 1; i > side.reached(); i--) {
    const doc = byFile.get(list[i]);
    if (!doc) continue;
    renderBody(doc, links, { cache: collect, siteAddress }, counts);
    if (batch.length >= BODIES_PER_DELIVERY) {
      side.deliver(batch);
      batch = [];
    }
  }
  if (batch.length) side.deliver(batch);
  return counts.rendered;
}

/**
 * The build's side: a render cache that holds what the helper has posted (over the build's own cache, which
 * keeps what is used for the next build), read again before each body.
 */
export class HelpedRendering {
  private readonly posted = new Map<string, CachedBody>();
  private readonly position: Map<string, number>;
  private offered: CachedBody | undefined;
  /** Bodies the build took from the helper. */
  taken = 0;
  readonly cache: RenderCache;

  constructor(
    private readonly helper: RenderHelper,
    list: string[],
    outer: RenderCache | undefined,
  ) {
    this.position = new Map(list.map((file, i) => [file, i]));
    this.cache = {
      get: (key) => {
        const hit = this.posted.get(key);
        if (!hit) return outer?.get(key);
        // Kept for the next build as a body of this one.
        outer?.set(key, hit);
        return (this.offered = hit);
      },
      set: (key, value) => outer?.set(key, value),
    };
  }

  /** Before `doc` renders: tells the helper where the build is and takes in what it has posted. */
  before(doc: Document): void {
    this.offered = undefined;
    const i = this.position.get(doc.file);
    if (i === undefined) return;
    this.helper.reached(i);
    for (const [key, body] of this.helper.finished()) this.posted.set(key, body);
  }

  /** After `doc` rendered as `body`: whether it was the helper's. */
  after(body: RenderedBody): boolean {
    const helped = body === this.offered?.body;
    if (helped) this.taken++;
    return helped;
  }

  stop(): void {
    this.helper.stop();
  }
}

/** The files of `documents` whose bodies `cache` does not hold, in order: what a helper is asked to render. */
export const toRender = (documents: Iterable<Document>, cache: RenderCache | undefined): string[] =>
  [...documents].filter((doc) => !cache?.get(renderKey(doc))).map((doc) => doc.file);
