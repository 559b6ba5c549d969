import { type Annotation, includedIn, parseAnnotations } from '../generate/annotations.js';
import type { Provider } from '../providers/provider.js';
import { normalizeProvider } from '../providers/registry.js';
import type { GenerationChange } from '../generate/changes.js';
import { transformForEnvironment } from '../generate/transform.js';
import type { Attribute, Comment, Enum, Field, Model, Schema, Span, Value } from '../schema/model.js';
import { isScalarType } from '../schema/model.js';
import { databaseName, datasourceProvider, fieldRefs, getArgument, getAttribute, mappedName, findModel } from '../schema/query.js';
import { type ChangeSeverity, DIFF_CODES, type DiffCode, type EnvironmentEffect, type SchemaChange, type TransitionDescription } from './codes.js';
import { migrationSqlChanges, type MigrationScript } from './migration-sql.js';
import {
  type InferenceContext,
  inferEnumRenames,
  inferEnumValueRenames,
  inferFieldRenames,
  inferModelRenames,
  type RenameCandidate,
} from './rename-inference.js';

/** An environment as the diff needs it: a name and the provider it is generated for. */
export interface DiffEnvironment {
  name: string;
  provider: Provider;
}

export interface DiffOptions {
  /**
   * Environments to report per-environment effects for (a list field is Json on SQLite...).
   * Without them, environment names are taken from the annotations of both schemas and no
   * provider-specific effects are computed.
   */
  environments?: readonly DiffEnvironment[];
  /**
   * Severity policy: a code's severity when it differs from the default decided in codes.ts
   * (`changes.severities` in the configuration, e.g. `{ 'enum-value-added': 'safe' }`).
   */
  severities?: Partial<Record<DiffCode, ChangeSeverity>>;
  /** The migration SQL committed with the change: data statements and undeclared indexes in it are reported. */
  migrations?: readonly MigrationScript[];
  /** Report probable renames (default true); false reports them as removed and added. */
  inferRenames?: boolean;
  /**
   * Describe `@steward.transition` fields as expand/contract transitions (default true); false
   * compares them as any field (what a one-step migration of the same change does).
   */
  transitions?: boolean;
}

/**
 * The semantic difference between two versions of the master: a pure function of two schema
 * models. Things are compared by what they are (model names, database names, column lists),
 * never by where they are written, so splitting a schema into files or reordering it is no change.
 */
export function diffSchemas(from: Schema, to: Schema, options: DiffOptions = {}): SchemaChange[] {
  return new SchemaDiff(from, to, options).run();
}

type Side = 'from' | 'to';

interface Constraint {
  kind: 'unique' | 'index' | 'fulltext';
  /** Database column names, in order. */
  columns: string[];
  /** Whether written on the field (`@unique`) or as a block attribute. */
  onField: boolean;
  /** Everything else (sort orders, type, map name), normalised for comparison. */
  options: string;
  span: Span;
  fieldName?: string;
}

class SchemaDiff {
  private readonly changes: SchemaChange[] = [];
  /** New model/enum name -> old name, for renames. */
  private readonly typeRenames = new Map<string, string>();
  /** Old column -> new column of the probable field renames of the model pair being compared. */
  private columnRenames = new Map<string, string>();
  /** Old models whose table a `@steward.transition(dropTable: ...)` retires (their back-relations go with them). */
  private readonly retiredModels = new Set<string>();
  private readonly envNames: string[];

  constructor(
    private readonly from: Schema,
    private readonly to: Schema,
    private readonly options: DiffOptions,
  ) {
    this.envNames = options.environments?.map((e) => e.name) ?? annotatedEnvNames([from, to]);
  }

  run(): SchemaChange[] {
    this.provider();
    const models = pairBlocks(this.from.models, this.to.models);
    const views = pairBlocks(this.from.views, this.to.views);
    const types = pairBlocks(this.from.types, this.to.types);
    const enums = pairBlocks(this.from.enums, this.to.enums);
    for (const p of [...models.pairs, ...views.pairs, ...types.pairs, ...enums.pairs])
      if (p.from.name !== p.to.name) this.typeRenames.set(p.to.name, p.from.name);

    // Probable renames: enums first (their values say it), then models (whose fields may use them).
    const probableEnums = this.options.inferRenames === false ? [] : inferEnumRenames(enums.removed, enums.added, this.from.models, this.to.models);
    for (const c of probableEnums) {
      this.pairProbable(enums, c);
      this.typeRenames.set(c.to.name, c.from.name);
    }
    // Tables retired by expand/contract: one change each, never a probable rename.
    const retired = this.options.transitions === false ? [] : this.takeRetiredTables(models.removed);
    const probableModels =
      this.options.inferRenames === false
        ? []
        : inferModelRenames(models.removed, models.added, this.from.models, this.to.models, this.inference, (a, b) => this.typeRenames.set(b.name, a.name));
    for (const c of probableModels) this.pairProbable(models, c);

    for (const e of enums.removed) this.add('enum-removed', 'from', e.nameSpan, `enum ${e.name} removed`, { model: e.name });
    for (const e of enums.added) this.add('enum-added', 'to', e.nameSpan, `enum ${e.name} added`, { model: e.name });
    for (const p of enums.pairs)
      this.enumPair(
        p.from,
        p.to,
        probableEnums.find((c) => c.to === p.to),
      );

    for (const { model, foreignKeys } of retired)
      this.add(
        'model-transition-drop',
        'from',
        model.nameSpan,
        `model ${model.name} removed by expand/contract (table ${databaseName(model)} dropped at contract)`,
        { model: model.name, table: databaseName(model) },
        { kind: 'dropTable', column: '', expand: foreignKeys, fieldRenamed: false, typeChanged: false, phases: [] },
      );
    for (const m of models.removed)
      this.add('model-removed', 'from', m.nameSpan, `model ${m.name} removed (table ${databaseName(m)})`, { model: m.name, table: databaseName(m) });
    for (const m of models.added)
      this.add('model-added', 'to', m.nameSpan, `model ${m.name} added (table ${databaseName(m)})`, { model: m.name, table: databaseName(m) });
    for (const p of models.pairs)
      this.modelPair(
        p.from,
        p.to,
        probableModels.find((c) => c.to === p.to),
      );

    for (const m of views.removed) this.add('view-removed', 'from', m.nameSpan, `view ${m.name} removed`, { model: m.name, table: databaseName(m) });
    for (const m of views.added) this.add('view-added', 'to', m.nameSpan, `view ${m.name} added`, { model: m.name, table: databaseName(m) });
    for (const p of views.pairs) this.viewOrTypePair(p.from, p.to, 'view');

    for (const m of types.removed) this.add('composite-type-removed', 'from', m.nameSpan, `composite type ${m.name} removed`, { model: m.name });
    for (const m of types.added) this.add('composite-type-added', 'to', m.nameSpan, `composite type ${m.name} added`, { model: m.name });
    for (const p of types.pairs) this.viewOrTypePair(p.from, p.to, 'type');

    if (this.options.migrations?.length) {
      for (const c of migrationSqlChanges(this.options.migrations, this.to))
        this.add(c.code, 'to', this.to.datasources[0]?.nameSpan ?? EMPTY_SPAN, c.message, { table: c.table, after: c.statement });
    }
    if (this.options.environments?.length) this.attachEnvironmentEffects();
    return this.changes;
  }

