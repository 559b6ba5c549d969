import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareClaims } from '../../src/audit/compare.js';
import { readAuditClaims } from '../../src/audit/project.js';
import { loadSchema } from '../../src/schema/load.js';
import { REALWORLD_APPS, realworldDir } from '../helpers/realworld.js';

/**
 * Every code-side audit finding on the seven real applications, each checked by hand. The apps
 * compile against their schemas, so a code finding is true only in code the build does not
 * reach. Read-only: the audit writes nothing.
 */
const EXPECTED_CODE_FINDINGS: Record<string, string[]> = {
  documenso: [
    // Dead file (imported nowhere): filters Subscription by userId, which moved to organisationId.
    'missing-in-schema Subscription.userId packages/lib/server-only/subscription/get-active-subscriptions-by-user-id.ts:11',
    // Dead file (imported nowhere): Field has no documentId since fields belong to envelopes.
    'missing-in-schema Field.documentId packages/lib/server-only/field/get-completed-fields-for-document.ts:11',
    // Dead middleware (addPrismaMiddleware is never called): TeamGlobalSettings lost teamId (Team holds teamGlobalSettingsId).
    'missing-in-schema TeamGlobalSettings.teamId packages/prisma/prisma-middleware.ts:13',
    // Dead file (imported nowhere): Team has no members relation since membership moved to organisations.
    'missing-in-schema Team.members packages/lib/server-only/team/find-organisation-invoices.ts:15',
  ],
  // Was 4 false positives: stripeClient.subscriptions / customers / subscriptionSchedules and a hub
  // SDK client's feedbackRecords; none is a Prisma client.
  formbricks: [],
  // Was 1 false positive: isUsedByUsersWithSubscription is a field a $extends({ result }) extension computes.
  ghostfolio: [],
  hoppscotch: [],
  papermark: [],
  rallly: [],
  umami: [],
};

const dir = realworldDir();

for (const app of REALWORLD_APPS) {
  test(`real app ${app.name}: every code-side audit finding is a recorded true one`, { skip: dir ? false : 'no ../shared/realworld' }, async () => {
    const root = join(dir!, app.name);
    const schema = loadSchema(join(root, app.master), root);
    const { claims, plannedDocs } = await readAuditClaims(root, schema, {});
    const findings = compareClaims(schema, claims, { environments: [], plannedDocs });
    const code = findings.filter((f) => f.sources.includes('code')).map((f) => `${f.kind} ${f.model}.${f.field ?? ''} ${f.locations[0].file}:${f.locations[0].line}`);
    assert.deepEqual(code, EXPECTED_CODE_FINDINGS[app.name]);
  });
}
