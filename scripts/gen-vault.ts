/**
 * Writes a deterministic synthetic Obsidian vault (scripts/bench/synthetic-vault.ts).
 *
 *   npm run gen-vault -- --notes 800 --out bench/vault-800 [--seed 1]
 *
 * The folder is replaced whole, so the same arguments always leave the same files.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateVault } from './bench/synthetic-vault';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '800' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const notes = Number(values.notes);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(notes) || notes < 2 || !Number.isInteger(seed)) {
  console.error('usage: npm run gen-vault -- --notes N --out DIR [--seed S]   (N a whole number ≥ 2)');
  process.exit(2);
}
await rm(values.out, { recursive: true, force: true });
const files = generateVault({ notes, seed });
for (const file of files) {
  const target = path.join(values.out, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.text);
}
console.log(`wrote ${files.length} files to ${values.out}`);