  private pairProbable<T>(set: { pairs: { from: T; to: T }[]; added: T[]; removed: T[] }, c: RenameCandidate<T>): void {
    set.removed.splice(set.removed.indexOf(c.from), 1);
    set.added.splice(set.added.indexOf(c.to), 1);
    set.pairs.push({ from: c.from, to: c.to });
  }

  /** The questions rename inference asks about the two schemas. */
  private readonly inference: InferenceContext = {
    canonical: (name, side) => this.canonicalType(name, side),
    isRelation: (f, side) => this.isRelation(side === 'from' ? this.from : this.to, f),
    signature: (f, side) => {
      const type = `${this.canonicalType(f.type.name, side)}${f.type.unsupported !== undefined ? `("${f.type.unsupported}")` : ''}${f.type.list ? '[]' : ''}${f.type.optional ? '?' : ''}`;
      const attributes = f.attributes
        .filter((a) => a.name !== 'map' && a.name !== 'relation')
        .map(
          (a) =>
            `@${a.name}(${a.args
              .filter((x) => x.name !== 'map')
              .map((x) => (x.name ? `${x.name}: ` : '') + valueText(x.value))
              .join(', ')})`,
        )
        .sort();
      return [type, ...attributes].join(' ');
    },
    foreignKey: (model, field, side) => {
      for (const r of model.fields) {
        const attr = getAttribute(r, 'relation');
        if (!attr || !this.isRelation(side === 'from' ? this.from : this.to, r)) continue;
        const index = fieldRefs(getArgument(attr, 'fields')?.value).indexOf(field.name);
        if (index >= 0) return { target: this.canonicalType(r.type.name, side), index };
      }
      return undefined;
    },
  };

  private probable(
    code: DiffCode,
    c: RenameCandidate<{ name: string; attributes: Attribute[] }>,
    span: Span,
    prefix: string,
    drop: string,
    where: Partial<SchemaChange>,
  ): void {
    const renamedFrom = databaseName(c.from);
    this.add(
      code,
      'to',
      span,
      `${prefix}${c.from.name} -> ${c.to.name} is probably a rename (${c.evidence.join('; ')}): confirm it with /// @steward.renamedFrom("${renamedFrom}") on ${c.to.name}, or it migrates as ${drop}`,
      {
        ...where,
        before: c.from.name,
        after: c.to.name,
        renamedFrom,
        evidence: c.evidence,
      },
    );
  }

  /** The field's transition, unless the caller compares transitions as plain changes. */
  private transitionOf(f: Field): ReturnType<typeof transitionOf> {
    return this.options.transitions === false ? undefined : transitionOf(f.docs);
  }

  // ---- recording -----------------------------------------------------------------------------

  private add(
    code: DiffCode,
    side: Side,
    span: Span,
    message: string,
    extra: Partial<Pick<SchemaChange, 'model' | 'field' | 'table' | 'column' | 'before' | 'after' | 'envs' | 'renamedFrom' | 'evidence'>> = {},
    transition?: TransitionDescription,
  ): void {
    const info = DIFF_CODES[code];
    this.changes.push({
      code,
      severity: this.options.severities?.[code] ?? info.severity,
      reason: info.reason,
      message,
      ...extra,
      ...(transition ? { transition } : {}),
      envs: extra.envs ?? [],
      usages: [],
      location: { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn },
      locationSide: side,
    });
  }

  // ---- datasource ----------------------------------------------------------------------------

  private provider(): void {
    const a = normalizeProvider(datasourceProvider(this.from));
    const b = normalizeProvider(datasourceProvider(this.to));
    if (a !== undefined && b !== undefined && a !== b) {
      const ds = this.to.datasources[0];
      this.add('provider-changed', 'to', ds.nameSpan, `datasource provider changed from ${a} to ${b}`, { before: a, after: b });
    }
  }

  // ---- enums ---------------------------------------------------------------------------------

  private enumPair(a: Enum, b: Enum, probable?: RenameCandidate<Enum>): void {
    if (probable)
      this.probable(
        'probable-enum-rename',
        probable,
        b.nameSpan,
        'enum ',
        `a new type "${databaseName(b)}", a cast of every column using it and DROP TYPE "${databaseName(a)}"`,
        { model: b.name },
      );
    else if (a.name !== b.name)
      this.add('enum-renamed', 'to', b.nameSpan, `enum ${a.name} renamed to ${b.name}`, { model: b.name, before: a.name, after: b.name });
    if (!probable && databaseName(a) !== databaseName(b)) {
      this.add('enum-type-renamed', 'to', b.nameSpan, `enum ${b.name} database name changed from ${databaseName(a)} to ${databaseName(b)}`, {
        model: b.name,
        before: databaseName(a),
        after: databaseName(b),
      });
    }
    const values = pairBlocks(a.values, b.values);
    const probableValues = this.options.inferRenames === false ? [] : inferEnumValueRenames(a, b, values.removed, values.added);
    for (const c of probableValues) {
      this.pairProbable(values, c);
      this.probable(
        'probable-enum-value-rename',
        c,
        c.to.nameSpan,
        `value ${b.name}.`,
        `a rebuilt type that no longer has "${databaseName(c.from)}" (rows holding it fail the migration)`,
        { model: b.name, field: c.to.name },
      );
    }
    for (const v of values.removed) this.add('enum-value-removed', 'from', v.nameSpan, `value ${a.name}.${v.name} removed`, { model: b.name, field: v.name });
    for (const v of values.added) this.add('enum-value-added', 'to', v.nameSpan, `value ${b.name}.${v.name} added`, { model: b.name, field: v.name });
    for (const p of values.pairs) {
      if (probableValues.some((c) => c.to === p.to)) {
        // Reported above as a probable rename.
      } else if (p.from.name !== p.to.name) {
        // A renamed enum value is, for the database and the client, a removal and an addition.
        this.add('enum-value-removed', 'from', p.from.nameSpan, `value ${a.name}.${p.from.name} removed (renamed to ${p.to.name})`, {
          model: b.name,
          field: p.from.name,
        });
        this.add('enum-value-added', 'to', p.to.nameSpan, `value ${b.name}.${p.to.name} added (renamed from ${p.from.name})`, {
          model: b.name,
          field: p.to.name,
        });
      } else if (databaseName(p.from) !== databaseName(p.to)) {
        this.add(
          'enum-value-renamed',
          'to',
          p.to.nameSpan,
          `value ${b.name}.${p.to.name} is stored as "${databaseName(p.to)}" instead of "${databaseName(p.from)}"`,
          {
            model: b.name,
            field: p.to.name,
            before: databaseName(p.from),
            after: databaseName(p.to),
          },
        );
      }
      this.annotationChanges(p.from.docs, p.to.docs, p.to.nameSpan, `${b.name}.${p.to.name}`, { model: b.name, field: p.to.name });
    }
    this.annotationChanges(a.docs, b.docs, b.nameSpan, `enum ${b.name}`, { model: b.name });
  }

  // ---- models --------------------------------------------------------------------------------

