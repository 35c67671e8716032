import { describe, expect, it } from 'vitest';
import { renderDevReport, summarizeSamples, type DevRun } from '../../tools/bench/dev-bench.ts';

const context = { date: '2026-12-07', commit: 'abc1234', machine: '2 cores', command: 'npm run bench:dev -- --docs 5,1000' };

describe('the dev-server benchmark report', () => {
  it('takes the median of the served edits and counts the ones never served', () => {
    expect(summarizeSamples([900, 300, 600])).toEqual({ medianMs: 600, served: 3, timedOut: 0 });
    expect(summarizeSamples([400, undefined, 200, 1000])).toEqual({ medianMs: 400, served: 3, timedOut: 1 });
    expect(summarizeSamples([undefined])).toEqual({ medianMs: undefined, served: 0, timedOut: 1 });
  });

  it('writes one column per site and size, each edit’s median with its samples, n/a where Starlight has no such file', () => {
    const runs: DevRun[] = [
      {
        site: 'this site',
        documents: 5,
        firstPage: '/',
        firstPageMs: 4210,
        edits: [
          { edit: 'entity-page', file: 'content/policies/a.md', page: 'policies/a/', samplesMs: [1200, 800, 1000] },
          { edit: 'source-meta', file: 'content/sources/b.meta.yaml', page: 'documents/b/', samplesMs: [2000, undefined] },
          { edit: 'correction', file: 'content/corrections/b.yaml', page: 'documents/b/', samplesMs: [1500, 1700, 1600] },
        ],
      },
      {
        site: 'Starlight 0.42',
        documents: 1005,
        firstPage: '/',
        firstPageMs: 61000,
        edits: [{ edit: 'entity-page', file: 'src/content/docs/policies/a.md', page: 'policies/a/', samplesMs: [300, 350, 250] }],
      },
      { site: 'this site', documents: 1005, firstPage: '/', edits: [], error: 'the dev server printed no URL | within 300 s' },
    ];
    const report = renderDevReport(runs, context);
    const lines = report.split('\n');
    expect(report).toContain('at commit abc1234 by `npm run bench:dev -- --docs 5,1000`');
    expect(lines).toContain('| | this site, 5 documents | Starlight 0.42, 1,005 documents | this site, 1,005 documents |');
    const row = (start: string) =>
      lines
        .find((l) => l.startsWith(start))!
        .split(' | ')
        .slice(1);
    expect(row('| time to first page')).toEqual(['4.21 s', '61.00 s', 'failed: the dev server printed no URL \\| within 300 s |']);
    expect(row('| save → page shows it: entity page')).toEqual([
      '**1.00 s** (3 of 3: 1.20 s, 0.80 s, 1.00 s)',
      '**0.30 s** (3 of 3: 0.30 s, 0.35 s, 0.25 s)',
      'not run |',
    ]);
    expect(row('| save → page shows it: source metadata')).toEqual(['**2.00 s** (1 of 2, 1 not served: 2.00 s, —)', 'n/a', 'not run |']);
    expect(row('| save → page shows it: correction')).toEqual(['**1.60 s** (3 of 3: 1.50 s, 1.70 s, 1.60 s)', 'n/a', 'not run |']);
  });
});
