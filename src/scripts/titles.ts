/** Fills a datalist with titles once the graph file is in, rather than shipping thousands of options in the HTML. */
export function fillTitles(list: HTMLDataListElement | null, titles: Iterable<string>): void {
  if (!list) return;
  const options = [...new Set(titles)].sort((a, b) => a.localeCompare(b)).map((t) => Object.assign(document.createElement('option'), { value: t }));
  list.replaceChildren(...options);
}
