// SQL LIKE for eval/where: `%` matches any run, `_` one character, everything else literally and
// case-sensitively. Matched with a two-row dynamic programme, so time is O(value x pattern), never worse.

export function likeMatch(value: string, pattern: string): boolean {
  const n = pattern.length;
  let prev = new Array<boolean>(n + 1).fill(false);
  prev[0] = true;
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! && pattern[j - 1] === '%';
  for (let i = 1; i <= value.length; i++) {
    const cur = new Array<boolean>(n + 1).fill(false);
    for (let j = 1; j <= n; j++) {
      const p = pattern[j - 1];
      if (p === '%') cur[j] = cur[j - 1]! || prev[j]!;
      else cur[j] = prev[j - 1]! && (p === '_' || p === value[i - 1]);
    }
    prev = cur;
  }
  return prev[n]!;
}