  private modelPair(a: Model, b: Model, probable?: RenameCandidate<Model>): void {
    const table = databaseName(b);
    const where = { model: b.name, table };
    if (probable)
      this.probable(
        'probable-model-rename',
        probable,
        b.nameSpan,
        'model ',
        `DROP TABLE "${databaseName(a)}" (with its rows) and CREATE TABLE "${table}"`,
        where,
      );
    else if (a.name !== b.name)
      this.add('model-renamed', 'to', b.nameSpan, `model ${a.name} renamed to ${b.name}`, { ...where, before: a.name, after: b.name });
    if (!probable && databaseName(a) !== table) {
      this.add('table-renamed', 'to', b.nameSpan, `table of ${b.name} changed from ${databaseName(a)} to ${table}`, {
        ...where,
        before: databaseName(a),
        after: table,
      });
    }
    this.annotationChanges(a.docs, b.docs, b.nameSpan, `model ${b.name}`, where);

    const fields = pairBlocks(a.fields, b.fields, this.options.transitions !== false);
    // Splits and drops by expand/contract: taken out before rename inference, described as one change each.
    const retiring = this.options.transitions === false ? [] : this.takeSplitsAndDrops(a, b, fields);
    const probableFields = this.options.inferRenames === false ? [] : inferFieldRenames(a, b, fields.removed, fields.added, this.inference);
    for (const c of probableFields) this.pairProbable(fields, c);
    // Keys, constraints and relations on a probably renamed column are compared under its new name.
    this.columnRenames = new Map(probableFields.map((c) => [databaseName(c.from), databaseName(c.to)]));
    for (const p of fields.pairs) if (this.transitionOf(p.to)?.from === databaseName(p.from)) this.columnRenames.set(databaseName(p.from), databaseName(p.to));
    for (const describe of retiring) describe();
    for (const f of fields.removed) {
      const relation = this.isRelation(this.from, f);
      // A back-relation to a table retired by expand/contract goes with it.
      if (relation && this.retiredModels.has(f.type.name)) continue;
      this.add(relation ? 'relation-removed' : 'field-removed', 'from', f.nameSpan, `${relation ? 'relation field' : 'field'} ${a.name}.${f.name} removed`, {
        ...where,
        field: f.name,
        column: relation ? undefined : databaseName(f),
      });
    }
    const newColumns = new Set(fields.added.filter((f) => !this.isRelation(this.to, f)));
    for (const f of fields.added) this.fieldAdded(b, f, newColumns);
    for (const p of fields.pairs)
      this.fieldPair(
        a,
        b,
        p.from,
        p.to,
        probableFields.find((c) => c.to === p.to),
      );

    this.primaryKey(a, b);
    this.constraints(a, b);
  }

  /**
   * The old models whose table the new datasource's `@steward.transition(dropTable: "t")` retires,
   * taken out of `removed`, each with whether it had foreign keys to other tables (expand drops them).
   */
  private takeRetiredTables(removed: Model[]): Array<{ model: Model; foreignKeys: boolean }> {
    const tables = new Set(
      this.to.datasources.flatMap((d) => safeAnnotations(d.docs).flatMap((x) => (x.kind === 'transition' && x.dropTable !== undefined ? [x.dropTable] : []))),
    );
    if (tables.size === 0) return [];
    const retired = removed.filter((m) => tables.has(databaseName(m)));
    for (const m of retired) {
      removed.splice(removed.indexOf(m), 1);
      this.retiredModels.add(m.name);
    }
    return retired.map((model) => ({
      model,
      foreignKeys: model.fields.some(
        (f) => f.type.name !== model.name && fieldRefs(getArgument(getAttribute(f, 'relation') ?? { args: [] }, 'fields')?.value).length > 0,
      ),
    }));
  }

  /**
   * Splits (several new fields `@steward.transition(from: "c", ...)` of one old column) and drops
   * (`@steward.transition(drop: "c")` on the model) of a model pair: their fields taken out of
   * `fields` (a split's members, paired with the old field by their `from`, are unpaired), and one
   * change each to record once the pair's other changes are known.
   */
  private takeSplitsAndDrops(a: Model, b: Model, fields: { pairs: { from: Field; to: Field }[]; added: Field[]; removed: Field[] }): Array<() => void> {
    const where = { model: b.name, table: databaseName(b) };
    const out: Array<() => void> = [];
    const bySource = new Map<string, Field[]>();
    for (const f of b.fields) {
      const from = this.isRelation(this.to, f) ? undefined : this.transitionOf(f)?.from;
      if (from !== undefined) bySource.set(from, [...(bySource.get(from) ?? []), f]);
    }
    const oldField = (column: string) => fields.removed.find((f) => databaseName(f) === column && !this.isRelation(this.from, f));
    const split = new Set<string>();
    for (const [from, members] of bySource) {
      if (members.length < 2) continue;
      // Only a split this diff brings: its fields new here (or paired with the old field by their `from`).
      for (const p of [...fields.pairs]) {
        if (!members.includes(p.to) || databaseName(p.from) !== from || p.from.name === p.to.name) continue;
        fields.pairs.splice(fields.pairs.indexOf(p), 1);
        fields.removed.push(p.from);
        fields.added.push(p.to);
      }
      if (!members.every((f) => fields.added.includes(f))) continue;
      for (const f of members) fields.added.splice(fields.added.indexOf(f), 1);
      const old = oldField(from);
      if (old) fields.removed.splice(fields.removed.indexOf(old), 1);
      split.add(from);
      const parts = members.map((f) => ({ field: f.name, column: databaseName(f) }));
      // A drop annotation for the old column says what new code's rows give it until contract.
      const keep = safeAnnotations(b.docs).find((x) => x.kind === 'transition' && x.drop === from && x.backfill !== undefined);
      const backfill = keep?.kind === 'transition' ? keep.backfill : undefined;
      const label = members.map((f) => `${b.name}.${f.name}`).join(', ');
      out.push(() =>
        this.add(
          'field-transition-split',
          'to',
          members[0].nameSpan,
          `${label} split from column ${from} by expand/contract${old && old.name !== from ? ` (field ${a.name}.${old.name})` : ''}${backfill !== undefined ? `; until contract rows new code writes get ${from} = ${backfill}` : ''}`,
          { ...where, field: members[0].name, before: old?.name, after: members.map((f) => f.name).join(', ') },
          // The old column is retired like a drop: expand (a trigger, or NOT NULL dropped) comes first either way.
          {
            kind: 'split',
            from,
            column: from,
            split: parts,
            ...(backfill !== undefined ? { backfill } : {}),
            expand: true,
            fieldRenamed: false,
            typeChanged: false,
            phases: [],
          },
        ),
      );
    }
    for (const annotation of safeAnnotations(b.docs)) {
      if (annotation.kind !== 'transition' || annotation.drop === undefined || split.has(annotation.drop)) continue;
      const old = oldField(annotation.drop);
      if (!old) continue;
      fields.removed.splice(fields.removed.indexOf(old), 1);
      const { backfill } = annotation;
      // Expand has work when old code's inserts need the column filled (a backfill) or would fail without it (NOT NULL, no default).
      const expand = backfill !== undefined || (!old.type.optional && !old.type.list && getAttribute(old, 'default') === undefined);
      out.push(() =>
        this.add(
          'field-transition-drop',
          'from',
          old.nameSpan,
          `field ${a.name}.${old.name} removed by expand/contract (column ${annotation.drop} dropped at contract${backfill !== undefined ? `; until then rows new code writes get ${backfill}` : ''})`,
          { ...where, field: old.name, column: annotation.drop, before: old.name },
          {
            kind: 'drop',
            column: annotation.drop!,
            ...(backfill !== undefined ? { backfill } : {}),
            expand,
            fieldRenamed: false,
            typeChanged: false,
            phases: [],
          },
        ),
      );
    }
    return out;
  }

