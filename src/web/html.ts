// The one HTML escaping helper of the web UI. Every page is built with the `html` tagged template, which
// escapes every interpolated value unless it is already `SafeHtml`; log values are attacker-controlled, so
// nothing reaches a page as markup except through this module.

export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  return s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.text;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(part);
}

/** Tagged template: literal parts are trusted markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks trusted markup built elsewhere in this module family (never log data). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Percent-encodes a value for one URL path segment or query value. */
export function urlPart(value: string): string {
  return encodeURIComponent(value);
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}
