import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/lib/content/ids';
import { buildCorpus, type CachedBody, type RenderCache, type SourceFile } from '../../src/lib/corpus';
import { CACHE_DIR } from '../../src/lib/site/cache-fingerprint';
import { DiskRenderCache, pipelineFingerprint } from '../../src/lib/site/render-cache-store';
import { md } from '../helpers/corpus';

const encode = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([p, text]) => ({ path: p, bytes: new TextEncoder().encode(text) }));
const memoryCache = (): RenderCache & { entries: Map<string, CachedBody> } => {
  const entries = new Map<string, CachedBody>();
  return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
};

const FILES = {
  'notes/a.md': md('title: A\nclaim: A holds', 'A cites [[B]] and [[Not written]] and [[B#Missing heading]].'),
  'notes/b.md': md('title: B', '## Method\n\nB cites [[A]].'),
  'notes/c.md': md('title: C', '![[B#Method]]'),
};

describe('the render cache', () => {
  it('reuses every body of an unchanged corpus, and the result is the same as an uncached build', () => {
    const cache = memoryCache();
    const cold = buildCorpus(encode(FILES), [], { cache });
    const warm = buildCorpus(encode(FILES), [], { cache });
    const plain = buildCorpus(encode(FILES));
    // C embeds a section of B: its body is the other note's text and is rendered afresh each time.
    expect([cold.timings.reused, warm.timings.reused, warm.timings.rendered]).toEqual([0, 2, 1]);
    for (const id of plain.bodies.keys()) expect(warm.bodies.get(id)!.html).toBe(plain.bodies.get(id)!.html);
    expect(warm.problems).toEqual(plain.problems);
    expect(warm.linkCounts).toEqual(plain.linkCounts);
    expect(warm.graph.edges.map((e) => [e.source, e.target, e.type, e.stance])).toEqual(plain.graph.edges.map((e) => [e.source, e.target, e.type, e.stance]));
  });

  it('renders again an unchanged note whose link now resolves differently (the stub got written)', () => {
    const cache = memoryCache();
    buildCorpus(encode(FILES), [], { cache });
    const written = { ...FILES, 'notes/not-written.md': md('title: Not written', 'Now it is.') };
    const warm = buildCorpus(encode(written), [], { cache });
    const plain = buildCorpus(encode(written));
    const a = 'notes/a' as NodeId;
    expect(warm.bodies.get(a)!.html).toBe(plain.bodies.get(a)!.html);
    expect(warm.bodies.get(a)!.html).not.toContain('(not written yet)');
    expect(warm.timings.reused).toBe(1); // B only: A changed resolution, C embeds, the new note is new.
  });

  it('keeps the rendered bodies on disk under a name that changes with the pipeline, and forgets deleted notes', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'cache-project-'));
    try {
      const first = await DiskRenderCache.open('content', project);
      buildCorpus(encode(FILES), [], { cache: first });
      await first.save();
      const again = await DiskRenderCache.open('content', project);
      const warm = buildCorpus(encode({ 'notes/b.md': FILES['notes/b.md'] }), [], { cache: again });
      expect(warm.timings.reused).toBe(0); // B's link to A no longer resolves to a written note.
      await again.save();
      expect(again.size).toBe(1);
      const files = await readdir(path.join(project, CACHE_DIR));
      expect(files).toHaveLength(1);
      expect(files[0]).toContain(pipelineFingerprint(project));
      expect(pipelineFingerprint('.')).not.toBe(pipelineFingerprint(project));
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
