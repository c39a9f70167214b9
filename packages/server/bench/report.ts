import type { Backend, Figure } from './options.js';

/** One figure measured on one backend: the ratio and the raw figures of both sides. */
export interface FigureResult {
  /** Ours over the raw baseline, in throughput (ingest, apiWrite, timers) or in time (creditRead, policyReplay). */
  readonly ratio: number;
  readonly ours: Readonly<Record<string, number>>;
  readonly raw: Readonly<Record<string, number>>;
  /** Further figures (one-by-one ingest, memory peaks, correctness checks). */
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

export interface BackendReport {
  readonly database: string;
  readonly seconds: number;
  readonly ratios: Partial<Record<Figure, number>>;
  readonly figures: Partial<Record<Figure, FigureResult>>;
  readonly error?: string;
}

export type BenchReport = Partial<Record<Backend, BackendReport>>;

/** What each ratio measures and the target for it (on PostgreSQL). */
export const TARGETS: Record<Figure, { what: string; atLeast?: number; atMost?: number }> = {
  ingest: { what: 'reviews/s through the use cases (batched) ÷ raw multi-row INSERT', atLeast: 0.5 },
  apiWrite: { what: 'POST review req/s ÷ bare one-INSERT route', atLeast: 0.5 },
  creditRead: { what: 'GET credit mean latency ÷ primary-key lookup route', atMost: 1.5 },
  timers: { what: 'due timers fired/s ÷ raw UPDATE+DELETE per timer', atLeast: 0.5 },
  policyReplay: { what: 'recompute all credit + DSR time ÷ one GROUP BY pass' },
};

export function meetsTarget(figure: Figure, ratio: number): boolean | null {
  const t = TARGETS[figure];
  if (t.atLeast !== undefined) return ratio >= t.atLeast;
  if (t.atMost !== undefined) return ratio <= t.atMost;
  return null;
}

const targetText = (figure: Figure) => {
  const t = TARGETS[figure];
  return t.atLeast !== undefined ? `≥ ${t.atLeast}` : t.atMost !== undefined ? `≤ ${t.atMost}×` : 'report';
};

const figuresText = (values: Readonly<Record<string, number | string | boolean>> | undefined) =>
  Object.entries(values ?? {})
    .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
    .join(', ');

/** The human table: one block per backend, one row per figure. */
export function formatTable(report: BenchReport): string {
  const out: string[] = [];
  for (const [backend, r] of Object.entries(report) as Array<[Backend, BackendReport]>) {
    out.push(`\n${backend} — ${r.database} — ${r.seconds} s`);
    if (r.error) out.push(`  failed: ${r.error}`);
    for (const [figure, f] of Object.entries(r.figures) as Array<[Figure, FigureResult]>) {
      const met = meetsTarget(figure, f.ratio);
      const verdict = met === null ? '' : met ? 'met' : 'BELOW TARGET';
      out.push(
        `  ${figure.padEnd(13)} ratio ${String(f.ratio).padEnd(7)} target ${targetText(figure).padEnd(7)} ${verdict}`,
      );
      out.push(`    ${TARGETS[figure].what}`);
      out.push(`    ours: ${figuresText(f.ours)}`);
      out.push(`    raw:  ${figuresText(f.raw)}`);
      if (f.extra) out.push(`    also: ${figuresText(f.extra)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
