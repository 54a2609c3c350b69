/**
 * Parsers recurse once per level of nesting and some constructs cost time
 * that grows faster than their size, so a body nested thousands deep would
 * overflow the stack or stall the build. Real writing nests a few levels;
 * past these limits the body is shown as plain text instead.
 */
const MAX_CONTAINER_PREFIX = 256;
const MAX_DELIMITER_RUN = 500;
const DELIMITER_RUN = new RegExp(`[*_~\\[\\]<>]{${MAX_DELIMITER_RUN + 1}}`);

/** Rendering time grows with a body's length: a full paper is a fraction of this, and a body past it would hold the build up. */
export const MAX_RENDERED_BODY = 1_000_000;

/** Why a body is past the limits, with the (body-relative, 1-based) line at fault; undefined when it is fine. */
export function pathologicalLine(body: string): { reason: string; line: number } | undefined {
  if (body.length > MAX_RENDERED_BODY) return { reason: `it is longer than ${MAX_RENDERED_BODY.toLocaleString('en')} characters`, line: 1 };
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^(?:[ \t>]|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(lines[i])![0];
    if (prefix.length > MAX_CONTAINER_PREFIX) return { reason: `it nests quotes or lists more than ${MAX_CONTAINER_PREFIX} characters deep`, line: i + 1 };
    if (DELIMITER_RUN.test(lines[i])) return { reason: `it has a run of more than ${MAX_DELIMITER_RUN} markup characters`, line: i + 1 };
  }
  return undefined;
}
