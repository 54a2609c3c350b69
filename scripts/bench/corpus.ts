/** Writes a synthetic corpus to disk (shared by gen-corpus and bench). */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KIND_FOLDER } from '../../src/lib/content/ids';
import { SyntheticCorpus, type CorpusOptions } from './synthetic-corpus';

export async function writeCorpus(dir: string, options: CorpusOptions) {
  const corpus = new SyntheticCorpus(options);
  for (const folder of Object.values(KIND_FOLDER)) {
    await rm(join(dir, folder), { recursive: true, force: true });
    await mkdir(join(dir, folder), { recursive: true });
  }
  let files = 0;
  let bytes = 0;
  for (const file of corpus.files()) {
    await writeFile(join(dir, file.path), file.content);
    files++;
    bytes += Buffer.byteLength(file.content);
  }
  return { files, bytes, counts: corpus.counts, seed: corpus.seed, lexicon: corpus.lexicon, firstNoteTitle: corpus.notes[0].title };
}
