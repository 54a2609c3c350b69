/**
 * Runs a command and measures its wall time and the peak resident memory of
 * its whole process tree (the sum over the command and all its descendants,
 * sampled from /proc every 50 ms).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface RunResult {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** Peak of the summed RSS of the process tree, in bytes; NaN where /proc is missing. */
  peakRss: number;
  /** Last lines of output, for error messages. */
  tail: string;
  stdout: string;
}

const PAGE_SIZE = 4096;

/** pid → [ppid, rss bytes] for every process visible in /proc. */
function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: split after its closing one.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), [Number(fields[1]), Number(fields[21]) * PAGE_SIZE]);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return table;
}

export function treeRss(root: number): number {
  const table = processTable();
  if (table.size === 0) return NaN;
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakRss = 0;
    let output = '';
    let stdout = '';
    const keep = (chunk: Buffer, isStdout: boolean) => {
      const text = chunk.toString();
      if (isStdout) stdout += text;
      output = (output + text).slice(-20000);
      if (options.echo) process.stderr.write(text);
    };
    child.stdout.on('data', (c: Buffer) => keep(c, true));
    child.stderr.on('data', (c: Buffer) => keep(c, false));
    const sample = () => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
    };
    const sampler = setInterval(sample, 50);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    const finish = (exitCode: number | null, error?: Error) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      const tail = (error ? `${error.message}\n` : '') + output.split('\n').filter(Boolean).slice(-15).join('\n');
      resolve({ ok: exitCode === 0, exitCode, wallMs: performance.now() - started, peakRss: peakRss || NaN, tail, stdout });
    };
    child.on('error', (err) => finish(null, err));
    child.on('close', (code) => finish(code));
  });
}
