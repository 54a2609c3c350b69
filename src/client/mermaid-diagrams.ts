/**
 * Draws the Mermaid diagrams of a page (`pre.mermaid`, written at build by
 * src/lib/markdown/mermaid.ts) in the site's theme, and again when the theme
 * changes. The library is 3.5 MB (1 MB compressed), so it is a file of its
 * own, fetched only by pages that have a diagram, once.
 */
import { followTheme, isDarkTheme } from './theme';

/** The part of Mermaid's API used here (the library sets `window.mermaid`). */
interface Mermaid {
  initialize(config: { startOnLoad: boolean; securityLevel: 'strict'; theme: 'default' | 'dark' }): void;
  run(options: { nodes: HTMLElement[]; suppressErrors: boolean }): Promise<void>;
}

declare global {
  interface Window {
    mermaid?: Mermaid;
  }
}

const diagrams = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
const library = document.querySelector<HTMLElement>('[data-mermaid-script]')?.dataset.mermaidScript;

async function draw(mermaid: Mermaid) {
  // `strict`: a diagram's labels are text, never HTML, and it has no click handlers.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: isDarkTheme() ? 'dark' : 'default' });
  for (const pre of diagrams) {
    pre.textContent = pre.dataset.source ?? '';
    pre.removeAttribute('data-processed');
  }
  await mermaid.run({ nodes: diagrams, suppressErrors: true });
  for (const pre of diagrams) pre.dataset.drawn = '';
}

if (diagrams.length > 0 && library) {
  for (const pre of diagrams) pre.dataset.source = pre.textContent ?? '';
  const script = document.createElement('script');
  script.src = library;
  script.addEventListener('load', () => {
    const mermaid = window.mermaid;
    if (!mermaid) return;
    void draw(mermaid);
    followTheme(() => void draw(mermaid));
  });
  document.head.append(script);
}
