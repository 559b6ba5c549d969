/**
 * What a person reading each commit's migration SQL (../shared/realworld-history/<app>/<case>/
 * migration.sql, with before.prisma and after.prisma) expects `steward diff` to say:
 *
 * - severity: the highest one, by the policy of src/diff/codes.ts: breaking when data is dropped,
 *   a migration fails on existing rows, or Prisma Client code stops compiling (a relation field
 *   renamed, a required field every create must now pass); dangerous when it may fail on some
 *   data or changes behaviour (a unique index, a foreign key on existing columns, a narrower
 *   type, a backfill, an enum value added: documented policy); safe otherwise; `none` when the
 *   schema did not change in a way the database or client sees.
 * - renames: the members whose data the SQL keeps under a new name (ALTER ... RENAME, or rows
 *   copied into the new table), as `model Old -> New`, `enum Old -> New`, `field Model.old -> new`,
 *   `value Enum.old -> new`. Prisma's enum rebuild (`X` to `X_old`, a new `X`, DROP `X_old`) and a
 *   column replaced by a converted copy under the same name are no rename in the schema.
 * - data: the SQL holds a data statement (UPDATE, INSERT, DELETE).
 * - indexes: indexes the SQL creates that the new schema does not declare.
 *
 * `disagreement` marks an expectation steward does not meet, saying why steward is right.
 */
import type { ChangeSeverity } from '../../src/diff/codes.js';

export interface Classification {
  severity: ChangeSeverity | 'none';
  renames: string[];
  data: boolean;
  indexes: string[];
}

export interface Expectation extends Classification {
  disagreement?: string;
}

function e(severity: Classification['severity'], more: Partial<Expectation> = {}): Expectation {
  return { severity, renames: [], data: false, indexes: [], ...more };
}

const data = true;

