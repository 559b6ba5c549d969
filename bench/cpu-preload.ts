import { appendFileSync } from 'node:fs';

// Preloaded into measured Node processes by bench/startup.ts: records the CPU time (user + system,
// microseconds) the process used. On a busy machine wall time mostly measures the other
// processes; CPU time still tells two ways of starting apart.
const out = process.env.STEWARD_BENCH_CPU_FILE;
if (out) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(out, `${user + system}\n`);
  });
}
