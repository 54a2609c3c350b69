import { describe, expect, it } from 'vitest';
import { listAttachments, readContentFolder } from '../../src/lib/content/files';
import { buildCorpus, renderFromTheEnd, type CachedBody, type Corpus, type RenderCache, type RenderSources, type StartRenderHelper } from '../../src/lib/corpus';
import { renderKey } from '../../src/lib/corpus/render-cache';
import { atBase, SITE_PATH_MARK, siteAddress } from '../../src/lib/site/urls';
import { startRenderWorker } from '../../src/integrations/render-helper';
import { workerScript } from '../../src/integrations/workers/built';

const sources = async (root: string): Promise<RenderSources> => ({ files: await readContentFolder(root), attachments: await listAttachments(root) });

/**
 * A helper on this thread that has rendered everything from the end before the build starts, and hands over
 * one batch each time the build looks: the build meets the handed-over bodies part way through the list.
 */
function inThread(log: { lists: string[][]; reached: number[] }): StartRenderHelper {
  return (given, list) => {
    log.lists.push(list);
    const batches: [string, CachedBody][][] = [];
    renderFromTheEnd(given, list, { reached: () => -1, deliver: (entries) => batches.push(entries) });
    return {
      finished: () => batches.shift() ?? [],
      reached: (index) => log.reached.push(index),
      stop: () => (batches.length = 0),
    };
  };
}

function expectSameCorpus(actual: Corpus, expected: Corpus) {
  expect([...actual.bodies.keys()]).toEqual([...expected.bodies.keys()]);
  for (const [id, body] of expected.bodies) expect(actual.bodies.get(id)!.html, id).toBe(body.html);
  expect(actual.problems).toEqual(expected.problems);
  expect(actual.linkCounts).toEqual(expected.linkCounts);
  const edges = (c: Corpus) => c.graph.edges.map((e) => [e.source, e.target, e.type, e.stance, e.contexts?.map((c) => c.sentence)]);
  expect(edges(actual)).toEqual(edges(expected));
  expect([...actual.graph.nodes.keys()]).toEqual([...expected.graph.nodes.keys()]);
}

describe('bodies rendered on two threads', () => {
  it('build the same corpus as one thread, with the helper rendering the end of the list', async () => {
    const { files, attachments } = await sources('content');
    const plain = buildCorpus(files, attachments);
    const log = { lists: [] as string[][], reached: [] as number[] };
    const helped = buildCorpus(files, attachments, { renderHelper: inThread(log), helperFrom: 0 });
    expectSameCorpus(helped, plain);
    // The helper took the end of the list and the build the start; every body was rendered once between them.
    const total = plain.timings.rendered;
    expect(helped.timings.helped).toBeGreaterThan(total / 4);
    expect(helped.timings.helped).toBeLessThan(total);
    expect(helped.timings.rendered).toBe(total);
    expect(helped.timings.reused).toBe(0);
    // It was told where the build was, body by body, in order.
    expect(log.reached.length).toBeGreaterThan(0);
    expect(log.reached).toEqual([...log.reached].sort((a, b) => a - b));
  });

  it('gives the helper only the bodies a render cache does not hold, and none below the threshold', async () => {
    const { files, attachments } = await sources('tests/fixtures/basic');
    const entries = new Map<string, CachedBody>();
    const cache: RenderCache = { get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
    const cold = buildCorpus(files, attachments, { cache });
    const log = { lists: [] as string[][], reached: [] as number[] };
    // Nothing to render but the bodies the cache cannot keep (embeds): below a threshold of 1,000, no helper.
    buildCorpus(files, attachments, { cache, renderHelper: inThread(log) });
    expect(log.lists).toEqual([]);
    const changed = files.map((f) => (f.path === 'notes/warmth.md' ? { ...f, bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes) + '\nOne more line.\n') } : f));
    const warm = buildCorpus(changed, attachments, { cache, renderHelper: inThread(log), helperFrom: 0 });
    // The changed note, and the bodies no cache keeps (embeds of other notes).
    const uncacheable = [...cold.documents.values()].filter((d) => !entries.has(renderKey(d))).map((d) => d.file);
    expect(log.lists).toHaveLength(1);
    expect(log.lists[0]).toContain('notes/warmth.md');
    expect(log.lists[0].filter((f) => f !== 'notes/warmth.md').sort()).toEqual(uncacheable.filter((f) => f !== 'notes/warmth.md').sort());
    expectSameCorpus(warm, buildCorpus(changed, attachments));
  });

  it('renders in a worker thread, built as plain JavaScript, what this thread renders, site paths marked for any base', async () => {
    const given = await sources('tests/fixtures/basic');
    const plain = buildCorpus(given.files, given.attachments, { siteAddress });
    const list = [...plain.documents.values()].map((d) => d.file);
    const errors: Error[] = [];
    const helper = startRenderWorker(workerScript('render', process.cwd()), given, list, undefined, (e) => errors.push(e));
    const posted = new Map<string, CachedBody>();
    try {
      // Nobody reaches any position, so the worker renders the whole list: wait until it has posted nothing for a second.
      const deadline = Date.now() + 60_000;
      let quietSince = Date.now();
      while (Date.now() < deadline && !errors.length && (posted.size === 0 || Date.now() - quietSince < 1_000)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        for (const [key, body] of helper.finished()) {
          posted.set(key, body);
          quietSince = Date.now();
        }
      }
    } finally {
      helper.stop();
    }
    expect(errors).toEqual([]);
    expect(posted.size).toBeGreaterThan(list.length / 2);
    for (const doc of plain.documents.values()) {
      const entry = posted.get(renderKey(doc));
      if (entry) expect(entry.body.html, doc.file).toBe(plain.bodies.get(doc.id)!.html);
    }
    const marked = [...posted.values()].find((e) => e.body.html.includes(`href="${SITE_PATH_MARK}/notes/`));
    expect(marked).toBeDefined();
    expect(atBase(marked!.body.html, '/base-test/')).toContain('href="/base-test/notes/');
    expect(atBase(marked!.body.html, '/')).toMatch(/href="\/notes\//);
  });
});

