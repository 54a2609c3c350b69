/**
 * An Obsidian-rules link resolver written apart from the engine's, to check it
 * against: `[[link]]` names a file by its name or the end of its path, in any
 * case (`.md` left off for notes); `./` and `../` start from the linking
 * file's folder; among several, the one in the linking file's folder wins,
 * then the shortest path, then the alphabetically first; a note wins over
 * another file of the same name. Titles and aliases are never targets.
 */
import path from 'node:path';

export function obsidianTarget(link: string, source: string, files: readonly string[]): string | undefined {
  let wanted = link.trim();
  if (wanted.startsWith('./') || wanted.startsWith('../')) wanted = path.posix.normalize(path.posix.join(path.posix.dirname(source), wanted));
  wanted = wanted.replace(/^\/+/, '').replace(/\.md$/i, '').toLowerCase();
  if (!wanted) return undefined;
  const nameOf = (file: string) => (file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file).toLowerCase();
  const matches = files.filter((file) => {
    const name = nameOf(file);
    return name === wanted || name.endsWith(`/${wanted}`);
  });
  if (matches.length === 0) return undefined;
  const here = path.posix.dirname(source);
  return [...matches].sort(
    (a, b) =>
      Number(b.toLowerCase().endsWith('.md')) - Number(a.toLowerCase().endsWith('.md')) ||
      Number(path.posix.dirname(b) === here) - Number(path.posix.dirname(a) === here) ||
      a.length - b.length ||
      (a < b ? -1 : 1),
  )[0];
}
