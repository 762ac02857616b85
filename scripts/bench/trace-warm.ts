/**
 * `npx tsx scripts/bench/trace-warm.ts <site dir> [query…]`: where a warm query's time goes, from a Chromium
 * trace. For each query: a fresh page of `<site dir>`'s search page (served without compression, as the bench
 * serves it), the index warmed up, then the query typed (one input event) under a trace; prints the time to the
 * first results and to the complete results, and per thread (the page's, each worker's) what ran between the
 * keystroke and the first results: its busy time by kind of task, and its longest tasks.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../tests/e2e/static-server';
import { typeAndTime } from './type-and-time';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      message?: string;
      url?: string;
      functionName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * Self time per function (name, file and line) of each thread's V8 samples between `from` and `to` (trace µs),
 * from the trace's `Profile` and `ProfileChunk` events.
 */
function selfTimes(
  events: readonly TraceEvent[],
  from: number,
  to: number,
): Map<string, Map<string, number>> {
  const profiles = new Map<string, { thread: string; at: number; nodes: Map<number, string> }>();
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id)
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        at: e.args?.data?.startTime ?? e.ts,
        nodes: new Map(),
      });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) {
      const { functionName = '', url = '', lineNumber = -1 } = node.callFrame;
      profile.nodes.set(
        node.id,
        `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`,
      );
    }
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    const times = byThread.get(profile.thread) ?? new Map<string, number>();
    byThread.set(profile.thread, times);
    samples.forEach((node, i) => {
      profile.at += deltas[i] ?? 0;
      const next = profile.at + (deltas[i + 1] ?? 0);
      if (profile.at < from || profile.at > to) return;
      const name = profile.nodes.get(node) ?? '?';
      times.set(name, (times.get(name) ?? 0) + (next - profile.at) / 1000);
    });
  }
  return byThread;
}

const args = process.argv.slice(2);
/** `--profile`: V8's sampling profiler on too, and the functions that took most time per thread are printed. */
const profile = args.includes('--profile');
const [siteDir, ...given] = args.filter((a) => a !== '--profile');
if (!siteDir) throw new Error('usage: trace-warm.ts [--profile] <site dir> [query…]');
const queries = given.length > 0 ? given : ['公转铁', '节能', 'PUE'];

const site = await serveStatic(siteDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}search/`);
    await page.waitForSelector('form[data-search-ready]', { state: 'attached' });
    await page.waitForLoadState('networkidle');
    const path = join(tmpdir(), `trace-warm-${process.pid}.json`);
    await browser.startTracing(page, {
      path,
      categories: [
        'devtools.timeline',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        'loading',
        ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    });
    const typed = await typeAndTime(page, query, 'complete');
    const timed = { first: typed.results, complete: typed.complete };
    await browser.stopTracing();
    await context.close();
    const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    rmSync(path);
    const stamp = (name: string) =>
      events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === name)?.ts ?? NaN;
    const t0 = stamp('trace:input');
    const tFirst = stamp('trace:first');
    const tComplete = stamp('trace:complete');
    const threadNames = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    console.log(
      `\n# ${query}: first results ${timed.first.toFixed(0)} ms, complete ${timed.complete.toFixed(0)} ms (trace: ${((tFirst - t0) / 1000).toFixed(0)} / ${((tComplete - t0) / 1000).toFixed(0)})`,
    );
    // Top-level tasks per thread between the keystroke and the complete results.
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      if (e.ph !== 'X' || e.dur === undefined || e.ts < t0 || e.ts > tComplete) continue;
      if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
      const key = `${e.pid}:${e.tid}`;
      const list = byThread.get(key) ?? [];
      list.push(e);
      byThread.set(key, list);
    }
    for (const [key, tasks] of byThread) {
      const name = threadNames.get(key) ?? key;
      if (!/Main|Worker/i.test(name)) continue;
      const busy = (until: number) =>
        tasks.filter((t) => t.ts < until).reduce((n, t) => n + Math.min(t.dur!, until - t.ts), 0) / 1000;
      // What ran inside each task: the longest children named (function calls, compile, GC, parse).
      const inside = new Map<string, number>();
      for (const e of events) {
        if (`${e.pid}:${e.tid}` !== key || e.ph !== 'X' || e.ts < t0 || e.ts > tFirst) continue;
        if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
        inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      console.log(
        `${name}: busy ${busy(tFirst).toFixed(0)} ms before the first results, ${busy(tComplete).toFixed(0)} ms before complete; ` +
          `before first, by event: ${[...inside]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 8)
            .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
            .join(', ')}`,
      );
      const sampled = profile ? selfTimes(events, t0, tFirst).get(key) : undefined;
      if (sampled)
        console.log(
          `  self time before first (V8 samples, ms): ${[...sampled]
            .filter(([n]) => !/^\((idle|program)\)/.test(n))
            .sort((a, b) => b[1] - a[1])
            .slice(0, 14)
            .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
            .join(', ')}`,
        );
      const long = tasks
        .filter((t) => t.dur! > 5000 && t.ts < tFirst)
        .map((t) => `${((t.ts - t0) / 1000).toFixed(0)}+${(t.dur! / 1000).toFixed(0)}`);
      if (long.length) console.log(`  tasks >5 ms before first (start+ms): ${long.join(' ')}`);
    }
    // Requests made between the keystroke and the first results, by the thread that made them.
    const sent = events.filter(
      (e) => e.name === 'ResourceSendRequest' && e.ts >= t0 && e.ts <= tFirst && e.args?.data?.url,
    );
    const finished = new Map<string, number>();
    for (const e of events)
      if (e.name === 'ResourceFinish' && (e.args?.data as { requestId?: string } | undefined)?.requestId)
        finished.set((e.args!.data as { requestId: string }).requestId, e.ts);
    console.log(
      `requests before the first results: ${sent.length}: ${sent
        .map((e) => {
          const url = e.args!.data!.url!.replace(/^https?:\/\/[^/]+/, '');
          return `${url.replace(/\/(index|clause)\/.*/, '/$1/…')}@${((e.ts - t0) / 1000).toFixed(0)}`;
        })
        .join(' ')}`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}
