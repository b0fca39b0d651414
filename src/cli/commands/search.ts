// `sightline search`: not built yet. Owned by the work on this command; replace this file.
import { defineCommand } from 'citty';

export default defineCommand({
  meta: { name: 'search', description: 'not built yet' },
  run() {
    process.stderr.write('sightline search: not built yet\n');
    process.exitCode = 2;
  },
});
