// The page shell shared by every page: navigation, our one stylesheet and one script file (no inline script,
// as the CSP requires), and the ATT&CK notice MITRE's licence asks for.

import { html, type SafeHtml } from '../html.ts';

const NAV: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Detections' },
  { href: '/coverage', label: 'ATT&CK coverage' },
  { href: '/analyze', label: 'Analyse logs' },
  { href: '/alerts', label: 'Alerts' },
];

export function layout(title: string, active: string, body: SafeHtml, opts: { wide?: boolean } = {}): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · sightline</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">sightline</a>
  <nav>${NAV.map((n) => html`<a href="${n.href}"${n.href === active ? html` aria-current="page"` : ''}>${n.label}</a>`)}</nav>
</header>
<main${opts.wide ? html` class="wide"` : ''}>
${body}
</main>
<footer>sightline · cloud lateral movement detections (T1021.007, T1021.008) ·
MITRE ATT&amp;CK® data © 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.</footer>
</body>
</html>`;
}

export function errorPage(status: number, message: string): SafeHtml {
  return layout(`Error ${status}`, '', html`<h1>Error ${status}</h1><p class="error">${message}</p>`);
}

export function severityBadge(sev: string): SafeHtml {
  const cls = /^(critical|high|medium|low|informational)$/.test(sev) ? sev : 'unknown';
  return html`<span class="badge sev-${cls}">${sev}</span>`;
}
