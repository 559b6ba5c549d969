/**
 * The deploy gate without a database: which pending migrations it searches for, contract markers
 * old and new, the annotation gone, --force.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { transitionMarkerLine } from '../../src/diff/transition-markers.js';
import { deployGate } from '../../src/migrate/transitions/deploy-gate.js';
import { tempProject } from '../helpers/project.js';

const MASTER = (annotation: boolean) => `datasource db {
  provider = "postgresql"
}

model User {
  id          Int    @id
${annotation ? '  /// @steward.transition(from: "name")\n' : ''}  displayName String @map("display_name")
  /// @steward.transition(backfill: "'free'")
  plan        String

  @@map("users")
}
`;

const CODE = `import { prisma } from './db';
export const names = () => prisma.user.findMany({ select: { name: true } });
`;

const RENAME = { model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name' };
const SCRIPTS = [
  { name: '1_init', script: 'CREATE TABLE "users" ("id" INTEGER);' },
  { name: '2_v2_expand', script: transitionMarkerLine('expand', RENAME) },
  { name: '3_v2_contract', script: `${transitionMarkerLine('contract', RENAME)}\nALTER TABLE "users" DROP COLUMN "name";` },
  { name: '4_old_contract', script: '-- steward expand/contract, contract: User.displayName (see docs/migrations.md#expandcontract)\n' },
  { name: '5_plan_contract', script: transitionMarkerLine('contract', { ...RENAME, field: 'plan', column: 'plan', from: undefined, backfill: "'free'" }) },
];

async function gateIn(files: Record<string, string>, force = false) {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { production: { provider: 'postgresql' } } }),
    ...files,
  });
  const config = await loadConfig({ cwd: dir });
  return { dir, gate: deployGate(config, path.join(dir, 'prisma/migrations/production'), SCRIPTS, { force }) };
}

const cases: Array<{ name: string; annotation: boolean; code: boolean; pending: string[]; refused: RegExp | undefined; places: number }> = [
  { name: 'no contract pending: no search', annotation: true, code: true, pending: ['1_init', '2_v2_expand'], refused: undefined, places: 0 },
  {
    name: 'a contract pending while code reads the old field',
    annotation: true,
    code: true,
    pending: ['2_v2_expand', '3_v2_contract'],
    refused: /^3_v2_contract is a contract phase dropping old columns still used in 1 place \(src\/users\.ts:2\); nothing applied/,
    places: 1,
  },
  {
    name: 'an older contract (readable comment), resolved by the annotation',
    annotation: true,
    code: true,
    pending: ['4_old_contract'],
    refused: /^4_old_contract is a contract phase/,
    places: 1,
  },
  {
    name: 'the annotation removed: the marker names the old column',
    annotation: false,
    code: true,
    pending: ['3_v2_contract'],
    refused: /^3_v2_contract is a contract phase/,
    places: 1,
  },
  { name: 'a backfill contract drops no column: not refused', annotation: true, code: true, pending: ['5_plan_contract'], refused: undefined, places: 0 },
  { name: 'the code switched: not refused', annotation: true, code: false, pending: ['3_v2_contract', '4_old_contract'], refused: undefined, places: 0 },
];

for (const c of cases) {
  test(`deploy gate: ${c.name}`, async () => {
    const { dir, gate } = await gateIn({ 'prisma/schema.master.prisma': MASTER(c.annotation), ...(c.code ? { 'src/users.ts': CODE } : {}) });
    try {
      const refusal = await gate.check(c.pending);
      if (c.refused) assert.match(refusal ?? '', c.refused);
      else assert.equal(refusal, undefined);
      assert.equal(new Set(gate.usages().map((u) => `${u.file}:${u.line}`)).size, c.places);
      assert.equal(gate.overridden(), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('deploy gate: --force never refuses, and says it overrode', async () => {
  const { dir, gate } = await gateIn({ 'prisma/schema.master.prisma': MASTER(true), 'src/users.ts': CODE }, true);
  try {
    assert.equal(await gate.check(['3_v2_contract']), undefined);
    assert.equal(gate.overridden(), true);
    assert.deepEqual(
      gate.usages().map((u) => [u.file, u.line, u.how, u.migration]),
      [['src/users.ts', 2, 'prisma-client', '3_v2_contract']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
