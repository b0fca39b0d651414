// Timestamp formats exactly as each service writes them: CloudTrail whole-second ISO with Z, Azure
// seven-digit fractional seconds with Z, and O365 Management Activity CreationTime without a zone suffix.

function iso(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds * 1000)).toISOString();
}

/** CloudTrail eventTime: `2026-03-02T14:05:00Z`. */
export function cloudTrailTime(t: number): string {
  return iso(t).slice(0, 19) + 'Z';
}

/** Azure Monitor `time`: `2026-03-02T14:05:00.1234567Z` (100 ns ticks). */
export function azureTime(t: number): string {
  const whole = Math.floor(t);
  const ticks = Math.round((t - whole) * 1e7) % 1e7;
  return iso(whole).slice(0, 19) + '.' + String(ticks).padStart(7, '0') + 'Z';
}

/** O365 CreationTime: `2026-03-02T14:05:00` (UTC, no Z). */
export function o365Time(t: number): string {
  return iso(t).slice(0, 19);
}

/** .NET ticks (100 ns since 0001-01-01), used in Azure Activity REST event ids. */
export function dotnetTicks(t: number): string {
  return (BigInt(Math.floor(t * 1000)) * 10000n + 621355968000000000n).toString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Dates inside CloudTrail responseElements, rendered Java-style: `Mar 2, 2026, 6:00:30 PM` (UTC). */
export function cloudTrailResponseDate(t: number): string {
  const d = new Date(Math.floor(t) * 1000);
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hh}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}
