/** The search files of the site being built, computed once however many endpoints ask. */
import { siteCorpus } from '../site';
import { searchFiles, type SearchFiles } from './index';

let files: Promise<SearchFiles> | undefined;

export const siteSearchFiles = (): Promise<SearchFiles> => (files ??= siteCorpus().then((corpus) => searchFiles(corpus)));
