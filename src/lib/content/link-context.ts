/**
 * Where a link stands: the sentence around it, and the link's span inside
 * that sentence. The Markdown layer cuts it out of a body; the graph layer
 * keeps it on the edge the link makes. Both read this one shape.
 */
export interface LinkContext {
  sentence: string;
  start: number;
  end: number;
}
