import { appendFileSync } from 'node:fs';

// Preloaded into measured Node processes: records their peak memory (KB) when they exit.
const out = process.env.STEWARD_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    appendFileSync(out, `${process.resourceUsage().maxRSS}\n`);
  });
}