export const HISTORY_EXPECTATIONS: Record<string, Expectation> = {
  // ---- documenso: the last 40 schema-changing commits --------------------------------------------
  'documenso/01_04f6e76178': e('safe'), // ADD COLUMN with a default
  'documenso/02_4f346d3c2d': e('dangerous'), // ALTER TYPE ADD VALUE (enum-value-added policy)
  'documenso/03_d5ce222482': e('breaking'), // signatureLevel NOT NULL, default dropped: "future INSERTs must specify" it
  'documenso/04_4ee789ea37': e('safe'), // new tables, nullable columns
  'documenso/05_993a494784': e('safe'),
  'documenso/06_61138cdd81': e('breaking'), // NOT NULL columns whose defaults are dropped: creates must pass them
  'documenso/07_0b86ece1d5': e('safe'),
  'documenso/08_f10d3284ba': e('safe'), // ADD COLUMN DEFAULT true, then the default for new rows becomes false: one new column
  'documenso/09_4935f387bf': e('safe'), // nullable column and a plain index
  'documenso/10_7cb64c3d04': e('dangerous'), // DROP NOT NULL, FK re-created ON DELETE SET NULL
  'documenso/11_36bbd97514': e('dangerous'), // ADD VALUE
  'documenso/12_70fb834a6a': e('dangerous'), // ADD VALUE
  'documenso/13_0ce909a298': e('safe'), // CREATE INDEX
  'documenso/14_c112392da9': e('safe'),
  'documenso/15_653ab3678a': e('safe'), // new table and its indexes
  'documenso/16_006b1d0a57': e('dangerous'), // ADD VALUE
  'documenso/17_bb3e9583e4': e('safe'),
  'documenso/18_cef7987a72': e('safe'), // CREATE INDEX
  'documenso/19_baa2c51123': e('safe'),
  'documenso/20_7a94ee3b83': e('safe'),
  'documenso/21_94646cd48a': e('safe'), // indexes only
  'documenso/22_3d1fe85d62': e('safe'), // indexes only
  'documenso/23_d05bfa9fed': e('none'), // no migration, no schema change the database sees
  'documenso/24_03eb6af69a': e('breaking', { data }), // required column backfilled by UPDATE, then SET NOT NULL
  'documenso/25_2eebc0e439': e('safe'), // new table with its FK
  // Envelope is created and filled with INSERT ... SELECT from Document before Document is dropped: its rows live on.
  'documenso/26_7f09ba72f4': e('breaking', { data, renames: ['model Document -> Envelope'] }),
  'documenso/27_3c646d9475': e('breaking'), // DROP INDEX of a compound unique: findUnique by it no longer compiles
  'documenso/28_9ac7b94d9a': e('breaking', { data }), // backfill INSERT/UPDATE, SET NOT NULL
  'documenso/29_d1eb14ac16': e('safe'),
  'documenso/30_3409aae411': e('breaking', { data }), // UPDATE of settings JSON, SET NOT NULL
  'documenso/31_32a5d33a16': e('dangerous'), // FK re-created with another ON DELETE
  'documenso/32_400d2a2b1a': e('dangerous'), // ADD VALUE
  'documenso/33_e6dc237ad2': e('breaking', {
    data,
    disagreement:
      'The team drops TeamMemberInvite (pending invitations are not carried over) and creates OrganisationMemberInvite, and creates OrganisationMemberInviteStatus before dropping TeamMemberInviteStatus, so a reader of the SQL records no rename. Steward reports both as probable renames because they are alike (the same three enum values; the same invitation columns but the team key, names sharing "member invite"). That is the question to ask: whether pending invitations may be lost is the author\'s decision, which `migrate create` asks for (or `--accept-drop TeamMemberInvite` records) instead of dropping them silently.',
  }),
  'documenso/34_17370749b4': e('safe'), // Folder created and reshaped within the same commit; Document.folderId nullable with a new FK
  'documenso/35_12ada567f5': e('safe'),
  'documenso/36_bdb0b0ea88': e('safe'),
  'documenso/37_193325717d': e('safe'), // ADD COLUMN with defaults
  'documenso/38_063fd32f18': e('safe'),
  'documenso/39_f1525991dc': e('safe'),
  'documenso/40_63a4bab0fe': e('dangerous'), // ADD VALUE

  // ---- formbricks: commits whose migration contains a RENAME ------------------------------------
  'formbricks/rename_1b9d91f1e8': e('breaking'), // ApiKey rebuilt as ApiKeyNew, old table dropped, ApiKeyNew renamed back: the same model, its data dropped
  'formbricks/rename_30d3297002': e('breaking'), // enum rebuild without a value
  'formbricks/rename_839144d338': e('breaking'), // tables, columns and enum values dropped
  'formbricks/rename_88657e82bd': e('breaking', {
    renames: [
      'enum ConnectorStatus -> FeedbackSourceStatus',
      'enum ConnectorType -> FeedbackSourceType',
      'field FeedbackSourceFieldMapping.connectorId -> feedbackSourceId',
      'field FeedbackSourceFormbricksMapping.connectorId -> feedbackSourceId',
      'model Connector -> FeedbackSource',
      'model ConnectorFieldMapping -> FeedbackSourceFieldMapping',
      'model ConnectorFormbricksMapping -> FeedbackSourceFormbricksMapping',
    ],
  }),
  // Project, ProjectTeam and ApiKeyEnvironment are renamed; environmentId columns are replaced by workspaceId columns filled by UPDATE (no rename).
  'formbricks/rename_939fedfca4': e('breaking', {
    data,
    renames: [
      'enum ProjectTeamPermission -> WorkspaceTeamPermission',
      'field Language.projectId -> workspaceId',
      'field Survey.projectOverwrites -> workspaceOverwrites',
      'field WorkspaceTeam.projectId -> workspaceId',
      'model ApiKeyEnvironment -> ApiKeyWorkspace',
      'model Project -> Workspace',
      'model ProjectTeam -> WorkspaceTeam',
    ],
  }),
  'formbricks/rename_dd394f1d2c': e('breaking', { data }), // UPDATE scheduled -> paused, enum rebuild, DROP COLUMN
  'formbricks/rename_f49375dce4': e('safe'), // new table and enum

  // ---- ghostfolio: the last 40 schema-changing commits, and its RENAME commits -------------------
  'ghostfolio/01_4da8658eec': e('dangerous'), // DROP INDEX
  'ghostfolio/02_17e1a2b5fc': e('breaking'), // DROP COLUMN, DROP TYPE
  'ghostfolio/03_108e29444a': e('dangerous', { data }), // new column with a default, filled by UPDATE
  'ghostfolio/04_9d2e4b732c': e('safe'), // CREATE INDEX
  'ghostfolio/05_7ded5e4340': e('breaking'), // DROP COLUMN
  'ghostfolio/06_cb6da5c24f': e('dangerous', { data }), // INSERT of tags for drafts: data only
  'ghostfolio/07_ddd20d3099': e('breaking'), // DROP COLUMN
  'ghostfolio/08_ddf446f915': e('safe'), // new table
  'ghostfolio/09_263e064fd6': e('breaking', { data }), // INSERT tags, then DROP COLUMN
  'ghostfolio/10_9b590efa87': e('breaking'), // model renamed, table kept by @@map: no SQL, client delegate renamed
  'ghostfolio/11_9d98799b47': e('none'), // field reordered
  'ghostfolio/12_79e382a8f7': e('safe'), // new join table
  'ghostfolio/13_7d779d8461': e('safe'),
  'ghostfolio/14_8e3778cc66': e('dangerous'), // CREATE UNIQUE INDEX on an existing table
  'ghostfolio/15_65941eb62e': e('none'),
  'ghostfolio/16_fb6b09b211': e('dangerous'), // ADD VALUE
  'ghostfolio/17_c311d835fa': e('safe'), // CREATE INDEX
  'ghostfolio/18_4cd16c33f8': e('dangerous'), // ADD VALUE
  'ghostfolio/19_364b2f020e': e('breaking'), // enum rebuild without ITEM
  'ghostfolio/20_28bdcc63d8': e('safe'),
  'ghostfolio/21_40f5c93f43': e('safe'), // new table
  // 22-40: relation fields renamed in the client only (no SQL): code using the old names no longer compiles.
  'ghostfolio/22_a0b00ff26c': e('breaking'),
  'ghostfolio/23_6940700a1b': e('dangerous'), // ADD VALUE
  'ghostfolio/24_cf8eac3d44': e('breaking'),
  'ghostfolio/25_9c37bca43a': e('breaking'),
  'ghostfolio/26_da674f9cfb': e('breaking'),
  'ghostfolio/27_433f1686e3': e('breaking'),
  'ghostfolio/28_77d3121f0d': e('breaking'),
  'ghostfolio/29_5dfe9b54fe': e('breaking'),
  'ghostfolio/30_738f7490f6': e('breaking'),
  'ghostfolio/31_d5d74eb4db': e('breaking'),
  'ghostfolio/32_20070d76bc': e('breaking'),
  'ghostfolio/33_0f537adf3e': e('breaking'),
  'ghostfolio/34_25a755d1bf': e('breaking'),
  'ghostfolio/35_e38ce2852c': e('breaking'),
  'ghostfolio/36_9e74eec04d': e('breaking'),
  'ghostfolio/37_037d3b1a60': e('breaking'),
  'ghostfolio/38_67db1b0de4': e('breaking'),
  'ghostfolio/39_d661cdc78f': e('breaking'),
  'ghostfolio/40_8fbdcac66c': e('breaking'),
  'ghostfolio/rename_0b65d05013': e('breaking'), // enum rebuild without RAKUTEN: not a rename
  'ghostfolio/rename_364b2f020e': e('breaking'), // enum rebuild without ITEM
  'ghostfolio/rename_851401be1e': e('breaking'), // enum rebuild without GHOSTFOLIO
  // ADD VALUE 'LIQUIDITY', UPDATE ... SET 'LIQUIDITY' WHERE 'CASH', rebuild without CASH: the value is renamed.
  'ghostfolio/rename_cdbe6eedeb': e('breaking', { data, renames: ['value AssetClass.CASH -> LIQUIDITY'] }),

  // ---- hoppscotch: the last 25 schema-changing commits, and its RENAME commit --------------------
  'hoppscotch/01_803e4633a2': e('breaking', { data }), // slug backfilled then NOT NULL, duplicates deleted, compound unique
  'hoppscotch/02_1824990980': e('dangerous', { data }), // orderIndex renumbered by UPDATE, FK ON DELETE changed
  'hoppscotch/03_e63bfe3723': e('safe'), // new table
  'hoppscotch/04_904a1b0405': e('none'),
  'hoppscotch/05_3acc0ec9b6': e('dangerous', { data, indexes: ['idx_mock_examples_team_requests_gin', 'idx_mock_examples_user_requests_gin'] }), // GIN expression indexes by hand
  'hoppscotch/06_a7440d58cd': e('dangerous', { data }), // orderIndex renumbered, unique added
  'hoppscotch/07_8f5eed5151': e('dangerous'), // TIMESTAMP(3) -> TIMESTAMPTZ(3): the table is rewritten
  'hoppscotch/08_f26d32c4e4': e('breaking', { renames: ['enum TeamMemberRole -> TeamAccessRole'] }), // ALTER TYPE RENAME
  'hoppscotch/09_5dccce39b4': e('breaking'), // DROP COLUMN
  'hoppscotch/10_67f0324521': e('safe'),
  'hoppscotch/11_783d911f8d': e('safe'), // new table
  'hoppscotch/12_c2085b8b6f': e('safe'), // nullable column; @db.Timestamp(3) written out on another is PostgreSQL's default: no SQL
  'hoppscotch/13_4bd23a8f4c': e('safe'), // new table
  'hoppscotch/14_f4f3fdf2d5': e('safe'),
  'hoppscotch/15_a0c6b22641': e('dangerous', { indexes: ['TeamCollection_textSearch_idx', 'TeamRequest_textSearch_idx'] }), // tsvector GIN indexes by hand
  'hoppscotch/16_6abc0e6071': e('safe'), // new table
  'hoppscotch/17_18864bfecf': e('safe'),
  'hoppscotch/18_4caf0053cd': e('dangerous'), // FK on the existing creatorUid column, unique on id
  'hoppscotch/19_efa40cf6ea': e('none'),
  // 20-25: the team changed the schema without migrations (before its first release); judged from the schemas.
  'hoppscotch/20_f78354a377': e('safe'), // new model
  'hoppscotch/21_2a715d5348': e('breaking'), // required orderIndex without a default
  'hoppscotch/22_223150550f': e('breaking'), // relation field collection renamed userCollection in the client, onDelete changed
  'hoppscotch/23_a938be3712': e('safe'), // new models
  'hoppscotch/24_5c5ab5bad5': e('breaking'), // relation field removed
  // The next commit finishes renaming PasswordlessVerification to VerificationToken (same columns, same relation).
  'hoppscotch/25_3afc89db6b': e('breaking', { renames: ['model PasswordlessVerification -> VerificationToken'] }),
  'hoppscotch/rename_f26d32c4e4': e('breaking', { renames: ['enum TeamMemberRole -> TeamAccessRole'] }),

  // ---- papermark, rallly, umami: RENAME commits --------------------------------------------------
  'papermark/rename_d848e55595': e('breaking', { renames: ['model Conversation -> Chat'] }), // ALTER TABLE RENAME
  'rallly/rename_01758f81ae': e('breaking'), // DROP TABLE, enum rebuild
  'rallly/rename_0a3bd8044b': e('breaking', { data }), // location replaced by a converted Json copy under the same name: a type change
  'rallly/rename_5e356afab6': e('breaking', { data }), // interval replaced by an enum copy under the same name: a type change
  'rallly/rename_61b3451dd5': e('breaking', { data }), // columns dropped; email_verified replaced by a Boolean copy
  'rallly/rename_7e1b5e06e6': e('breaking'), // enum rebuild without day, week
  // CASE live -> open, paused -> closed, finalized -> scheduled in the rebuild's USING: three values renamed.
  'rallly/rename_e3ed48bd0a': e('breaking', {
    renames: ['value PollStatus.finalized -> scheduled', 'value PollStatus.live -> open', 'value PollStatus.paused -> closed'],
  }),
  'rallly/rename_f99b9b0b79': e('breaking', { data }), // UPDATE OWNER -> ADMIN, rebuild without OWNER
  'umami/rename_88639dfe83': e('breaking'), // VARCHAR(200) -> VARCHAR(50) and relation fields renamed in the client; no table renamed
};
