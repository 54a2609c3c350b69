/**
 * A deterministic synthetic Obsidian vault, shaped like the public vaults the
 * site must read: nested topic folders, file-name titles whose first heading
 * often says something else, daily notes that all open with "# Todo", names
 * shared by files in several folders, aliases that bare words must not reach,
 * embeds of sections, callouts, math, tags, properties, images, a template
 * folder and Excalidraw drawings. Used by the link test (every link against
 * an Obsidian-rules resolver) and to look at a big vault as a reader would.
 */
import { mulberry32 } from '../../src/lib/graph/random';

export interface VaultFile {
  path: string;
  text: string | Uint8Array;
}

const TOPICS = ['Algorithms', 'Networking', 'Databases', 'Math', 'Physics', 'Biology', 'Writing', 'Projects', 'People', 'Reading'];
const WORDS = (
  'graph tree heap queue stack hash table index cache page buffer packet router switch protocol latency ' +
  'bandwidth query join schema transaction lock replica shard vector matrix tensor integral limit series proof lemma ' +
  'theorem field force energy wave particle cell gene protein enzyme membrane essay draft outline argument thesis ' +
  'chapter plan milestone review budget meeting friend mentor author reader novel poem memory storage sorting search'
).split(' ');
const SHARED_NAMES = ['Index', 'Overview', 'Todo', 'Questions', 'Summary'];
/** A 1×1 PNG, so embedded images exist. */
const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201c9fa2a0b0000000049454e44ae426082', 'hex'));

export function generateVault(options: { notes: number; seed?: number }): VaultFile[] {
  const rng = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
  const title = () => {
    const n = 2 + Math.floor(rng() * 3);
    const words = Array.from({ length: n }, () => pick(WORDS));
    return words.map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
  };
  const names = new Set<string>();
  const notes: { path: string; name: string; alias?: string }[] = [];
  const daily = Math.floor(options.notes * 0.15);
  for (let i = 0; i < options.notes - daily; i++) {
    const topic = pick(TOPICS);
    const folder = pick(WORDS);
    const sub = rng() < 0.3 ? `/${folder[0].toUpperCase()}${folder.slice(1)}` : '';
    let name = rng() < 0.04 ? pick(SHARED_NAMES) : title();
    if (names.has(`${topic}${sub}/${name}`.toLowerCase())) name = `${name} ${i}`;
    names.add(`${topic}${sub}/${name}`.toLowerCase());
    notes.push({ path: `${topic}${sub}/${name}.md`, name, alias: rng() < 0.1 ? pick(WORDS).toUpperCase() : undefined });
  }
  for (let d = 0; d < daily; d++) {
    const date = new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    notes.push({ path: `Daily/${date}.md`, name: date });
  }

  const files: VaultFile[] = [];
  for (const [i, note] of notes.entries()) {
    const lines: string[] = [];
    const fm: string[] = [];
    if (note.alias) fm.push(`aliases: [${note.alias}]`);
    if (rng() < 0.4) fm.push(`tags: [${pick(TOPICS).toLowerCase()}, ${pick(WORDS)}]`);
    if (rng() < 0.2) fm.push(`status: ${pick(['seed', 'growing', 'evergreen'])}`, `rating: ${1 + Math.floor(rng() * 5)}`);
    if (fm.length) lines.push('---', ...fm, '---');
    // Most vault notes open with a heading: the file's own name, or something else.
    if (note.path.startsWith('Daily/')) lines.push('# Todo', '');
    else if (rng() < 0.5) lines.push(`# ${rng() < 0.5 ? note.name : `${1 + Math.floor(rng() * 3)} ${title()}`}`, '');
    const links = 2 + Math.floor(rng() * 6);
    for (let p = 0; p < 3; p++) {
      const sentence = [`The ${pick(WORDS)} of ${pick(WORDS)} and ${pick(WORDS)}.`];
      for (let l = 0; l < links / 3; l++) {
        const other = notes[Math.floor(rng() * notes.length)];
        const r = rng();
        if (r < 0.05 && other.alias) sentence.push(`Also [[${other.alias.toLowerCase()}]].`);
        else if (r < 0.1) sentence.push(`See [[${other.path.replace(/\.md$/, '')}]].`);
        else if (r < 0.15) sentence.push(`Not yet written: [[${title()}]].`);
        else if (r < 0.2) sentence.push(`See [[${other.name.toLowerCase()}|this one]].`);
        else sentence.push(`See [[${other.name}]].`);
      }
      lines.push(sentence.join(' '), '');
      if (p === 0) lines.push(`## ${title()}`, '');
    }
    if (rng() < 0.1) lines.push(`> [!${pick(['note', 'tip', 'warning', 'danger', 'quote', 'example'])}] ${title()}`, `> ${pick(WORDS)} matters.`, '');
    if (rng() < 0.08) lines.push(`The energy is $E = mc^2$ and $$\\int_0^1 x\\,dx = \\tfrac12$$`, '');
    if (rng() < 0.05) lines.push(`![[plot-${i % 5}.png|${200 + (i % 3) * 50}]]`, '');
    if (rng() < 0.03) lines.push(`![[Architecture.excalidraw]]`, '');
    if (rng() < 0.03 && i > 0) lines.push(`![[${notes[i - 1].name}]]`, '');
    files.push({ path: note.path, text: lines.join('\n') });
  }
  for (let p = 0; p < 5; p++) files.push({ path: `Attachments/plot-${p}.png`, text: PNG });
  files.push({ path: 'Templates/Daily.md', text: '---\ndate: {{date}}\n---\n# {{title}}\n' });
  files.push({ path: '.obsidian/templates.json', text: '{"folder":"Templates"}' });
  files.push({
    path: 'Drawings/Architecture.excalidraw.md',
    text: '---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n# Text Elements\nService mesh ^abc12345\n\n# Drawing\n```json\n{"type":"excalidraw","elements":[]}\n```\n%%\n',
  });
  return files;
}
