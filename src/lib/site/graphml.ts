/**
 * The graph as GraphML, for Gephi and Cytoscape desktop: the nodes, edges
 * and attributes of `graph.json`, verified passages flattened to text, a
 * claim's parts and open questions as JSON text (GraphML values are flat).
 */
import { claimJson, type Graph } from '../graph/graph';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const NODE_KEYS = ['kind', 'title', 'claim', 'summary', 'url', 'stub', 'status', 'grounding', 'parts', 'wholeEvidence', 'openQuestions'] as const;
const EDGE_KEYS = ['type', 'rank', 'stance', 'stanceFrom', 'passages'] as const;
const TYPES: Record<string, string> = { stub: 'boolean', rank: 'int' };
const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

export function toGraphml(graph: Graph): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const key of NODE_KEYS) out.push(`<key id="n_${key}" for="node" attr.name="${key}" attr.type="${TYPES[key] ?? 'string'}"/>`);
  for (const key of EDGE_KEYS) out.push(`<key id="e_${key}" for="edge" attr.name="${key}" attr.type="${TYPES[key] ?? 'string'}"/>`);
  out.push('<graph id="G" edgedefault="directed">');
  const data = (prefix: string, key: string, value: unknown) => (value === undefined || value === '' ? '' : `<data key="${prefix}_${key}">${escapeXml(String(value))}</data>`);
  for (const n of graph.nodes.values()) {
    const claim = claimJson(n);
    const values = { ...n, ...claim, parts: json(claim.parts), wholeEvidence: json(claim.wholeEvidence), openQuestions: json(claim.openQuestions) };
    out.push(`<node id="${escapeXml(n.id)}">${NODE_KEYS.map((k) => data('n', k, values[k])).join('')}</node>`);
  }
  graph.edges.forEach((e, i) => {
    const passages = e.passages?.map((p) => `${p.quote}: “${p.passage}”${p.section ? ` (${p.section.text})` : ''}`).join(' | ');
    const values = { type: e.type, rank: e.rank, stance: e.stance, stanceFrom: e.stanceFrom, passages };
    out.push(`<edge id="e${i}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${EDGE_KEYS.map((k) => data('e', k, values[k])).join('')}</edge>`);
  });
  out.push('</graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
