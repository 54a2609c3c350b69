/**
 * A checkpoint: where a long synchronous stretch of work (rendering every
 * body, indexing every text, the layout's iterations) stops a moment for its
 * caller. No timer runs while such a stretch holds the thread, so a caller
 * that has housekeeping to do (a build's heap check, a worker collecting the
 * garbage of the last step) does it here. Every function that works in such a
 * stretch takes one as its option `checkpoint`, calls it now and then, and
 * computes exactly what it would without it.
 */
export type Checkpoint = () => void;
