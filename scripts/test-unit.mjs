// The fast tier for the edit loop (`npm run test:unit`): every compiled test file that needs no
// database, no real-world app or corpus, no Prisma Client generation and no child process. What
// makes a test slow is what it touches, so files are chosen by the helpers and modules they import;
// `npm test` still runs everything.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SLOW = [
  /helpers\/(corpus|realworld|example-project|postgres-server)\.js/,
  /engine\/(pglite|sqlite|postgres)-connection\.js/,
  /engine\/(open-database|schema-engine)\.js/,
  /migrate\/(create-migrations|baseline|lint-history)\.js/,
  /verify\/|drift\/check-drift|node:child_process/,
];
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.js') && !SLOW.some((re) => re.test(readFileSync(p, 'utf8')))) files.push(p);
  }
};
walk('dist/test');
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=60000', ...files.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
