/** The site theme as browser code sees it: the reader's choice (`data-theme` on the root), else the system's. */

/** Is the page drawn dark right now? */
export function isDarkTheme(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Calls `restyle` whenever the reader switches theme or the system scheme changes; returns how to stop. */
export function followTheme(restyle: () => void): () => void {
  const observer = new MutationObserver(restyle);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', restyle);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', restyle);
  };
}
