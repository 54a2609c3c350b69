/**
 * Imports plain-text exports into the content folder.
 *
 *   npm run import -- <files or folders> [--out content]
 *
 * Prints the import report; exits 1 when any file could not be imported
 * (after importing all the others), 2 on wrong usage.
 */
import { formatReport } from '../src/lib/import/report';
import { importExports } from '../src/lib/import/run';

const USAGE = 'usage: npm run import -- <files or folders> [--out content]';

function parseArgs(argv: string[]) {
  const inputs: string[] = [];
  let outDir = 'content';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') {
      if (!argv[i + 1]) throw new Error('--out needs a folder');
      outDir = argv[++i];
    } else if (arg.startsWith('--out=')) outDir = arg.slice('--out='.length);
    else if (arg === '--help' || arg === '-h') throw new Error('help');
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (!inputs.length) throw new Error('name at least one export file or folder');
  return { inputs, outDir };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  const msg = (e as Error).message;
  console.error(msg === 'help' ? USAGE : `${msg}\n${USAGE}`);
  process.exit(msg === 'help' ? 0 : 2);
}
const report = await importExports(args.inputs, args.outDir);
console.log(formatReport(report));
process.exitCode = report.errors.length ? 1 : 0;
