/**
 * The drift findings of each real application's own history (applied to PostgreSQL 15, or
 * PGlite for formbricks) against its own schema. Each one was checked by hand against the
 * migration that made it; none is a steward artefact. An app with none: its history and
 * schema agree, including indexes declared with extension operator classes (documenso's
 * `gin_trgm_ops`, which needs pg_trgm in the expected-state scratch database).
 */
export interface ExpectedFinding {
  /** `<code> <table> [<column|index|foreign key|constraint|trigger>]`, or `<code> <enum|view|function|extension>`, as the test prints it. */
  finding: string;
  /** Why it is intended: the reason the test's acknowledgement gives (default: the group's). */
  reason?: string;
}

/** The objects Prisma cannot declare that a history wrote by hand on purpose. */
const HAND_WRITTEN = 'written by hand in the history on purpose; Prisma cannot declare it';

/**
 * Prisma adds an enum value with `ALTER TYPE ... ADD VALUE`, at the end of the type, wherever the
 * schema lists it: a history of Prisma's own migrations orders values by when they were added.
 * Reported as info (only ORDER BY and comparisons on the column see the order), never as drift.
 */
const ENUM_ORDER = 'values added by later migrations are appended by ADD VALUE (info)';

/**
 * The history ran `CREATE EXTENSION IF NOT EXISTS pgcrypto` (for gen_random_bytes in a
 * hand-written nanoid, or gen_random_uuid before PostgreSQL 13); the schema does not declare it
 * in `extensions = [...]`. A warning: nothing breaks, but a database built from the schema lacks it.
 */
const PGCRYPTO = 'created by the history for hand-written id functions; the schema does not declare extensions';

/**
 * formbricks' 20260528120000_rename_connector_to_feedback_source renamed the Connector tables
 * and, by hand, their constraints to names built from the field name (`feedbackSourceId`,
 * truncated by PostgreSQL to 63 bytes). Prisma's default names use the mapped column
 * (`feedback_source_id`). Same columns, same references: only the names differ, so each
 * constraint shows as one missing (schema's name) and one extra (database's name).
 */
const FORMBRICKS_RENAMED_CONSTRAINTS: ExpectedFinding[] = [
  { finding: 'missing-unique FeedbackSourceFieldMapping FeedbackSourceFieldMapping_workspaceId_feedback_source_id_s_key' },
  { finding: 'extra-unique FeedbackSourceFieldMapping FeedbackSourceFieldMapping_workspaceId_feedbackSourceId_sourceF' },
  { finding: 'missing-foreign-key FeedbackSourceFieldMapping FeedbackSourceFieldMapping_feedback_source_id_workspaceId_fkey' },
  { finding: 'extra-foreign-key FeedbackSourceFieldMapping FeedbackSourceFieldMapping_feedbackSourceId_workspaceId_fkey' },
  { finding: 'missing-unique FeedbackSourceFormbricksMapping FeedbackSourceFormbricksMapping_workspaceId_feedback_source_key' },
  { finding: 'extra-unique FeedbackSourceFormbricksMapping FeedbackSourceFormbricksMapping_workspaceId_feedbackSourceId_su' },
  { finding: 'missing-foreign-key FeedbackSourceFormbricksMapping FeedbackSourceFormbricksMapping_feedback_source_id_workspa_fkey' },
  { finding: 'extra-foreign-key FeedbackSourceFormbricksMapping FeedbackSourceFormbricksMapping_feedbackSourceId_workspaceId_fk' },
];

/**
 * formbricks' 20260702093000_add_better_auth_oauth_provider was written by hand with
 * `TEXT[] NOT NULL` for these lists; the schema's `String[]` lists are nullable columns in
 * Prisma's PostgreSQL mapping (Prisma never writes NOT NULL on a scalar list).
 */
const FORMBRICKS_NOT_NULL_LISTS: ExpectedFinding[] = [
  { finding: 'column-nullability oauthAccessToken scopes' },
  { finding: 'column-nullability oauthClient scopes' },
  { finding: 'column-nullability oauthClient contacts' },
  { finding: 'column-nullability oauthClient redirectUris' },
  { finding: 'column-nullability oauthClient postLogoutRedirectUris' },
  { finding: 'column-nullability oauthClient grantTypes' },
  { finding: 'column-nullability oauthClient responseTypes' },
  { finding: 'column-nullability oauthConsent scopes' },
  { finding: 'column-nullability oauthRefreshToken scopes' },
];

