// The ATT&CK coverage matrix: one column per Enterprise tactic (matrix order), the tactic's techniques below
// it, covered techniques and sub-techniques highlighted with their rule count and a link to those rules.

import { html, urlPart, type SafeHtml } from '../html.ts';
import type { AttackData, Technique } from '../catalog/attack.ts';
import type { RuleView } from '../catalog/rule-view.ts';
import { layout } from './layout.ts';

/** technique or sub-technique id -> rules mapped to it (a sub-technique's rules also count for its parent). */
export function coverageCounts(rules: readonly RuleView[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const r of rules) {
    const ids = new Set<string>();
    if (r.attack.technique) ids.add(r.attack.technique);
    if (r.attack.subtechnique) {
      ids.add(r.attack.subtechnique);
      ids.add(r.attack.subtechnique.split('.')[0]!);
    }
    for (const id of ids) bump(id);
  }
  return counts;
}

function cell(t: Technique, n: number, sub: boolean): SafeHtml {
  const cls = `${sub ? 'sub ' : ''}${n > 0 ? 'covered' : ''}`;
  return html`<li class="${cls}"><a href="${n > 0 ? `/?technique=${urlPart(t.id)}` : t.url}" title="${t.id} ${t.name}"><span class="mono">${t.id}</span> ${t.name}${n > 0 ? html` <span class="count">${n}</span>` : ''}</a></li>`;
}

export function coveragePage(attack: AttackData, rules: readonly RuleView[]): SafeHtml {
  const counts = coverageCounts(rules);
  const techniques = [...attack.techniques.values()];
  const parents = techniques.filter((t) => !t.is_subtechnique);
  const subsOf = (id: string) => techniques.filter((t) => t.parent === id);
  const coveredParents = parents.filter((t) => (counts.get(t.id) ?? 0) > 0).length;
  const body = html`
<h1>ATT&amp;CK coverage</h1>
<p class="muted">Enterprise ATT&amp;CK: ${attack.tactics.length} tactics, ${parents.length} techniques; ${coveredParents} covered by ${rules.length} detections. Covered cells link to their detections.</p>
${attack.tactics.length === 0 ? html`<p class="error">ATT&amp;CK data not found (data/attack/).</p>` : ''}
<div class="matrix">
${attack.tactics.map((tac) => {
  const col = parents.filter((t) => t.tactics.includes(tac.shortname));
  const covered = col.filter((t) => (counts.get(t.id) ?? 0) > 0).length;
  return html`<section class="tactic"><h2><a href="${tac.url}">${tac.name}</a></h2><p class="muted">${covered}/${col.length}</p><ul>
${col.map((t) => {
  const n = counts.get(t.id) ?? 0;
  return html`${cell(t, n, false)}${n > 0 ? subsOf(t.id).map((s) => cell(s, counts.get(s.id) ?? 0, true)) : ''}`;
})}</ul></section>`;
})}
</div>`;
  return layout('ATT&CK coverage', '/coverage', body, { wide: true });
}
