/** The search files of the site being built, computed once however many endpoints ask. */
import { searchFiles, type SearchFiles } from '../search/writer';
import { siteCorpus } from './corpus';

let files: Promise<SearchFiles> | undefined;

export const siteSearchFiles = (): Promise<SearchFiles> => (files ??= siteCorpus().then((corpus) => searchFiles(corpus)));