  private fieldAdded(model: Model, f: Field, newColumns: ReadonlySet<Field>): void {
    const where = { model: model.name, field: f.name, table: databaseName(model) };
    if (this.isRelation(this.to, f)) {
      const keys = fieldRefs(getArgument(getAttribute(f, 'relation') ?? { args: [] }, 'fields')?.value).map((n) => model.fields.find((x) => x.name === n));
      if (keys.length === 0)
        return this.add('back-relation-added', 'to', f.nameSpan, `relation field ${model.name}.${f.name} added (to ${f.type.name})`, where);
      // Columns created in this change hold NULL in existing rows (a default would be a value that must exist in the target).
      const onNewColumns = keys.every((k) => k !== undefined && newColumns.has(k) && getAttribute(k, 'default') === undefined);
      const code: DiffCode = onNewColumns ? 'relation-added-on-new-column' : 'relation-added';
      this.add(
        code,
        'to',
        f.nameSpan,
        `relation field ${model.name}.${f.name} added (to ${f.type.name})${onNewColumns ? `, on new column${keys.length > 1 ? 's' : ''} ${keys.map((k) => k!.name).join(', ')}` : ''}`,
        where,
      );
      return;
    }
    const hasDefault = getAttribute(f, 'default') !== undefined || getAttribute(f, 'updatedAt') !== undefined;
    const transition = this.transitionOf(f);
    if (transition?.backfill !== undefined && !f.type.optional && !f.type.list && !hasDefault) {
      this.add(
        'field-transition-backfill',
        'to',
        f.nameSpan,
        `field ${model.name}.${f.name} ${typeText(f)} added by expand/contract: existing rows get ${transition.backfill}`,
        { ...where, column: databaseName(f), after: transition.backfill },
        { kind: 'column', column: databaseName(f), backfill: transition.backfill, expand: true, fieldRenamed: false, typeChanged: false, phases: [] },
      );
      return;
    }
    const code: DiffCode = f.type.optional || f.type.list ? 'field-added-optional' : hasDefault ? 'field-added-with-default' : 'field-added-required';
    const kind = code === 'field-added-optional' ? 'optional' : code === 'field-added-with-default' ? 'required with a default' : 'required, no default';
    this.add(code, 'to', f.nameSpan, `field ${model.name}.${f.name} ${typeText(f)} added (${kind})`, { ...where, column: databaseName(f) });
  }

  private fieldPair(ma: Model, mb: Model, a: Field, b: Field, probable?: RenameCandidate<Field>): void {
    const where = { model: mb.name, field: b.name, table: databaseName(mb), column: databaseName(b) };
    const label = `${mb.name}.${b.name}`;
    // An expand/contract transition is one change: the rename, type change or NOT NULL it brings
    // happen in phases, so they are described by it rather than as one-step changes.
    const transition = this.isRelation(this.to, b) ? undefined : this.transitionOf(b);
    if (transition?.from !== undefined && transition.from === databaseName(a) && transition.from !== databaseName(b)) {
      this.fieldTransition(ma, mb, a, b, transition.from);
      this.defaultsAndUpdatedAt(a, b, label, where);
      return;
    }
    const backfillTransition = transition?.backfill !== undefined && a.type.optional && !b.type.optional && !b.type.list ? transition.backfill : undefined;
    if (probable) {
      const relation = this.isRelation(this.to, b);
      const drop = relation
        ? 'a removed and an added relation field (no column: only the client name changes)'
        : `DROP COLUMN "${databaseName(a)}" (with its values) and ADD COLUMN "${databaseName(b)}"`;
      this.probable('probable-field-rename', probable, b.nameSpan, `field ${mb.name}.`, drop, { ...where, column: relation ? undefined : databaseName(b) });
    } else if (a.name !== b.name)
      this.add('field-renamed', 'to', b.nameSpan, `field ${ma.name}.${a.name} renamed to ${b.name}`, { ...where, before: a.name, after: b.name });
    this.annotationChanges(a.docs, b.docs, b.nameSpan, label, where);

    const relA = this.isRelation(this.from, a);
    const relB = this.isRelation(this.to, b);
    if (relA && relB) {
      this.relationPair(ma, mb, a, b);
      if (this.canonicalType(a.type.name, 'from') !== b.type.name) {
        this.add('field-type-changed', 'to', b.type.span, `relation ${label} now points at ${b.type.name} instead of ${a.type.name}`, {
          ...where,
          column: undefined,
          before: a.type.name,
          after: b.type.name,
        });
      }
      if (a.type.list !== b.type.list)
        this.add('field-list-changed', 'to', b.type.span, `relation ${label} changed from ${typeText(a)} to ${typeText(b)}`, {
          ...where,
          column: undefined,
          before: typeText(a),
          after: typeText(b),
        });
      else if (a.type.optional !== b.type.optional) this.nullability(a, b, label, { ...where, column: undefined });
      return;
    }
    if (!probable && databaseName(a) !== databaseName(b)) {
      this.add('column-renamed', 'to', b.nameSpan, `column of ${label} changed from ${databaseName(a)} to ${databaseName(b)}`, {
        ...where,
        before: databaseName(a),
        after: databaseName(b),
      });
    }
    const typeA = this.canonicalType(a.type.name, 'from') + (a.type.unsupported !== undefined ? `("${a.type.unsupported}")` : '');
    const typeB = b.type.name + (b.type.unsupported !== undefined ? `("${b.type.unsupported}")` : '');
    if (typeA !== typeB || relA !== relB) {
      this.add('field-type-changed', 'to', b.type.span, `type of ${label} changed from ${typeText(a)} to ${typeText(b)}`, {
        ...where,
        before: typeText(a),
        after: typeText(b),
      });
    } else {
      const provider = normalizeProvider(datasourceProvider(this.to));
      const na = withoutDefaultNative(nativeType(a), a.type.name, provider);
      const nb = withoutDefaultNative(nativeType(b), b.type.name, provider);
      if (na !== nb)
        this.add('field-native-type-changed', 'to', b.type.span, `database type of ${label} changed from ${na ?? '(default)'} to ${nb ?? '(default)'}`, {
          ...where,
          before: na ?? '(default)',
          after: nb ?? '(default)',
        });
    }
    if (a.type.list !== b.type.list)
      this.add('field-list-changed', 'to', b.type.span, `${label} changed from ${typeText(a)} to ${typeText(b)}`, {
        ...where,
        before: typeText(a),
        after: typeText(b),
      });
    else if (backfillTransition !== undefined)
      this.add(
        'field-transition-backfill',
        'to',
        b.type.span,
        `${label} made required by expand/contract: rows without a value get ${backfillTransition}`,
        { ...where, before: typeText(a), after: typeText(b) },
        { kind: 'column', column: databaseName(b), backfill: backfillTransition, expand: true, fieldRenamed: false, typeChanged: false, phases: [] },
      );
    else if (a.type.optional !== b.type.optional) this.nullability(a, b, label, where);
    this.defaultsAndUpdatedAt(a, b, label, where);
  }

