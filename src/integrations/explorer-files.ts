/** One small JSON file per explorer branch (`/explorer/folders/math.json`), fetched when a reader opens it: see corpus-files.ts. */
import { explorerFileContents } from '../lib/site/explorer';
import { corpusFiles } from './corpus-files';
import type { SessionOf } from '../lib/site/session';

export default (sessionOf: SessionOf) => corpusFiles(sessionOf, { name: 'explorer-files', folder: '/explorer/', contents: explorerFileContents });
