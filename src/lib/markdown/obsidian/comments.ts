/**
 * Obsidian comments, `%%hidden%%` (to the end of the note when unclosed),
 * are private: they leave the body before it is parsed, keeping their line
 * breaks so every line number stays true. Code keeps its `%%`.
 */
export function stripComments(body: string): string {
  if (!body.includes('%%')) return body;
  let fence: string | undefined;
  let prose = '';
  let out = '';
  const flush = () => {
    out += prose.replace(/(`+)[\s\S]*?\1|%%[\s\S]*?(?:%%|$)/g, (m) => (m.startsWith('`') ? m : m.replace(/[^\n]/g, '')));
    prose = '';
  };
  for (const line of body.split(/(?<=\n)/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out += line;
      if (marker?.[0] === fence) fence = undefined;
    } else if (marker) {
      flush();
      fence = marker[0];
      out += line;
    } else prose += line;
  }
  flush();
  return out;
}