  /** A field that replaces an old column by expand/contract: one change naming what changes. */
  private fieldTransition(ma: Model, mb: Model, a: Field, b: Field, from: string): void {
    const label = `${mb.name}.${b.name}`;
    const provider = normalizeProvider(datasourceProvider(this.to));
    const typeA = `${this.canonicalType(a.type.name, 'from')}${a.type.list ? '[]' : ''}${a.type.optional ? '?' : ''}`;
    const nativeA = withoutDefaultNative(nativeType(a), a.type.name, provider);
    const nativeB = withoutDefaultNative(nativeType(b), b.type.name, provider);
    const typeChanged = typeA !== typeText(b) || nativeA !== nativeB;
    const parts = [`column ${from} -> ${databaseName(b)}`];
    if (a.name !== b.name) parts.push(`field ${ma.name}.${a.name} -> ${b.name}`);
    if (typeChanged) parts.push(`type ${typeText(a)}${nativeA ? ` ${nativeA}` : ''} -> ${typeText(b)}${nativeB ? ` ${nativeB}` : ''}`);
    this.add(
      'field-transition',
      'to',
      b.nameSpan,
      `${label} replaces column ${from} by expand/contract (${parts.join('; ')})`,
      { model: mb.name, field: b.name, table: databaseName(mb), column: databaseName(b), before: a.name, after: b.name },
      { kind: 'column', from, column: databaseName(b), expand: true, fieldRenamed: a.name !== b.name, typeChanged, phases: [] },
    );
  }

  private defaultsAndUpdatedAt(a: Field, b: Field, label: string, where: Partial<SchemaChange>): void {
    const da = defaultText(a);
    const db = defaultText(b);
    if (da === undefined && db !== undefined)
      this.add('field-default-added', 'to', getAttribute(b, 'default')!.span, `default ${db} added to ${label}`, { ...where, after: db });
    else if (da !== undefined && db === undefined)
      this.add('field-default-removed', 'to', b.nameSpan, `default ${da} removed from ${label}`, { ...where, before: da });
    else if (da !== undefined && db !== undefined && da !== db)
      this.add('field-default-changed', 'to', getAttribute(b, 'default')!.span, `default of ${label} changed from ${da} to ${db}`, {
        ...where,
        before: da,
        after: db,
      });

    const ua = getAttribute(a, 'updatedAt') !== undefined;
    const ub = getAttribute(b, 'updatedAt') !== undefined;
    if (ua !== ub) this.add('field-updated-at-changed', 'to', b.nameSpan, `@updatedAt ${ub ? 'added to' : 'removed from'} ${label}`, where);
  }

  private nullability(a: Field, b: Field, label: string, where: Partial<SchemaChange>): void {
    const code = b.type.optional ? 'field-nullability-relaxed' : 'field-nullability-tightened';
    this.add(code, 'to', b.type.span, `${label} changed from ${typeText(a)} to ${typeText(b)}`, { ...where, before: typeText(a), after: typeText(b) });
  }

  private relationPair(ma: Model, mb: Model, a: Field, b: Field): void {
    const old = relationInfo(this.from, ma, a);
    const ra = { ...old, fields: old.fields.map((c) => this.columnRenames.get(c) ?? c) };
    const rb = relationInfo(this.to, mb, b);
    const where = { model: mb.name, field: b.name, table: databaseName(mb) };
    const label = `${mb.name}.${b.name}`;
    const span = getAttribute(b, 'relation')?.span ?? b.nameSpan;
    if (ra.fields.join(',') !== rb.fields.join(',')) {
      if (ra.fields.length === 0 && rb.fields.length > 0)
        this.add('relation-added', 'to', span, `relation ${label} now holds a foreign key (${rb.fields.join(', ')})`, where);
      else
        this.add(
          'relation-fields-changed',
          'to',
          span,
          `relation ${label} is held by (${rb.fields.join(', ') || 'nothing'}) instead of (${ra.fields.join(', ') || 'nothing'})`,
          { ...where, before: ra.fields.join(', '), after: rb.fields.join(', ') },
        );
    }
    if (ra.references.join(',') !== rb.references.join(',') && ra.fields.length > 0 && rb.fields.length > 0) {
      this.add(
        'relation-references-changed',
        'to',
        span,
        `relation ${label} references (${rb.references.join(', ')}) instead of (${ra.references.join(', ')})`,
        { ...where, before: ra.references.join(', '), after: rb.references.join(', ') },
      );
    }
    if (ra.onDelete !== rb.onDelete)
      this.add('relation-on-delete-changed', 'to', span, `onDelete of ${label} changed from ${ra.onDelete} to ${rb.onDelete}`, {
        ...where,
        before: ra.onDelete,
        after: rb.onDelete,
      });
    if (ra.onUpdate !== rb.onUpdate)
      this.add('relation-on-update-changed', 'to', span, `onUpdate of ${label} changed from ${ra.onUpdate} to ${rb.onUpdate}`, {
        ...where,
        before: ra.onUpdate,
        after: rb.onUpdate,
      });
  }

  private primaryKey(a: Model, b: Model): void {
    const before = primaryKeyOf(a);
    const pa = before && { ...before, columns: before.columns.map((c) => this.columnRenames.get(c) ?? c) };
    const pb = primaryKeyOf(b);
    const where = { model: b.name, table: databaseName(b) };
    if (!pa && !pb) return;
    if (!pa && pb)
      return this.add('primary-key-added', 'to', pb.span, `primary key (${pb.columns.join(', ')}) added to ${b.name}`, {
        ...where,
        after: pb.columns.join(', '),
      });
    if (pa && !pb)
      return this.add('primary-key-removed', 'to', b.nameSpan, `primary key (${pa.columns.join(', ')}) removed from ${b.name}`, {
        ...where,
        before: pa.columns.join(', '),
      });
    if (pa!.columns.join(',') !== pb!.columns.join(',')) {
      this.add('primary-key-changed', 'to', pb!.span, `primary key of ${b.name} changed from (${pa!.columns.join(', ')}) to (${pb!.columns.join(', ')})`, {
        ...where,
        before: pa!.columns.join(', '),
        after: pb!.columns.join(', '),
      });
    } else if (pa!.options !== pb!.options && onlyNameDiffers(pa!.options, pb!.options)) {
      const [before, after] = [mapOf(pa!.options), mapOf(pb!.options)];
      this.add('index-renamed', 'to', pb!.span, `primary key of ${b.name} renamed from ${before ?? 'its default name'} to ${after ?? 'its default name'}`, {
        ...where,
        before,
        after,
      });
    } else if (pa!.options !== pb!.options) {
      this.add('index-changed', 'to', pb!.span, `primary key of ${b.name} changed its options (${pa!.options || 'none'} -> ${pb!.options || 'none'})`, {
        ...where,
        before: pa!.options,
        after: pb!.options,
      });
    }
  }

