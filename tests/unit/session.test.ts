import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/integrations/options-schema';
import { openSession, siteCorpus, siteSession } from '../../src/lib/site/session';
import { atBase, SITE_PATH_MARK } from '../../src/lib/site/urls';

const FIXTURE = path.resolve('tests/fixtures/basic');
let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'session-'));
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('the build session', () => {
  it('is what pages reach, and says what to do when no integration opened one', () => {
    expect(() => siteSession()).toThrow(/no research-graph build session: add researchGraph\(\) to the integrations of astro.config.mjs/);
    const session = openSession(resolveOptions({ content: FIXTURE }, {}), project);
    expect(siteSession()).toBe(session);
  });

  it('loads the corpus once however many ask, tells its listeners once, and again after forgetCorpus', async () => {
    const session = openSession(resolveOptions({ content: FIXTURE }, {}), project);
    const heard: unknown[] = [];
    session.whenCorpusLoaded((c) => heard.push(c));
    const [a, b] = await Promise.all([session.corpus(), siteCorpus()]);
    expect(a).toBe(b);
    expect(heard).toEqual([a]);
    session.forgetCorpus();
    const c = await session.corpus();
    expect(c).not.toBe(a);
    expect(heard).toEqual([a, c]);
  });

  it('keeps one render cache for every base: bodies hold marked site paths, which each page writes under its base', async () => {
    // A project of its own, so the first session renders every body and the second finds them all.
    const own = await mkdtemp(path.join(tmpdir(), 'session-cache-'));
    try {
      const first = await openSession(resolveOptions({ content: FIXTURE }, {}), own).corpus();
      expect(first.timings.reused).toBe(0);
      const second = await openSession(resolveOptions({ content: FIXTURE, prefix: '/research/' }, {}), own).corpus();
      expect(second.timings.rendered).toBe(0);
      expect(second.timings.reused).toBeGreaterThan(0);
      const linking = [...second.bodies.values()].find((b) => b.html.includes(`href="${SITE_PATH_MARK}/notes/`))!;
      expect(linking).toBeDefined();
      expect(atBase(linking.html, '/')).toMatch(/href="\/notes\//);
      expect(atBase(linking.html, '/kg/research/')).toMatch(/href="\/kg\/research\/notes\//);
      expect(atBase(linking.html, '/kg/research/')).not.toContain(SITE_PATH_MARK);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('reads the corpus in one thread when the options give it one', async () => {
    const session = openSession(resolveOptions({ content: FIXTURE, parallelism: 1, renderHelperFrom: 0, renderCache: false }, {}), project);
    let started = 0;
    session.renderBodiesWith(() => {
      started++;
      throw new Error('no helper may start with one thread');
    });
    await session.corpus();
    expect(started).toBe(0);
  });
});
