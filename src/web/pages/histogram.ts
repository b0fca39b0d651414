// A server-drawn SVG histogram of alerts over time (no script needed): buckets of a round span chosen so the
// range spans at most ~60 bars; every label passes through the escaping template.

import { inEventTimeRange } from '../../core/event-time.ts';
import { html, type SafeHtml } from '../html.ts';

const SPANS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400];

export interface Bucket {
  readonly start: number;
  readonly count: number;
}

export function bucketTimes(times: readonly number[], maxBars = 60): { span: number; buckets: Bucket[] } {
  // Times outside the event-time range (a rule's eval can make them) would ask for astronomically many bars.
  const finite = times.filter(inEventTimeRange);
  if (finite.length === 0) return { span: 3600, buckets: [] };
  // A loop, not Math.min(...xs): hundreds of thousands of arguments overflow the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const t of finite) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const span = SPANS.find((s) => (max - min) / s < maxBars) ?? SPANS[SPANS.length - 1]!;
  const first = Math.floor(min / span) * span;
  const n = Math.floor((max - first) / span) + 1;
  const counts = new Array<number>(n).fill(0);
  for (const t of finite) counts[Math.floor((t - first) / span)]!++;
  return { span, buckets: counts.map((count, i) => ({ start: first + i * span, count })) };
}

function label(t: number): string {
  return new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 16);
}

export function histogram(times: readonly number[], title: string): SafeHtml {
  const { span, buckets } = bucketTimes(times);
  if (buckets.length === 0) return html`<p class="muted">No timestamped alerts to chart.</p>`;
  const W = 720;
  const H = 140;
  const peak = buckets.reduce((m, b) => Math.max(m, b.count), 0);
  const bw = W / buckets.length;
  return html`<figure class="histogram"><svg viewBox="0 0 ${W} ${H + 20}" width="100%" role="img" aria-label="${title}">
${buckets.map((b, i) => {
  const h = peak === 0 ? 0 : Math.max(b.count > 0 ? 2 : 0, Math.round((b.count / peak) * H));
  return html`<rect x="${(i * bw + 1).toFixed(1)}" y="${H - h}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h}"><title>${label(b.start)}: ${b.count}</title></rect>`;
})}
<text x="0" y="${H + 15}">${label(buckets[0]!.start)}</text>
<text x="${W}" y="${H + 15}" text-anchor="end">${label(buckets[buckets.length - 1]!.start + span)}</text>
</svg><figcaption>${title} · ${buckets.length} bars of ${span >= 86400 ? `${span / 86400}d` : span >= 3600 ? `${span / 3600}h` : `${span / 60}m`} · peak ${peak}</figcaption></figure>`;
}