  private constraints(a: Model, b: Model): void {
    const ca = constraintsOf(a).map((c) => ({ ...c, columns: c.columns.map((x) => this.columnRenames.get(x) ?? x) }));
    const cb = constraintsOf(b);
    const key = (c: Constraint) => `${c.kind}:${c.columns.join(',')}`;
    const where = { model: b.name, table: databaseName(b) };
    const used = new Set<Constraint>();
    // Several constraints may cover the same columns (a B-tree and a GIN index): pair identical ones first.
    const matches = new Map<Constraint, Constraint>();
    for (const c of cb) {
      const same = ca.find((o) => !used.has(o) && key(o) === key(c) && o.options === c.options);
      if (same) {
        used.add(same);
        matches.set(c, same);
      }
    }
    for (const c of cb) {
      if (matches.has(c)) continue;
      const cols = c.columns.join(', ');
      const old = ca.find((o) => !used.has(o) && key(o) === key(c));
      if (!old) {
        const code: DiffCode = c.kind === 'unique' ? (c.onField ? 'unique-added' : 'compound-unique-added') : 'index-added';
        this.add(code, 'to', c.span, `${describeConstraint(c)} on ${b.name} (${cols}) added`, { ...where, field: c.fieldName });
      } else {
        used.add(old);
        if (onlyNameDiffers(old.options, c.options)) {
          const [before, after] = [mapOf(old.options), mapOf(c.options)];
          this.add(
            'index-renamed',
            'to',
            c.span,
            `${describeConstraint(c)} on ${b.name} (${cols}) renamed from ${before ?? 'its default name'} to ${after ?? 'its default name'}`,
            { ...where, field: c.fieldName, before, after },
          );
          continue;
        }
        this.add(
          'index-changed',
          'to',
          c.span,
          `${describeConstraint(c)} on ${b.name} (${cols}) changed: ${old.options || 'no options'} -> ${c.options || 'no options'}`,
          { ...where, field: c.fieldName, before: old.options, after: c.options },
        );
      }
    }
    for (const c of ca) {
      if (used.has(c)) continue;
      const code: DiffCode = c.kind === 'unique' ? (c.onField ? 'unique-removed' : 'compound-unique-removed') : 'index-removed';
      this.add(code, 'from', c.span, `${describeConstraint(c)} on ${a.name} (${c.columns.join(', ')}) removed`, { ...where, field: c.fieldName });
    }
  }

  // ---- views and composite types -------------------------------------------------------------

  private viewOrTypePair(a: Model, b: Model, kind: 'view' | 'type'): void {
    const where = { model: b.name, table: kind === 'view' ? databaseName(b) : undefined };
    const added: DiffCode = kind === 'view' ? 'view-field-added' : 'composite-field-added';
    const removed: DiffCode = kind === 'view' ? 'view-field-removed' : 'composite-field-removed';
    const changed: DiffCode = kind === 'view' ? 'view-field-changed' : 'composite-field-changed';
    const noun = kind === 'view' ? 'view' : 'composite type';
    if (a.name !== b.name) {
      // A renamed view or type: the client type name changes.
      this.add(kind === 'view' ? 'view-removed' : 'composite-type-removed', 'from', a.nameSpan, `${noun} ${a.name} removed (renamed to ${b.name})`, {
        model: a.name,
      });
      this.add(kind === 'view' ? 'view-added' : 'composite-type-added', 'to', b.nameSpan, `${noun} ${b.name} added (renamed from ${a.name})`, where);
    }
    const fields = pairBlocks(a.fields, b.fields);
    for (const f of fields.removed)
      this.add(removed, 'from', f.nameSpan, `field ${a.name}.${f.name} removed from ${noun} ${a.name}`, { ...where, field: f.name, column: databaseName(f) });
    for (const f of fields.added)
      this.add(added, 'to', f.nameSpan, `field ${b.name}.${f.name} ${typeText(f)} added to ${noun} ${b.name}`, {
        ...where,
        field: f.name,
        column: databaseName(f),
      });
    for (const p of fields.pairs) {
      const ta = `${this.canonicalType(p.from.type.name, 'from')}${p.from.type.list ? '[]' : ''}${p.from.type.optional ? '?' : ''}`;
      const tb = `${p.to.type.name}${p.to.type.list ? '[]' : ''}${p.to.type.optional ? '?' : ''}`;
      const fw = { ...where, field: p.to.name, column: databaseName(p.to) };
      if (p.from.name !== p.to.name) {
        this.add(removed, 'from', p.from.nameSpan, `field ${a.name}.${p.from.name} removed (renamed to ${p.to.name})`, { ...fw, field: p.from.name });
        this.add(added, 'to', p.to.nameSpan, `field ${b.name}.${p.to.name} added (renamed from ${p.from.name})`, fw);
      } else if (ta !== tb || nativeType(p.from) !== nativeType(p.to)) {
        this.add(changed, 'to', p.to.type.span, `${b.name}.${p.to.name} changed from ${typeText(p.from)} to ${typeText(p.to)}`, {
          ...fw,
          before: typeText(p.from),
          after: typeText(p.to),
        });
      }
      if (kind === 'type' && databaseName(p.from) !== databaseName(p.to)) {
        this.add(changed, 'to', p.to.nameSpan, `${b.name}.${p.to.name} is stored as ${databaseName(p.to)} instead of ${databaseName(p.from)}`, {
          ...fw,
          before: databaseName(p.from),
          after: databaseName(p.to),
        });
      }
    }
  }

  // ---- environment annotations ---------------------------------------------------------------

  private annotationChanges(docsA: Comment[], docsB: Comment[], span: Span, label: string, where: Partial<SchemaChange>): void {
    const annA = safeAnnotations(docsA);
    const annB = safeAnnotations(docsB);
    if (annotationKey(annA) === annotationKey(annB)) return;
    const excluded: string[] = [];
    const included: string[] = [];
    for (const env of this.envNames) {
      const was = includedIn(annA, env);
      const is = includedIn(annB, env);
      if (was && !is) excluded.push(env);
      if (!was && is) included.push(env);
    }
    if (excluded.length) {
      this.add('env-excluded', 'to', span, `${label} is now left out of ${excluded.join(', ')}`, {
        ...where,
        envs: excluded.map((env) => ({ env, effect: `${label} no longer exists in ${env}` })),
      });
    }
    if (included.length) {
      this.add('env-included', 'to', span, `${label} now exists in ${included.join(', ')}`, {
        ...where,
        envs: included.map((env) => ({ env, effect: `${label} is added in ${env}` })),
      });
    }
    const overrides = (anns: Annotation[]) =>
      new Map(anns.filter((x) => x.kind === 'override').map((x) => [x.env, x.replacement.replace(/\s+/g, ' ')] as const));
    const oa = overrides(annA);
    const ob = overrides(annB);
    const overrideEnvs = [...new Set([...oa.keys(), ...ob.keys()])].filter((env) => oa.get(env) !== ob.get(env)).sort();
    if (overrideEnvs.length) {
      this.add('env-override-changed', 'to', span, `${label}: environment override changed in ${overrideEnvs.join(', ')}`, {
        ...where,
        envs: overrideEnvs.map((env) => ({ env, effect: `${label} is ${ob.get(env) ?? 'as in the master'} (was ${oa.get(env) ?? 'as in the master'})` })),
      });
    }
    const excludedAttrs = (anns: Annotation[], env: string) =>
      anns
        .filter((x) => x.kind === 'exclude' && x.attributes.length > 0 && x.envs.includes(env))
        .flatMap((x) => (x.kind === 'exclude' ? x.attributes : []))
        .sort()
        .join(' ');
    const attrEnvs = [...new Set([...this.envNames, ...annotatedEnvNamesOf([...annA, ...annB])])]
      .filter((env) => excludedAttrs(annA, env) !== excludedAttrs(annB, env))
      .sort();
    if (attrEnvs.length) {
      this.add('env-attributes-excluded-changed', 'to', span, `${label}: attributes left out changed in ${attrEnvs.join(', ')}`, {
        ...where,
        envs: attrEnvs.map((env) => ({
          env,
          effect: `left out in ${env}: ${
            excludedAttrs(annB, env)
              .split(' ')
              .filter(Boolean)
              .map((x) => `@${x}`)
              .join(' ') || 'nothing'
          } (was ${
            excludedAttrs(annA, env)
              .split(' ')
              .filter(Boolean)
              .map((x) => `@${x}`)
              .join(' ') || 'nothing'
          })`,
        })),
      });
    }
  }

