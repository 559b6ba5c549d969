/**
 * Every source the audit reads (design docs, application code) is lowered to claims:
 * "this source says model M has field f (of type T), at file:line". Comparison with the
 * schema is then a pure function over claims (see compare.ts).
 */

export type ClaimSource = 'docs' | 'code';

export interface ClaimLocation {
  file: string;
  line: number;
  column: number;
}

/** What a source says about a field's type. Docs say it in words; code implies it by literal values. */
export interface ClaimedType {
  /** Schema type names this claim accepts (`number` in docs accepts Int, Float, Decimal and BigInt). */
  accepts: string[];
  /** The type as the source wrote it, for messages. */
  written: string;
  list: boolean;
  /** Undefined when the source does not say. */
  optional?: boolean;
  /** True when inferred from a literal in code rather than written in docs. */
  inferred?: boolean;
}

/** What docs say about a field besides its type: kept in the fields `audit --fix` proposes. */
export interface FieldFacts {
  /** The default as the docs write it, quotes and backticks kept (`1000`, `` `FREE` ``, `true`, `now()`, `"UTC"`). */
  default?: string;
  unique?: boolean;
  updatedAt?: boolean;
}

/** A source names a model (a documented section, a `prisma.<delegate>` call). */
export interface ModelClaim {
  kind: 'model';
  source: ClaimSource;
  model: string;
  location: ClaimLocation;
  /**
   * Whether the source is unambiguous that this is a model: a `prisma` block, a heading
   * written as code or with the word "model", a typed field table. A plain heading such as
   * "Billing" followed by a list is a claim only when the schema has that model.
   */
  explicit: boolean;
  /** `enum` blocks in docs. */
  isEnum?: boolean;
}

export interface FieldClaim {
  kind: 'field';
  source: ClaimSource;
  model: string;
  field: string;
  location: ClaimLocation;
  type?: ClaimedType;
  /** Free text the docs attach to the field (a Notes column, the rest of a bullet). */
  note?: string;
  /** Default, uniqueness and @updatedAt, when the docs state them. */
  facts?: FieldFacts;
  /** Code: where in the query the field appears (`where`, `data`, `select`, `orderBy`...). */
  context?: string;
}

/** Query features whose support depends on the database provider. */
export type ProviderFeature = 'insensitive-mode' | 'scalar-list-filter' | 'skip-duplicates';

/** Code uses a provider-dependent feature. */
export interface FeatureClaim {
  kind: 'feature';
  source: 'code';
  feature: ProviderFeature;
  /** The operator or option as written: `mode: 'insensitive'`, `has`, `skipDuplicates`. */
  written: string;
  model: string;
  field?: string;
  location: ClaimLocation;
}

export type Claim = ModelClaim | FieldClaim | FeatureClaim;