export const EXPECTED_DRIFT: Record<string, ExpectedFinding[]> = {
  documenso: [
    { finding: 'extra-extension pgcrypto', reason: PGCRYPTO },
    // 20250522054049_add_id_generator: id generators in PL/pgSQL, used by data migrations.
    { finding: 'extra-function generate_id()', reason: HAND_WRITTEN },
    { finding: 'extra-function generate_prefix_id(prefix text)', reason: HAND_WRITTEN },
    { finding: 'extra-function nanoid(size integer, alphabet text, additionalbytesfactor double precision)', reason: HAND_WRITTEN },
    { finding: 'extra-function nanoid_optimized(size integer, alphabet text, mask integer, step integer)', reason: HAND_WRITTEN },
    { finding: 'enum-value-order FieldType', reason: ENUM_ORDER },
    { finding: 'enum-value-order SubscriptionStatus', reason: ENUM_ORDER },
    { finding: 'enum-value-order UserSecurityAuditLogType', reason: ENUM_ORDER },
    { finding: 'enum-value-order WebhookTriggerEvents', reason: ENUM_ORDER },
  ],
  formbricks: [
    { finding: 'enum-value-order IntegrationType', reason: ENUM_ORDER },
    { finding: 'enum-value-order displayOptions', reason: ENUM_ORDER },
    ...FORMBRICKS_RENAMED_CONSTRAINTS,
    ...FORMBRICKS_NOT_NULL_LISTS,
    // 20260620000000_eng_1054_emailverified_boolean_account_type_nullable keeps the old
    // verification timestamps for a rollback: "This temp column is intentionally NOT in schema.prisma".
    { finding: 'extra-column User email_verified_at' },
  ],
  ghostfolio: [
    { finding: 'enum-value-order AssetClass', reason: ENUM_ORDER },
    { finding: 'enum-value-order AssetSubClass', reason: ENUM_ORDER },
    { finding: 'enum-value-order DataSource', reason: ENUM_ORDER },
    { finding: 'enum-value-order Provider', reason: ENUM_ORDER },
    { finding: 'enum-value-order Role', reason: ENUM_ORDER },
  ],
  hoppscotch: [
    // 20240226053141_full_text_search_additions: CREATE EXTENSION pg_trgm for the trigram indexes below;
    // the schema neither declares it nor uses its operator classes.
    { finding: 'extra-extension pg_trgm', reason: 'created by the history for hand-written trigram indexes' },
    // 20251016080714_mock_server: a trigger function copies request examples into "mockExamples".
    { finding: 'extra-function sync_mock_examples()', reason: HAND_WRITTEN },
    { finding: 'extra-trigger TeamRequest trigger_sync_mock_examples_team_request', reason: HAND_WRITTEN },
    { finding: 'extra-trigger UserRequest trigger_sync_mock_examples_user_request', reason: HAND_WRITTEN },
    // 20240226053141_full_text_search_additions: trigram GIN indexes written by hand for search.
    { finding: 'extra-index TeamCollection TeamCollection_title_trgm_idx' },
    { finding: 'extra-index TeamRequest TeamRequest_title_trgm_idx' },
    // 20251016080714_mock_server: GIN indexes on the Json column "mockExamples", added by hand.
    { finding: 'extra-index TeamRequest idx_mock_examples_team_requests_gin' },
    { finding: 'extra-index UserRequest idx_mock_examples_user_requests_gin' },
  ],
  papermark: [
    // 20250624042156_viewers_performance_optimization, by hand: a partial index (WHERE "documentId"
    // IS NOT NULL, viewedAt DESC) and two expression indexes on lower("email"), which Prisma cannot declare.
    { finding: 'extra-index View View_viewerId_viewedAt_idx' },
    { finding: 'extra-index Viewer Viewer_email_prefix_idx' },
    { finding: 'extra-index Viewer Viewer_teamId_email_idx' },
    { finding: 'enum-value-order Role', reason: ENUM_ORDER },
  ],
  rallly: [
    // 20220315143815_init created "User_email_key"; 20220511180705_naming_convention_update renamed
    // the table to "users" and created "users_email_key" without dropping the old index: the
    // database has two unique indexes on users.email, the schema one.
    { finding: 'extra-unique users User_email_key', reason: 'left behind by a table rename in 20220511180705; harmless duplicate' },
    { finding: 'extra-extension pgcrypto', reason: PGCRYPTO },
    // 20220329102907_add_links: nanoid() in PL/pgSQL for ids generated in SQL.
    { finding: 'extra-function nanoid(size integer)', reason: HAND_WRITTEN },
    // 20250602181052_add_instance_settings_constraints: a singleton row, guarded by a CHECK and a trigger.
    { finding: 'extra-check instance_settings instance_settings_singleton', reason: HAND_WRITTEN },
    { finding: 'extra-function prevent_delete_instance_settings()', reason: HAND_WRITTEN },
    { finding: 'extra-trigger instance_settings trg_prevent_instance_settings_deletion', reason: HAND_WRITTEN },
    // 20260709104425_enforce_all_day_event_invariants: CHECK constraints for all-day events.
    { finding: 'extra-check scheduled_events all_day_is_floating', reason: HAND_WRITTEN },
    { finding: 'extra-check scheduled_events all_day_is_utc_midnight', reason: HAND_WRITTEN },
  ],
  umami: [
    // The schema declares @@index([visitId]) on SessionReplay (session_replay), but
    // 19_add_session_replay creates only the (website_id, visit_id) index: the schema is ahead of the history.
    {
      finding: 'missing-index session_replay session_replay_visit_id_idx',
      reason: 'the schema is ahead of the history (upstream bug), acknowledged until fixed',
    },
    { finding: 'extra-extension pgcrypto', reason: PGCRYPTO },
  ],
};