  // ---- per-environment effects ---------------------------------------------------------------

  private attachEnvironmentEffects(): void {
    // An environment on the master's own provider that no annotation names is the master itself:
    // generation changes nothing about its models, so it has no effects to report.
    const masterProviders = new Set([normalizeProvider(datasourceProvider(this.from)), normalizeProvider(datasourceProvider(this.to))]);
    const named = new Set(annotatedEnvNames([this.from, this.to]));
    const envs = this.options.environments!.filter((e) => !(masterProviders.size === 1 && masterProviders.has(e.provider) && !named.has(e.name)));
    if (envs.length === 0) return;
    const needFrom = this.changes.some((c) => c.locationSide === 'from');
    const touched = (side: Side) =>
      new Set(
        this.changes
          .filter((c) => c.model && (c.locationSide ?? 'to') === side)
          .map((c) => (side === 'from' ? (this.typeRenames.get(c.model!) ?? c.model!) : c.model!)),
      );
    const index = (full: Schema, env: DiffEnvironment) => {
      const byKey = new Map<string, GenerationChange[]>();
      let changes: GenerationChange[] = [];
      // Only the models with changes are transformed; every block stays visible for annotations.
      const names = touched(full === this.from ? 'from' : 'to');
      const only = (list: Model[]) => list.filter((m) => names.has(m.name));
      const schema: Schema = { ...full, models: only(full.models), views: only(full.views), types: only(full.types) };
      try {
        changes = transformForEnvironment(schema, { name: env.name, provider: env.provider, prismaMajor: 7, urlEnv: 'DATABASE_URL' }).changes;
      } catch {
        // Invalid annotations are reported by generate and validate; the diff stays useful without effects.
      }
      for (const c of changes) {
        if (!c.model) continue;
        const k = `${c.model}.${c.field ?? ''}`;
        let list = byKey.get(k);
        if (!list) byKey.set(k, (list = []));
        list.push(c);
      }
      return byKey;
    };
    const fromIdx = needFrom ? envs.map((env) => ({ env, idx: index(this.from, env) })) : [];
    const toIdx = envs.map((env) => ({ env, idx: index(this.to, env) }));
    for (const change of this.changes) {
      if (!change.model || change.code.startsWith('env-')) continue;
      const side = change.locationSide === 'from' ? fromIdx : toIdx;
      const model = change.locationSide === 'from' ? (this.typeRenames.get(change.model) ?? change.model) : change.model;
      const key = `${model}.${fieldLevel(change.code) ? (change.field ?? '') : ''}`;
      const effects: EnvironmentEffect[] = [];
      for (const { env, idx } of side) {
        for (const g of idx.get(key) ?? []) {
          if (g.severity === 'info' && g.code !== 'excluded-by-annotation' && g.code !== 'override-applied') continue;
          effects.push({ env: env.name, effect: g.message });
        }
      }
      change.envs.push(...effects);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private readonly relationTargets = new Map<Schema, Set<string>>();

  private isRelation(schema: Schema, f: Field): boolean {
    if (isScalarType(f.type.name) || f.type.unsupported !== undefined) return false;
    let targets = this.relationTargets.get(schema);
    if (!targets) this.relationTargets.set(schema, (targets = new Set([...schema.models, ...schema.views].map((m) => m.name))));
    return targets.has(f.type.name);
  }

  /** The new name of a type referenced in the old schema (so a renamed enum is no type change). */
  private canonicalType(name: string, side: Side): string {
    if (side === 'to') return name;
    for (const [now, before] of this.typeRenames) if (before === name) return now;
    return name;
  }
}

const EMPTY_SPAN: Span = { file: '', start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

function fieldLevel(code: DiffCode): boolean {
  return (
    code.startsWith('field-') ||
    code === 'probable-field-rename' ||
    code === 'probable-enum-value-rename' ||
    code.startsWith('relation-') ||
    code === 'back-relation-added' ||
    code === 'unique-added' ||
    code === 'unique-removed' ||
    code.startsWith('view-field') ||
    code.startsWith('composite-field') ||
    code.startsWith('enum-value')
  );
}

// ---- pairing ---------------------------------------------------------------------------------

interface Named {
  name: string;
  attributes: Attribute[];
  docs: Comment[];
}

/**
 * Pairs old and new members: by name, then by `@steward.renamedFrom("old")`, then by database
 * name (a model renamed with `@@map` keeping its table is the same table).
 */
export function pairBlocks<T extends Named>(
  from: readonly T[],
  to: readonly T[],
  /** Pair a field with the one its `@steward.transition(from: "old_column")` names (fields only). */
  transitions = false,
): { pairs: { from: T; to: T }[]; added: T[]; removed: T[] } {
  const fromByName = new Map(from.map((x) => [x.name, x]));
  const used = new Set<T>();
  const pairs: { from: T; to: T }[] = [];
  const unmatched: T[] = [];
  const toNames = new Set(to.map((x) => x.name));
  for (const b of to) {
    const a = fromByName.get(b.name);
    if (a) {
      pairs.push({ from: a, to: b });
      used.add(a);
    } else unmatched.push(b);
  }
  const stillUnmatched: T[] = [];
  for (const b of unmatched) {
    const old = renamedFrom(b.docs, transitions);
    // The annotation names the old database name (table, column, type or stored value), which is the old Prisma name unless it was mapped.
    const a =
      old !== undefined && !toNames.has(old)
        ? (fromByName.get(old) ?? from.find((x) => !used.has(x) && !toNames.has(x.name) && databaseName(x) === old))
        : undefined;
    if (a && !used.has(a)) {
      pairs.push({ from: a, to: b });
      used.add(a);
    } else stillUnmatched.push(b);
  }
  const added: T[] = [];
  for (const b of stillUnmatched) {
    const mapped = mappedName(b);
    const a = mapped === undefined ? undefined : from.find((x) => !used.has(x) && !toNames.has(x.name) && databaseName(x) === mapped);
    if (a) {
      pairs.push({ from: a, to: b });
      used.add(a);
    } else added.push(b);
  }
  const removed = from.filter((x) => !used.has(x));
  return { pairs, added, removed };
}

function renamedFrom(docs: Comment[], transitions: boolean): string | undefined {
  for (const a of safeAnnotations(docs)) if (a.kind === 'renamedFrom' || (transitions && a.kind === 'transition' && a.from !== undefined)) return a.from;
  return undefined;
}

/** The field's `@steward.transition`, when it has one (docs/migrations.md#expandcontract). */
function transitionOf(docs: Comment[]): Extract<Annotation, { kind: 'transition' }> | undefined {
  for (const a of safeAnnotations(docs)) if (a.kind === 'transition') return a;
  return undefined;
}

function safeAnnotations(docs: Comment[]): Annotation[] {
  if (docs.length === 0 || !docs.some((d) => d.text.includes('@steward.'))) return [];
  try {
    return parseAnnotations(docs);
  } catch {
    return [];
  }
}

function annotationKey(anns: Annotation[]): string {
  return anns
    .filter((a) => a.kind !== 'renamedFrom' && a.kind !== 'transition')
    .map((a) =>
      a.kind === 'override'
        ? `override:${a.env}:${a.replacement}`
        : `${a.kind}:${[...a.envs].sort().join(',')}:${a.kind === 'exclude' ? a.attributes.join(',') : ''}`,
    )
    .sort()
    .join('|');
}

function annotatedEnvNamesOf(anns: Annotation[]): string[] {
  return anns.flatMap((a) => (a.kind === 'only' || a.kind === 'exclude' ? a.envs : a.kind === 'override' ? [a.env] : []));
}

function annotatedEnvNames(schemas: Schema[]): string[] {
  const names = new Set<string>();
  const visit = (docs: Comment[]) => {
    for (const d of docs) if (d.text.includes('@steward.')) for (const n of annotatedEnvNamesOf(safeAnnotations([d]))) names.add(n);
  };
  for (const s of schemas) {
    for (const b of s.blocks) {
      visit(b.docs);
      if (b.kind === 'model' || b.kind === 'view' || b.kind === 'type') for (const f of b.fields) visit(f.docs);
      if (b.kind === 'enum') for (const v of b.values) visit(v.docs);
    }
  }
  return [...names].sort();
}

// ---- reading fields and constraints ----------------------------------------------------------

function typeText(f: Field): string {
  const base = f.type.unsupported !== undefined ? `Unsupported("${f.type.unsupported}")` : f.type.name;
  return `${base}${f.type.list ? '[]' : ''}${f.type.optional ? '?' : ''}`;
}

function nativeType(f: Field): string | undefined {
  const attr = f.attributes.find((a) => a.name.startsWith('db.'));
  if (!attr) return undefined;
  return `@${attr.name}${attr.args.length ? `(${attr.args.map((a) => valueText(a.value)).join(', ')})` : ''}`;
}

/**
 * The native type each scalar gets on PostgreSQL when none is written: writing it out
 * (`DateTime @db.Timestamp(3)`) changes nothing in the database.
 */
const POSTGRES_DEFAULT_NATIVE: Record<string, string> = {
  String: '@db.Text',
  Int: '@db.Integer',
  BigInt: '@db.BigInt',
  Float: '@db.DoublePrecision',
  Decimal: '@db.Decimal(65, 30)',
  DateTime: '@db.Timestamp(3)',
  Boolean: '@db.Boolean',
  Bytes: '@db.ByteA',
  Json: '@db.JsonB',
};

function withoutDefaultNative(native: string | undefined, type: string, provider: string | undefined): string | undefined {
  return provider === 'postgresql' && native !== undefined && POSTGRES_DEFAULT_NATIVE[type] === native ? undefined : native;
}

function defaultText(f: Field): string | undefined {
  const attr = getAttribute(f, 'default');
  const value = attr ? getArgument(attr, 'value', 0)?.value : undefined;
  return value ? valueText(value) : undefined;
}

/** A value written canonically, so layout and quoting style are no change. */
export function valueText(v: Value): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return String(v.value);
    case 'boolean':
      return String(v.value);
    case 'constant':
      return v.name;
    case 'function':
      return `${v.name}(${v.args.map((a) => (a.name ? `${a.name}: ` : '') + valueText(a.value)).join(', ')})`;
    case 'array':
      return `[${v.items.map(valueText).join(', ')}]`;
  }
}

function columnOf(model: Model, fieldName: string): string {
  const f = model.fields.find((x) => x.name === fieldName);
  return f ? databaseName(f) : fieldName;
}

function relationInfo(schema: Schema, model: Model, f: Field): { fields: string[]; references: string[]; onDelete: string; onUpdate: string } {
  const attr = getAttribute(f, 'relation');
  const fields = attr ? fieldRefs(getArgument(attr, 'fields')?.value).map((n) => columnOf(model, n)) : [];
  const target = findModel(schema, f.type.name);
  const references = attr ? fieldRefs(getArgument(attr, 'references')?.value).map((n) => (target ? columnOf(target, n) : n)) : [];
  const action = (name: string, fallback: string) => {
    const v = attr ? getArgument(attr, name)?.value : undefined;
    return v?.kind === 'constant' ? v.name : fields.length === 0 ? '-' : fallback;
  };
  // Prisma's defaults: onDelete Restrict for required relations, SetNull for optional; onUpdate Cascade.
  return { fields, references, onDelete: action('onDelete', f.type.optional ? 'SetNull' : 'Restrict'), onUpdate: action('onUpdate', 'Cascade') };
}

function primaryKeyOf(model: Model): { columns: string[]; options: string; span: Span } | undefined {
  const onField = model.fields.find((f) => getAttribute(f, 'id') !== undefined);
  if (onField) {
    const attr = getAttribute(onField, 'id')!;
    return { columns: [databaseName(onField)], options: optionsText(attr, []), span: attr.span };
  }
  const block = getAttribute(model, 'id');
  if (!block) return undefined;
  const fieldsArg = getArgument(block, 'fields', 0);
  return {
    columns: fieldRefs(fieldsArg?.value).map((n) => columnOf(model, n)),
    options: optionsText(block, ['fields']) + sortText(fieldsArg?.value),
    span: block.span,
  };
}

function constraintsOf(model: Model): Constraint[] {
  const out: Constraint[] = [];
  for (const f of model.fields) {
    const u = getAttribute(f, 'unique');
    if (u) out.push({ kind: 'unique', columns: [databaseName(f)], onField: true, options: optionsText(u, []), span: u.span, fieldName: f.name });
  }
  for (const a of model.attributes) {
    const kind = a.name === 'unique' ? 'unique' : a.name === 'index' ? 'index' : a.name === 'fulltext' ? 'fulltext' : undefined;
    if (!kind) continue;
    const fieldsArg = getArgument(a, 'fields', 0);
    const names = fieldRefs(fieldsArg?.value);
    out.push({
      kind,
      columns: names.map((n) => columnOf(model, n)),
      // `@@unique([a])` and `@unique` on a are the same constraint for the database: both key on the columns.
      onField: false,
      options: optionsText(a, ['fields']) + sortText(fieldsArg?.value),
      span: a.span,
      fieldName: names.length === 1 ? names[0] : undefined,
    });
  }
  return out;
}

/** The `map: "..."` part of an options text (see optionsText), or undefined. */
function mapOf(options: string): string | undefined {
  const part = options.split(', ').find((option) => option.startsWith('map: '));
  if (part === undefined) return undefined;
  const text = part.slice('map: '.length);
  try {
    return JSON.parse(text) as string;
  } catch {
    return text;
  }
}

/** Whether two options texts differ only in their `map:` (the database name). */
function onlyNameDiffers(a: string, b: string): boolean {
  const rest = (options: string) =>
    options
      .split(', ')
      .filter((option) => !option.startsWith('map: '))
      .join(', ');
  return mapOf(a) !== mapOf(b) && rest(a) === rest(b);
}

/** Named arguments other than `skip`, canonical and sorted. */
function optionsText(attr: Attribute, skip: string[]): string {
  return attr.args
    .filter((a) => a.name !== undefined && !skip.includes(a.name))
    .map((a) => `${a.name}: ${valueText(a.value)}`)
    .sort()
    .join(', ');
}

/** Per-field arguments inside a fields list, e.g. `[a(sort: Desc), b(length: 10)]`. */
function sortText(v: Value | undefined): string {
  if (!v || v.kind !== 'array') return '';
  const parts = v.items.filter((i) => i.kind === 'function' && i.args.length > 0).map((i) => valueText(i));
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

function describeConstraint(c: Constraint): string {
  if (c.kind === 'unique') return c.onField ? 'unique constraint' : 'compound unique constraint';
  return c.kind === 'fulltext' ? 'full-text index' : 'index';
}
