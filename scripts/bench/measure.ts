/**
 * Runs a command and measures its wall time and the peak resident memory of
 * its whole process tree (the sum over the command and all its descendants,
 * sampled from /proc every 50 ms). Where GNU time is installed it also gives
 * the CPU time (user + system) of the tree, which other load on the machine
 * disturbs far less than wall time.
 *
 * Whether the machine was busy is read from /proc/stat, not from the load
 * average: the CPU the whole machine spent during the run, less the tree's own,
 * is what other work took. A build that keeps both cores busy itself raises the
 * load average past the cores (and the 1-minute average still carries the run
 * before it), so the load average cannot tell a loaded machine from a parallel
 * build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface RunResult {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** Peak of the summed RSS of the process tree, in bytes; NaN where /proc is missing. */
  peakRss: number;
  /** User + system CPU time of the command and its descendants; NaN without GNU time. */
  cpuMs: number;
  /** 1-minute load average at start and end (the run's own work included). */
  load: [number, number];
  /** Cores' worth of CPU that processes outside the tree used during the run, on average; NaN without /proc/stat or GNU time. */
  otherCores: number;
  /** Last lines of output, for error messages. */
  tail: string;
  stdout: string;
}

const PAGE_SIZE = 4096;
/** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every architecture it runs on (`getconf CLK_TCK`). */
const TICK_MS = 10;
const GNU_TIME = '/usr/bin/time';
const TIME_MARK = '__bench_time__';

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

/** Milliseconds of CPU the whole machine has spent working (all but idle and iowait), since boot. */
export function machineBusyMs(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS;
  } catch {
    return NaN;
  }
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
    const timed = existsSync(GNU_TIME);
    const load0 = loadavg()[0];
    const busy0 = machineBusyMs();
    const started = performance.now();
    const [cmd, argv] = timed ? [GNU_TIME, ['-f', `${TIME_MARK} %U %S`, command, ...args]] : [command, args];
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
      const wallMs = performance.now() - started;
      const busyMs = machineBusyMs() - busy0;
      const mark = output.match(new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+)`));
      const cpuMs = mark ? (Number(mark[1]) + Number(mark[2])) * 1000 : NaN;
      const lines = output.split('\n').filter((l) => l && !l.startsWith(TIME_MARK) && !l.startsWith('Command exited with non-zero status'));
      const tail = (error ? `${error.message}\n` : '') + lines.slice(-15).join('\n');
      const otherCores = Math.max(0, busyMs - cpuMs) / wallMs;
      resolve({ ok: exitCode === 0, exitCode, wallMs, cpuMs, load: [load0, loadavg()[0]], otherCores, peakRss: peakRss || NaN, tail, stdout });
    };
    child.on('error', (err) => finish(null, err));
    child.on('close', (code) => finish(code));
  });
}
