/**
 * What the last ingest of this process made of the seeds: plans built, warnings, seeds refused. The plans
 * loader (src/loaders/plans.ts) records it; the build script (scripts/build.ts) prints it as the build's last
 * lines and decides the exit code.
 *
 * Why a process-wide slot: Astro loads the content config through Vite's module runner, so the loader and the
 * build script see different instances of this module; `globalThis` is the one object they share.
 */
import type { IngestResult } from '../lib/ingest';
import type { PlanHead, Warning } from '../lib/model/plan';

export interface RefusedSeed {
  file: string;
  line: number;
  reason: string;
}

export interface IngestReport {
  /** The seed directory read. */
  seedDir: string;
  /** Every plan built: its id, seed file and number of warnings. */
  plans: { id: string; source: string; warnings: number }[];
  warnings: Warning[];
  refused: RefusedSeed[];
}

/** The report of one ingest of `seedDir`. */
export function reportOf(result: IngestResult<PlanHead>, seedDir: string): IngestReport {
  return {
    seedDir,
    plans: result.plans.map((plan) => ({
      id: plan.id,
      source: plan.source,
      warnings: result.warnings.filter((w) => w.file === plan.source).length,
    })),
    warnings: result.warnings,
    refused: result.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
  };
}

const SLOT = Symbol.for('plan-atlas.ingest-report');

type Slot = { [SLOT]?: IngestReport };

export function recordIngestReport(report: IngestReport): void {
  (globalThis as Slot)[SLOT] = report;
}

/** The report of the last ingest in this process, if any ran. */
export function lastIngestReport(): IngestReport | undefined {
  return (globalThis as Slot)[SLOT];
}

/**
 * The build's closing lines: plans built, plans with warnings, seeds refused with their reasons. Short on
 * purpose: it is what a person reads after a long build log.
 */
export function summaryLines(report: IngestReport): string[] {
  const warned = report.plans.filter((p) => p.warnings > 0);
  const lines = [
    `${report.plans.length} plans built from ${report.seedDir}` +
      (warned.length > 0
        ? `; ${warned.length} with warnings (${warned.map((p) => `${p.source} ${p.warnings}`).join(', ')})`
        : ''),
  ];
  if (report.refused.length === 0) lines.push('0 seeds refused');
  else {
    lines.push(`${report.refused.length} ${report.refused.length === 1 ? 'seed' : 'seeds'} refused:`);
    for (const r of report.refused) lines.push(`  ${r.file}:${r.line}: ${r.reason}`);
  }
  return lines;
}
