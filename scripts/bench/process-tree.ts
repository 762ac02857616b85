/**
 * Runs a command and samples the resident memory of its whole process tree (the command and every process
 * it starts, e.g. Pagefind's indexer beside Astro) from /proc, so "peak memory of all build processes
 * together" is measured, not the largest process alone. Linux only: elsewhere memory is reported as unknown.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface RunFigures {
  seconds: number;
  /**
   * User + system CPU seconds of the command and of every descendant that was reaped by its parent (bash's
   * `times`); a process left to exit as an orphan would be missing, so compare builds of one project layout.
   */
  cpuSeconds: number | null;
  /**
   * User + system CPU seconds of every process of the tree, each as last sampled from /proc (so up to one
   * sample interval of each process's last work is missed): counts the children `cpuSeconds` misses, those
   * still ending when their parent exited (the build's last Pagefind processes were). Null without /proc.
   */
  sampledCpuSeconds: number | null;
  /** Highest sum of RSS over the tree at one sample, in bytes; null where /proc is unavailable. */
  peakTreeRss: number | null;
  /**
   * Highest sum of PSS over the tree at one sample, in bytes (`/proc/<pid>/smaps_rollup`): each page shared by
   * several processes counted once among them, where RSS counts it in each (the Node binary and its libraries
   * in every Node process of the build). A page shared with a process outside the tree (the benchmark's own
   * Node) is counted in part only, so this is a little below the tree's own memory; RSS a little above. Null
   * where /proc is unavailable.
   */
  peakTreePss: number | null;
  /** Highest RSS of one process, in bytes. */
  peakProcessRss: number | null;
  /** The processes of the tree at the sample of `peakTreeRss` (name and RSS in bytes), largest first. */
  atPeak: { pid: number; name: string; rss: number }[];
  /** Seconds from the first to the last sample in which a process whose name matches `watch` was alive. */
  watchedSeconds: number | null;
  /** The output lines (stdout and stderr) that matched `capture`, in order. */
  captured: string[];
}

const SAMPLE_MS = 250;
const PAGE_BYTES = 4096;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  rss: number;
  /** User + system CPU time so far, in clock ticks. */
  cpuTicks: number;
}

function processes(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // comm may hold spaces and parentheses: fields after it start at the last ')'.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // state(0) ppid(1) … utime, stime and rss are fields 14, 15 and 24 of stat, i.e. 11, 12 and 21 after comm.
      out.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        name,
        rss: Number(fields[21]) * PAGE_BYTES,
        cpuTicks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/** A process's proportional set size in bytes, or 0 when it ended or cannot be read. */
function pssOf(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function tree(root: number, all: readonly ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of all) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const out: ProcessInfo[] = [];
  const self = all.find((p) => p.pid === root);
  const queue = self ? [self] : [];
  while (queue.length > 0) {
    const p = queue.shift() as ProcessInfo;
    out.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

/** bash's `times` prints the shell's own times, then its children's: `0m4.167s 0m0.733s`. */
function childrenCpu(output: string): number | null {
  const lines = output.trim().split('\n');
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(lines[lines.length - 1]?.trim() ?? '');
  if (!match) return null;
  const [, um, us, sm, ss] = match.map(Number) as number[];
  return (um as number) * 60 + (us as number) + (sm as number) * 60 + (ss as number);
}

/** Runs `command args` in `cwd` with `env`, output discarded unless it fails; resolves with its figures. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    watch?: RegExp;
    capture?: RegExp;
    log?: string;
    /** A file to write every sample to: seconds since the start, the tree's RSS, then each process's. */
    memoryLog?: string;
  },
): Promise<RunFigures> {
  const canSample = process.platform === 'linux';
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // Through bash so its `times` builtin reports the CPU time of the whole tree: on a shared machine wall time
    // mostly measures the neighbours, CPU time the work.
    const script = '"$@"; status=$?; echo; times; exit $status';
    const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Only the tail of the output is kept (a build logs every page), and the lines `capture` asks for; the
    // whole output goes to `log` when one is given, each line stamped with the seconds since the start, so the
    // phases of a long build can be read afterwards.
    const log = options.log ? createWriteStream(options.log) : null;
    const captured: string[] = [];
    const partial = { stdout: '', stderr: '' };
    const collect = (stream: 'stdout' | 'stderr', chunk: Buffer) => {
      const lines = (partial[stream] + chunk.toString()).split('\n');
      partial[stream] = lines.pop() ?? '';
      if (log) {
        const at = ((performance.now() - started) / 1000).toFixed(1);
        for (const line of lines) log.write(`${at}\t${line}\n`);
      }
      if (options.capture) captured.push(...lines.filter((line) => options.capture?.test(line)));
    };
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-2_000);
      collect('stdout', chunk);
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
      collect('stderr', chunk);
    });
    let peakTree = 0;
    let peakTreePss = 0;
    let peakOne = 0;
    let atPeak: RunFigures['atPeak'] = [];
    // Which processes overlap, and when: the peak alone does not say what to cut.
    const memoryLog = options.memoryLog ? createWriteStream(options.memoryLog) : null;
    /** Each process's CPU ticks at its last sample, by pid (pids are not reused within one build). */
    const cpuTicks = new Map<number, number>();
    let watchFirst: number | null = null;
    let watchLast: number | null = null;
    const sample = () => {
      if (child.pid === undefined) return;
      const members = tree(child.pid, processes());
      const total = members.reduce((n, p) => n + p.rss, 0);
      peakTreePss = Math.max(
        peakTreePss,
        members.reduce((n, p) => n + pssOf(p.pid), 0),
      );
      if (total > peakTree) {
        peakTree = total;
        atPeak = members.map(({ pid, name, rss }) => ({ pid, name, rss })).sort((a, b) => b.rss - a.rss);
      }
      if (memoryLog) {
        const at = ((performance.now() - started) / 1000).toFixed(2);
        const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
        const each = members.map((p) => `${p.name}:${p.pid}=${mb(p.rss)}`).join(' ');
        memoryLog.write(`${at}\t${mb(total)}\t${each}\n`);
      }
      for (const p of members) {
        peakOne = Math.max(peakOne, p.rss);
        cpuTicks.set(p.pid, Math.max(cpuTicks.get(p.pid) ?? 0, p.cpuTicks));
      }
      if (options.watch && members.some((p) => options.watch?.test(p.name))) {
        const now = performance.now();
        watchFirst ??= now;
        watchLast = now;
      }
    };
    const timer = canSample ? setInterval(sample, SAMPLE_MS) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      log?.end();
      memoryLog?.end();
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`));
        return;
      }
      resolvePromise({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: childrenCpu(stdout),
        sampledCpuSeconds: canSample
          ? [...cpuTicks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND
          : null,
        peakTreeRss: canSample ? peakTree : null,
        peakTreePss: canSample ? peakTreePss : null,
        peakProcessRss: canSample ? peakOne : null,
        atPeak,
        watchedSeconds:
          watchFirst !== null && watchLast !== null ? (watchLast - watchFirst + SAMPLE_MS) / 1000 : null,
        captured,
      });
    });
  });
}
