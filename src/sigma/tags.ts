// Sigma ATT&CK tags (sigma-appendix-tags.md: `attack.t1021.008`, `attack.lateral-movement`; older rules use
// underscores) -> the alert's technique and tactics. The most specific technique wins; every tactic is kept, in
// tag order (a rule tagged persistence and privilege-escalation alerts for both); none -> empty string.

const TACTICS: Record<string, string> = {
  'reconnaissance': 'Reconnaissance',
  'resource-development': 'Resource Development',
  'initial-access': 'Initial Access',
  'execution': 'Execution',
  'persistence': 'Persistence',
  'privilege-escalation': 'Privilege Escalation',
  'defense-evasion': 'Defense Evasion',
  'credential-access': 'Credential Access',
  'discovery': 'Discovery',
  'lateral-movement': 'Lateral Movement',
  'collection': 'Collection',
  'command-and-control': 'Command and Control',
  'exfiltration': 'Exfiltration',
  'impact': 'Impact',
};

export function attackOfTags(tags: readonly string[]): { tactic: string; tactics: string[]; technique: string; subtechnique?: string } {
  const tactics: string[] = [];
  let technique = '';
  let subtechnique: string | undefined;
  for (const raw of tags) {
    const t = raw.toLowerCase();
    if (!t.startsWith('attack.')) continue;
    const rest = t.slice('attack.'.length);
    const tech = /^t(\d{4})(?:\.(\d{3}))?$/.exec(rest);
    if (tech) {
      if (tech[2]) subtechnique ??= `T${tech[1]}.${tech[2]}`;
      technique ||= `T${tech[1]}`;
      continue;
    }
    const name = TACTICS[rest.replace(/_/g, '-')];
    if (name && !tactics.includes(name)) tactics.push(name);
  }
  if (subtechnique && !technique) technique = subtechnique.slice(0, 5);
  return { tactic: tactics[0] ?? '', tactics, technique, ...(subtechnique ? { subtechnique } : {}) };
}
