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

const MASTER = (annotation: boolean) => `${annotation ? '/// @steward.transition(dropTable: "audit_log")\n' : ''}datasource db {
  provider = "postgresql"
}

${annotation ? '/// @steward.transition(drop: "legacy_code")\n' : ''}model User {
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

/** Code still using the dropped column (as the camelCase field it had) and the retired table (delegate and raw SQL). */
const LEGACY_CODE = `import { prisma } from './db';
export const codes = () => prisma.user.findMany({ select: { legacyCode: true } });
`;
const AUDIT_CODE = `import { prisma } from './db';
export const audit = () => prisma.auditLog.findMany();
export const raw = () => prisma.$queryRaw\`SELECT * FROM audit_log WHERE at > now()\`;
`;

const RENAME = { kind: 'column', model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name' } as const;
const DROP = { kind: 'drop', model: 'User', field: '', table: 'users', column: 'legacy_code' } as const;
const TABLE = { kind: 'dropTable', model: 'AuditLog', field: '', table: 'audit_log', column: '' } as const;
const FIRST = { ...RENAME, field: 'firstName', column: 'first_name', backfill: "split_part(name, ' ', 1)" };
const LAST = { ...RENAME, field: 'lastName', column: 'last_name', backfill: "split_part(name, ' ', 2)" };
const NAME = { ...DROP, column: 'name' };
const SCRIPTS = [
  { name: '1_init', script: 'CREATE TABLE "users" ("id" INTEGER);' },
  { name: '2_v2_expand', script: transitionMarkerLine('expand', RENAME) },
  { name: '3_v2_contract', script: `${transitionMarkerLine('contract', RENAME)}\nALTER TABLE "users" DROP COLUMN "name";` },
  { name: '4_old_contract', script: '-- steward expand/contract, contract: User.displayName (see docs/migrations.md#expandcontract)\n' },
  { name: '5_plan_contract', script: transitionMarkerLine('contract', { ...RENAME, field: 'plan', column: 'plan', from: undefined, backfill: "'free'" }) },
  { name: '6_drop_expand', script: transitionMarkerLine('expand', DROP) },
  { name: '7_drop_contract', script: transitionMarkerLine('contract', DROP) },
  { name: '8_table_contract', script: transitionMarkerLine('contract', TABLE) },
  { name: '9_split_contract', script: [FIRST, LAST, NAME].map((t) => transitionMarkerLine('contract', t)).join('\n') },
];

async function gateIn(files: Record<string, string>, force = false) {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { production: { provider: 'postgresql' } } }),
    ...files,
  });
  const config = await loadConfig({ cwd: dir });
  return { dir, gate: deployGate(config, path.join(dir, 'prisma/migrations/production'), SCRIPTS, { force }) };
}

const cases: Array<{
  name: string;
  annotation: boolean;
  code: boolean;
  files?: Record<string, string>;
  pending: string[];
  refused: RegExp | undefined;
  places: number;
}> = [
  { name: 'no contract pending: no search', annotation: true, code: true, pending: ['1_init', '2_v2_expand'], refused: undefined, places: 0 },
  {
    name: 'a contract pending while code reads the old field',
    annotation: true,
    code: true,
    pending: ['2_v2_expand', '3_v2_contract'],
    refused: /^3_v2_contract is a contract phase dropping old columns or tables still used in 1 place \(src\/users\.ts:2\); nothing applied/,
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
  {
    name: 'a drop contract while code reads the dropped column (as its camelCase field)',
    annotation: true,
    code: false,
    files: { 'src/legacy.ts': LEGACY_CODE },
    pending: ['6_drop_expand', '7_drop_contract'],
    refused: /^7_drop_contract is a contract phase dropping old columns or tables still used in 1 place \(src\/legacy\.ts:2\); nothing applied/,
    places: 1,
  },
  {
    name: 'a drop expand alone: no search',
    annotation: true,
    code: false,
    files: { 'src/legacy.ts': LEGACY_CODE },
    pending: ['6_drop_expand'],
    refused: undefined,
    places: 0,
  },
  {
    name: "a retired table's contract while code uses its delegate and names it in raw SQL",
    annotation: true,
    code: false,
    files: { 'src/audit.ts': AUDIT_CODE },
    pending: ['8_table_contract'],
    refused: /^8_table_contract is a contract phase dropping old columns or tables still used in 2 places \(src\/audit\.ts:2, src\/audit\.ts:3\)/,
    places: 2,
  },
  {
    name: 'the drop annotations removed: the markers name the column and the table',
    annotation: false,
    code: false,
    files: { 'src/legacy.ts': LEGACY_CODE, 'src/audit.ts': AUDIT_CODE },
    pending: ['7_drop_contract', '8_table_contract'],
    refused: /^7_drop_contract, 8_table_contract are contract phases .* 3 places/,
    places: 3,
  },
  {
    name: 'drop and table contracts once the code moved on: not refused',
    annotation: true,
    code: true,
    pending: ['7_drop_contract', '8_table_contract'],
    refused: undefined,
    places: 0,
  },
  {
    name: "a split's contract while code reads the old field",
    annotation: false,
    code: true,
    pending: ['9_split_contract'],
    refused: /^9_split_contract is a contract phase .* 1 place \(src\/users\.ts:2\)/,
    places: 1,
  },
];

for (const c of cases) {
  test(`deploy gate: ${c.name}`, async () => {
    const { dir, gate } = await gateIn({ 'prisma/schema.master.prisma': MASTER(c.annotation), ...(c.code ? { 'src/users.ts': CODE } : {}), ...c.files });
    try {
      const refusal = await gate.check(c.pending);
      if (c.refused) assert.match(refusal ?? '', c.refused);
      else assert.equal(refusal, undefined);
      assert.equal(new Set(gate.usages().map((u) => `${u.file}:${u.line}`)).size, c.places);
      // Each old shape searched once: a split's fields and its retirement share one old column.
      assert.equal(gate.usages().length, c.places);
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
