import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareClaims } from '../../src/audit/compare.js';
import { compareDtos } from '../../src/audit/dto-compare.js';
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
    // Dead file (imported nowhere): the Team it reads has no customerId (the customer moved to the organisation); read off the query's result.
    'missing-in-schema Team.customerId packages/lib/server-only/team/find-organisation-invoices.ts:26',
    // The same dead file: Team has no members relation since membership moved to organisations.
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

/**
 * The DTO findings at warning level (`dto-mismatch`), each checked by hand; the info-level ones
 * (`dto-extra`: a field a DTO declares that the model lacks, often request-only or derived;
 * `dto-incomplete`: a create DTO that omits a required field the service sets itself) are
 * counted, and are true statements of fact.
 */
const EXPECTED_DTO_MISMATCHES: Record<string, string[]> = {
  // UpsertCscSessionInput.items is written as `itemsJson: items` (sign-session.ts:58): the same field under another name.
  documenso: ['CscSession.items packages/ee/server-only/signing/csc/sign-session.ts:40'],
  formbricks: [],
  ghostfolio: [],
  hoppscotch: [],
  papermark: [],
  // The public API's pollSchema calls Poll.timeZone `timezone`.
  rallly: ['Poll.timezone apps/web/src/app/api/private/schemas.ts:195'],
  umami: [],
};
const EXPECTED_DTO_INFO: Record<string, number> = { documenso: 4, formbricks: 0, ghostfolio: 18, hoppscotch: 10, papermark: 11, rallly: 12, umami: 0 };

const dir = realworldDir();

for (const app of REALWORLD_APPS) {
  test(`real app ${app.name}: every code-side audit finding is a recorded true one`, { skip: dir ? false : 'no ../shared/realworld' }, async () => {
    const root = join(dir!, app.name);
    const schema = loadSchema(join(root, app.master), root);
    const { claims, plannedDocs, dtos } = await readAuditClaims(root, schema, {});
    const findings = compareClaims(schema, claims, { environments: [], plannedDocs });
    const code = findings
      .filter((f) => f.sources.includes('code'))
      .map((f) => `${f.kind} ${f.model}.${f.field ?? ''} ${f.locations[0].file}:${f.locations[0].line}`);
    assert.deepEqual(code, EXPECTED_CODE_FINDINGS[app.name]);
    const dtoFindings = compareDtos(schema, dtos);
    assert.deepEqual(
      dtoFindings.filter((f) => f.severity !== 'info').map((f) => `${f.model}.${f.field} ${f.locations[0].file}:${f.locations[0].line}`),
      EXPECTED_DTO_MISMATCHES[app.name],
    );
    assert.equal(dtoFindings.filter((f) => f.severity === 'info').length, EXPECTED_DTO_INFO[app.name]);
  });
}
