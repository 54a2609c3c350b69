/**
 * The corpus of the site being built: loaded once per process however many
 * pages ask, with its problems printed once.
 */
import path from 'node:path';
import { formatProblem, type Problem } from '../content/problems';
import { loadCorpus, type Corpus } from '../corpus';
import { contentDir } from './config';

const loaded = new Map<string, Promise<Corpus>>();

/**
 * The corpus of a folder, loaded once per process however many pages ask,
 * with its problems printed once.
 */
export function corpusOnce(root: string): Promise<Corpus> {
  const key = path.resolve(root);
  let corpus = loaded.get(key);
  if (!corpus) {
    corpus = loadCorpus(key).then((c) => {
      reportProblems(c.problems, key);
      return c;
    });
    loaded.set(key, corpus);
  }
  return corpus;
}

export function reportProblems(problems: Problem[], root: string, log: (line: string) => void = (l) => console.warn(l)): void {
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error').length;
  log(`\n${errors} error(s), ${problems.length - errors} warning(s) in ${root}:`);
  for (const p of problems) log(`  ${formatProblem(p)}`);
  if (errors) log(`Files with errors are left out of the site until they are fixed.\n`);
}

export const siteCorpus = (): Promise<Corpus> => corpusOnce(contentDir());
