import type { PrismaMajor } from '../prisma/major.js';
import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { Argument, Attribute, Comment, ConfigBlock, Enum, Field, Model, Schema, Span, Value } from '../schema/model.js';
import { isScalarType } from '../schema/model.js';
import { datasourceProvider, fieldRefs, getArgument, getProperty, stringValue } from '../schema/query.js';
import { applyEdits } from '../schema/edits.js';
import { type Annotation, includedIn, isAnnotationComment, parseAnnotations } from './annotations.js';
import { findProvider } from '../providers/registry.js';
import { CAPABILITIES, LOSSLESS_NATIVE_TYPES, normalizeProvider, type Provider, type ProviderCapabilities, nativeTypeMeaning } from './capabilities.js';
import { CHANGE_CODES, type ChangeCode, type GenerationChange } from './changes.js';

export interface EnvironmentTarget {
  name: string;
  provider: Provider;
  /** Target Prisma major version: 7 moves URLs out of the schema. */
  prismaMajor: PrismaMajor;
  /** Environment variable that holds the connection URL. */
  urlEnv: string;
  /** Preview features the target Prisma version accepts (undefined: keep all). */
  knownPreviewFeatures?: ReadonlySet<string>;
}

export interface TransformResult {
  /** One transformed text per master file, in order. */
  files: { path: string; text: string }[];
  changes: GenerationChange[];
  /** The text edits on each master file (by path) that make `files`: to map offsets back to the master. */
  edits: ReadonlyMap<string, readonly Omit<TextEdit, 'file'>[]>;
}

/**
 * Turns the master schema into the schema of one environment. Pure: text in, text out.
 * Works as text edits on the master so comments and layout survive; every edit is reported
 * as a GenerationChange.
 */
export function transformForEnvironment(schema: Schema, target: EnvironmentTarget): TransformResult {
  // Generation, lint, docs and diff each ask for the same environments of the same model.
  let byTarget = memo.get(schema);
  if (!byTarget) memo.set(schema, (byTarget = new Map()));
  const key = JSON.stringify([
    target.name,
    target.provider,
    target.prismaMajor,
    target.urlEnv,
    target.knownPreviewFeatures ? [...target.knownPreviewFeatures].sort() : null,
  ]);
  let result = byTarget.get(key);
  if (!result) byTarget.set(key, (result = new Transformer(schema, target).run()));
  return result;
}

const memo = new WeakMap<Schema, Map<string, TransformResult>>();

const NO_ANNOTATIONS: readonly Annotation[] = Object.freeze([]);
const NO_NAMES: ReadonlySet<string> = new Set();

const URL_KEYS = ['url', 'directUrl', 'shadowDatabaseUrl'];
const DROP_MAP = ['map'];
const INDEX_LIKE: ReadonlySet<string> = new Set(['id', 'unique', 'index', 'fulltext']);
const INDEXES: ReadonlySet<string> = new Set(['id', 'unique', 'index']);

/** How a field's type changes in the environment; most fields keep theirs. */
interface Conversion {
  toJson: boolean;
  toString: boolean;
}
const NO_CONVERSION: Conversion = Object.freeze({ toJson: false, toString: false });
const UUID_FUNCTIONS = /^(gen_random_uuid|uuid_generate_v4|uuid_generate_v7|uuidv7|uuidv4)\(\)$/i;
const NOW_FUNCTIONS = /^(now\(\)|current_timestamp(\(\))?|localtimestamp|transaction_timestamp\(\)|statement_timestamp\(\)|clock_timestamp\(\))$/i;

class Transformer {
  private readonly edits = new Map<string, Omit<TextEdit, 'file'>[]>();
  private readonly changes: GenerationChange[] = [];
  private readonly caps: ProviderCapabilities;
  private readonly masterProvider: string | undefined;
  private readonly texts = new Map<string, string>();
  private readonly removedModels = new Set<string>();
  private readonly removedEnums = new Set<string>();
  private readonly stringEnums = new Set<string>();
  private readonly enumNames: Set<string>;
  /** Arguments of index fields (`ops:`, `length:`) the target does not support. */
  private readonly fieldArgDrops: readonly string[];

  constructor(
    private readonly schema: Schema,
    private readonly target: EnvironmentTarget,
  ) {
    this.caps = CAPABILITIES[target.provider];
    this.masterProvider = normalizeProvider(datasourceProvider(schema));
    for (const f of schema.files) this.texts.set(f.path, f.text);
    this.enumNames = new Set(schema.enums.map((e) => e.name));
    this.fieldArgDrops = [...(!this.caps.indexOps ? ['ops'] : []), ...(!this.caps.indexLength ? ['length'] : [])];
  }

  run(): TransformResult {
    this.planBlockRemovals();
    for (const ds of this.schema.datasources) this.datasource(ds);
    for (const gen of this.schema.generators) this.generator(gen);
    for (const e of this.schema.enums) if (!this.removedEnums.has(e.name)) this.enumBlock(e);
    for (const m of [...this.schema.models, ...this.schema.views, ...this.schema.types]) if (!this.removedModels.has(m.name)) this.model(m);
    this.stripAnnotationComments();
    // The text is built on first use: lint and docs read only the changes.
    const { schema, edits } = this;
    let files: TransformResult['files'] | undefined;
    return {
      changes: this.changes,
      edits,
      get files() {
        return (files ??= schema.files.map((f) => ({ path: f.path, text: applyEdits(f.text, edits.get(f.path) ?? []) })));
      },
    };
  }

  // ---- bookkeeping -------------------------------------------------------------------------

  private edit(span: Span, text: string, start = span.start, end = span.end): void {
    let list = this.edits.get(span.file);
    if (!list) this.edits.set(span.file, (list = []));
    list.push({ start, end, text });
  }

  private remove(span: Span): void {
    this.edit(span, '');
  }

  /** Removes an attribute with the whitespace before it, so that no double space is left. */
  private removeAttribute(attr: Attribute, text: string): void {
    const span = attr.span;
    let start = span.start;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    this.edit(span, '', start, span.end);
  }

  private source(span: Span): string {
    return (this.texts.get(span.file) ?? '').slice(span.start, span.end);
  }

  private change(code: ChangeCode, location: Span, message: string, extra?: { model?: string; field?: string; typeImpact?: string }): void {
    // No spread: thousands of changes on a large master, made by cold code.
    const change: GenerationChange = { code, severity: CHANGE_CODES[code].severity, env: this.target.name, location, message };
    if (extra !== undefined) {
      if ('model' in extra) change.model = extra.model;
      if ('field' in extra) change.field = extra.field;
      if ('typeImpact' in extra) change.typeImpact = extra.typeImpact;
    }
    this.changes.push(change);
  }

  private annotations(docs: Comment[]): readonly Annotation[] {
    // Most members have no doc comment: no list to allocate for them.
    return docs.length === 0 ? NO_ANNOTATIONS : parseAnnotations(docs);
  }

  private get crossFamily(): boolean {
    // SQL written for the master's database (dbgenerated, Unsupported types) only runs on the same family.
    const master = findProvider(this.masterProvider);
    if (!master) return false;
    return master.capabilities.postgresSql !== this.caps.postgresSql || (master.id !== this.target.provider && !this.caps.postgresSql);
  }

  // ---- blocks --------------------------------------------------------------------------------

  private planBlockRemovals(): void {
    for (const block of this.schema.blocks) {
      if (block.kind === 'datasource' || block.kind === 'generator') continue;
      const anns = this.annotations(block.docs);
      if (!includedIn(anns, this.target.name)) {
        this.remove(block.lineSpan);
        (block.kind === 'enum' ? this.removedEnums : this.removedModels).add(block.name);
        this.change('excluded-by-annotation', block.nameSpan, `${block.kind} ${block.name} is left out of ${this.target.name}`, {
          model: block.name,
          typeImpact: `the ${block.name} ${block.kind === 'enum' ? 'enum type' : 'model and its client delegate'} do not exist in this environment`,
        });
      }
    }
    if (!this.caps.enums) {
      for (const e of this.schema.enums) {
        if (this.removedEnums.has(e.name)) continue;
        this.stringEnums.add(e.name);
        this.remove(e.lineSpan);
        this.change('enum-to-string', e.nameSpan, `enum ${e.name} is stored as String on ${this.target.provider}`, {
          typeImpact: `fields of type ${e.name} become string; values are no longer checked by the database`,
        });
      }
    }
  }

  private datasource(ds: ConfigBlock): void {
    const provider = getProperty(ds, 'provider');
    if (provider && normalizeProvider(stringValue(provider)) !== this.target.provider) {
      this.edit(provider.span, `"${this.target.provider}"`);
      this.change('provider-set', provider.span, `provider is "${this.target.provider}" (master: "${stringValue(provider) ?? '?'}")`);
    }
    let hasUrl = false;
    for (const prop of ds.properties) {
      if (URL_KEYS.includes(prop.key)) {
        if (prop.key === 'url') hasUrl = true;
        if (this.target.prismaMajor >= 7) {
          this.remove(prop.lineSpan);
          this.change('datasource-url-moved', prop.keySpan, `${prop.key} moved out of the schema into prisma.${this.target.name}.config.ts (Prisma 7)`);
        } else if (prop.key === 'url') {
          const wanted = `env("${this.target.urlEnv}")`;
          if (this.source(prop.value.span) !== wanted) {
            this.edit(prop.value.span, wanted);
            this.change('datasource-url-set', prop.value.span, `url reads ${this.target.urlEnv}`);
          }
        } else if (!this.caps.separateUrls) {
          this.remove(prop.lineSpan);
          this.change('datasource-property-removed', prop.keySpan, `${prop.key} removed (a SQLite file needs no separate URL)`);
        }
      } else if (prop.key === 'extensions' && !this.caps.extensions) {
        this.remove(prop.lineSpan);
        this.change('datasource-property-removed', prop.keySpan, `extensions removed: ${this.target.provider} has no PostgreSQL extensions`);
      } else if (prop.key === 'schemas' && !this.caps.multiSchema) {
        this.remove(prop.lineSpan);
        this.change('datasource-property-removed', prop.keySpan, `schemas removed: ${this.target.provider} has a single schema`);
      }
    }
    if (!hasUrl && this.target.prismaMajor < 7) {
      // Prisma 6 needs a URL in the schema; insert it after the provider line.
      const at = provider ? ds.properties.find((p) => p.key === 'provider')!.lineSpan : undefined;
      if (at) {
        this.edit(at, `  url = env("${this.target.urlEnv}")\n`, at.end, at.end);
        this.change('datasource-url-set', at, `url reads ${this.target.urlEnv}`);
      }
    }
  }

  private generator(gen: ConfigBlock): void {
    const prop = gen.properties.find((p) => p.key === 'previewFeatures');
    if (!prop || prop.value.kind !== 'array') return;
    const kept: string[] = [];
    const removed: string[] = [];
    for (const item of prop.value.items) {
      const name = stringValue(item);
      if (name === undefined) continue;
      const providerSpecific = this.providerSpecificFeature(name);
      const unknown = this.target.knownPreviewFeatures !== undefined && !this.target.knownPreviewFeatures.has(name);
      if ((providerSpecific && !this.caps.previewFeatures.has(name)) || unknown) removed.push(name);
      else kept.push(name);
    }
    if (removed.length === 0) return;
    if (kept.length === 0) this.remove(prop.lineSpan);
    else this.edit(prop.value.span, `[${kept.map((k) => JSON.stringify(k)).join(', ')}]`);
    for (const name of removed) {
      const why =
        this.target.knownPreviewFeatures && !this.target.knownPreviewFeatures.has(name)
          ? `Prisma ${this.target.prismaMajor} does not know it (it is generally available or was removed)`
          : `it applies to another provider than ${this.target.provider}`;
      this.change('preview-feature-removed', prop.value.span, `preview feature "${name}" removed: ${why}`);
    }
  }

  private providerSpecificFeature(name: string): boolean {
    return ['postgresqlExtensions', 'fullTextSearchPostgres', 'fullTextSearchMysql', 'multiSchema', 'fullTextIndex'].includes(name)
      ? !this.caps.previewFeatures.has(name) && !(name === 'multiSchema' && this.caps.multiSchema) && !(name === 'fullTextIndex' && this.caps.fullTextIndex)
      : false;
  }

  private enumBlock(e: Enum): void {
    for (const value of e.values) {
      if (!includedIn(this.annotations(value.docs), this.target.name)) {
        this.remove(value.lineSpan);
        this.change('excluded-by-annotation', value.nameSpan, `enum value ${e.name}.${value.name} is left out of ${this.target.name}`, { model: e.name });
      }
    }
    for (const attr of e.attributes) {
      if (!includedIn(this.annotations(attr.docs), this.target.name)) {
        this.remove(attr.lineSpan);
        this.change('excluded-by-annotation', attr.span, `@@${attr.name} on enum ${e.name} is left out of ${this.target.name}`, { model: e.name });
      } else if (attr.name === 'schema' && !this.caps.multiSchema) {
        this.remove(attr.lineSpan);
        this.change('schema-attribute-removed', attr.span, `@@schema removed from enum ${e.name}`, { model: e.name });
      }
    }
  }

  // ---- models --------------------------------------------------------------------------------

  private model(model: Model): void {
    // Indexed loops: this runs once per field, mostly before the JIT has compiled it.
    let removedFields: Set<string> = NO_NAMES as Set<string>;
    const fields = model.fields;
    for (let i = 0; i < fields.length; i++) {
      if (this.field(model, fields[i])) {
        if (removedFields === NO_NAMES) removedFields = new Set();
        removedFields.add(fields[i].name);
      }
    }
    const attributes = model.attributes;
    for (let i = 0; i < attributes.length; i++) this.blockAttribute(model, attributes[i], removedFields);
  }

  /** Returns true when the field was removed. */
  private field(model: Model, field: Field): boolean {
    const where = { model: model.name, field: field.name };
    const anns = this.annotations(field.docs);
    if (!includedIn(anns, this.target.name)) {
      this.remove(field.lineSpan);
      this.change('excluded-by-annotation', field.nameSpan, `${model.name}.${field.name} is left out of ${this.target.name}`, {
        ...where,
        typeImpact: `${model.name}.${field.name} does not exist on the ${this.target.name} client`,
      });
      return true;
    }
    const override =
      anns.length === 0 ? undefined : anns.find((a): a is Extract<Annotation, { kind: 'override' }> => a.kind === 'override' && a.env === this.target.name);
    if (override) {
      this.edit(field.span, override.replacement, field.type.span.start, field.span.end);
      this.change('override-applied', field.nameSpan, `${model.name}.${field.name} is '${override.replacement}' in ${this.target.name}`, where);
      return false;
    }
    const typeName = field.type.name;
    if (this.removedModels.has(typeName) || this.removedEnums.has(typeName)) {
      this.remove(field.lineSpan);
      this.change('field-removed', field.nameSpan, `${model.name}.${field.name} removed: ${typeName} is not in ${this.target.name}`, {
        ...where,
        typeImpact: `${model.name}.${field.name} does not exist on the ${this.target.name} client`,
      });
      return true;
    }
    if (field.type.unsupported !== undefined && this.crossFamily) {
      this.remove(field.lineSpan);
      this.change(
        'unsupported-field-removed',
        field.nameSpan,
        `${model.name}.${field.name} (Unsupported("${field.type.unsupported}")) removed: ${this.target.provider} has no such type`,
        {
          ...where,
          typeImpact: 'none (Prisma Client does not expose Unsupported fields)',
        },
      );
      return true;
    }

    const excludedAttrs =
      anns.length === 0 ? NO_NAMES : new Set(anns.flatMap((a) => (a.kind === 'exclude' && a.envs.includes(this.target.name) ? a.attributes : [])));
    const isEnumType = this.enumNames.has(typeName);
    const toJson = field.type.list && (isScalarType(typeName) || isEnumType) && !this.caps.scalarLists;
    const toString = this.stringEnums.has(typeName);

    if (toJson) {
      this.edit(field.type.span, field.type.optional ? 'Json?' : 'Json');
      const tsType = isEnumType ? `${typeName}[]` : `${tsScalar(typeName)}[]`;
      this.change('list-to-json', field.type.span, `${model.name}.${field.name} ${typeName}[] becomes Json (a JSON-encoded array) on ${this.target.provider}`, {
        ...where,
        typeImpact: `${tsType} becomes Prisma.JsonValue; list filters (has, hasSome, hasEvery, isEmpty) and push are unavailable`,
      });
    } else if (toString) {
      this.edit(field.type.span, `String${field.type.list ? '[]' : ''}${field.type.optional ? '?' : ''}`);
    }

    const conv = toJson || toString ? { toJson, toString } : NO_CONVERSION;
    const attributes = field.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attr = attributes[i];
      if (excludedAttrs.has(attr.name)) {
        this.removeAttribute(attr, this.texts.get(attr.span.file)!);
        this.change('attribute-excluded', attr.span, `@${attr.name} on ${model.name}.${field.name} is left out of ${this.target.name}`, where);
        continue;
      }
      this.fieldAttribute(model, field, attr, conv);
    }
    return false;
  }

  private fieldAttribute(model: Model, field: Field, attr: Attribute, conv: Conversion): void {
    if (attr.name.startsWith('db.')) {
      const native = attr.name.slice(3);
      if (this.caps.nativeTypes.has(native) && !conv.toJson) return;
      const where = { model: model.name, field: field.name };
      const text = this.texts.get(attr.span.file)!;
      const args = attr.args.map((a) => this.source(a.value.span));
      const mapped = Object.hasOwn(this.caps.nativeTypeEquivalents, native) ? this.caps.nativeTypeEquivalents[native] : undefined;
      if (mapped && !conv.toJson) {
        const keepArgs = native === 'VarChar' && args.length > 0 ? `(${args.join(', ')})` : '';
        this.edit(attr.span, `@db.${mapped}${keepArgs}`);
        this.change('native-type-mapped', attr.span, `@db.${native} on ${model.name}.${field.name} becomes @db.${mapped}${keepArgs}`, where);
        return;
      }
      this.removeAttribute(attr, text);
      if (LOSSLESS_NATIVE_TYPES.has(native) && args.length === 0) {
        this.change(
          'native-type-equivalent',
          attr.span,
          `@db.${native} removed from ${model.name}.${field.name}: ${this.target.provider} stores ${field.type.name} the same way`,
          where,
        );
        return;
      }
      this.change(
        'native-type-removed',
        attr.span,
        `@db.${native}${args.length ? `(${args.join(', ')})` : ''} removed from ${model.name}.${field.name}: ${nativeTypeMeaning(native, args)} on ${this.target.provider}`,
        where,
      );
      return;
    }
    switch (attr.name) {
      case 'default':
        this.defaultAttribute(model, field, attr, conv);
        return;
      case 'id':
      case 'unique':
        if (attr.args.length === 0) return;
        this.dropArguments(model, field, attr, [
          ...(attr.name === 'id' && !this.caps.namedPrimaryKeys ? ['map'] : []),
          ...(!this.caps.clustered ? ['clustered'] : []),
          ...(!this.caps.indexLength ? ['length'] : []),
        ]);
        return;
      case 'relation':
        this.relationActions(model, field, attr);
        if (!this.caps.namedForeignKeys) this.dropArguments(model, field, attr, DROP_MAP);
        return;
      default:
        return;
    }
  }

  /** With relationMode = "prisma", only MySQL and SQL Server emulate NoAction; elsewhere Restrict is the equivalent. */
  private relationActions(model: Model, field: Field, attr: Attribute): void {
    if (!this.relationModePrisma || this.caps.emulatedNoAction) return;
    for (const arg of attr.args) {
      if ((arg.name === 'onDelete' || arg.name === 'onUpdate') && arg.value.kind === 'constant' && arg.value.name === 'NoAction') {
        this.edit(arg.value.span, 'Restrict');
        this.change(
          'referential-action-adapted',
          arg.span,
          `${arg.name}: NoAction on ${model.name}.${field.name} becomes Restrict: with relationMode = "prisma", ${this.target.provider} has no NoAction`,
          { model: model.name, field: field.name },
        );
      }
    }
  }

  private get relationModePrisma(): boolean {
    const ds = this.schema.datasources[0];
    return ds !== undefined && stringValue(getProperty(ds, 'relationMode')) === 'prisma';
  }

  private dropArguments(model: Model, field: Field | undefined, attr: Attribute, names: string[]): void {
    const dropped = attr.args.filter((a) => a.name !== undefined && names.includes(a.name));
    if (dropped.length === 0) return;
    const kept = attr.args.filter((a) => !dropped.includes(a));
    this.edit(attr.span, this.renderAttribute(attr, kept));
    for (const arg of dropped) {
      const what = field ? `${model.name}.${field.name}` : model.name;
      const code: ChangeCode = arg.name === 'map' ? 'constraint-name-removed' : 'index-argument-removed';
      this.change(
        code,
        arg.span,
        `${arg.name}: ${this.source(arg.value.span)} removed from @${attr.block ? '@' : ''}${attr.name} on ${what}: ${this.target.provider} does not support it`,
        { model: model.name, field: field?.name },
      );
    }
  }

  private renderAttribute(attr: Attribute, args: Argument[], rewriteArg?: (arg: Argument) => string): string {
    const head = `${attr.block ? '@@' : '@'}${attr.name}`;
    if (args.length === 0 && attr.args.length > 0 && attr.name !== 'default') return head;
    if (args.length === 0 && attr.args.length === 0) return head;
    return `${head}(${args.map((a) => (rewriteArg ? rewriteArg(a) : this.source(a.span))).join(', ')})`;
  }

  private defaultAttribute(model: Model, field: Field, attr: Attribute, conv: Conversion): void {
    const where = { model: model.name, field: field.name };
    const value = getArgument(attr, 'value', 0)?.value;
    if (!value) return;
    const text = this.texts.get(attr.span.file)!;
    if (conv.toJson) {
      const json = jsonOfDefault(value);
      if (json === undefined) {
        this.removeAttribute(attr, text);
        this.change('default-removed', attr.span, `default of ${model.name}.${field.name} removed: it cannot be written as JSON`, where);
      } else {
        this.edit(value.span, JSON.stringify(JSON.stringify(json)));
      }
      return;
    }
    if (conv.toString && value.kind === 'constant') {
      this.edit(value.span, JSON.stringify(value.name));
      return;
    }
    if (value.kind !== 'function') return;
    if (value.name === 'dbgenerated' && this.crossFamily) {
      const sql = stringValue(value.args[0]?.value)?.trim() ?? '';
      if (UUID_FUNCTIONS.test(sql) && field.type.name === 'String') {
        this.edit(value.span, 'uuid()');
        this.change('default-mapped', value.span, `dbgenerated("${sql}") on ${model.name}.${field.name} becomes uuid() (generated by Prisma Client)`, {
          ...where,
          typeImpact: 'none; ids are generated by Prisma Client instead of the database, so raw SQL inserts must supply them',
        });
      } else if (NOW_FUNCTIONS.test(sql) && field.type.name === 'DateTime') {
        this.edit(value.span, 'now()');
        this.change('default-mapped', value.span, `dbgenerated("${sql}") on ${model.name}.${field.name} becomes now()`, where);
      } else {
        this.removeAttribute(attr, text);
        this.change(
          'default-removed',
          attr.span,
          `dbgenerated("${sql}") on ${model.name}.${field.name} removed: the SQL is written for ${this.masterProvider}`,
          {
            ...where,
            typeImpact: field.type.optional ? 'none (the field is optional)' : `${field.name} becomes required in create inputs on ${this.target.name}`,
          },
        );
      }
      return;
    }
    if (value.name === 'autoincrement') {
      const isId = field.attributes.some((a) => a.name === 'id');
      if (!isId && !this.caps.autoincrementNonId) {
        this.removeAttribute(attr, text);
        this.change(
          'default-removed',
          attr.span,
          `autoincrement() on ${model.name}.${field.name} removed: ${this.target.provider} only auto-increments the id`,
          {
            ...where,
            typeImpact: `${field.name} becomes required in create inputs on ${this.target.name}`,
          },
        );
      } else if (field.type.name === 'Int' && !this.caps.autoincrementInt && this.caps.sequence) {
        this.edit(value.span, 'sequence()');
        this.change(
          'autoincrement-adapted',
          value.span,
          `autoincrement() on Int ${model.name}.${field.name} becomes sequence() on ${this.target.provider}`,
          where,
        );
      }
      return;
    }
    if (value.name === 'sequence' && !this.caps.sequence) {
      const isId = field.attributes.some((a) => a.name === 'id');
      if (isId || this.caps.autoincrementNonId) {
        this.edit(value.span, 'autoincrement()');
        this.change('autoincrement-adapted', value.span, `sequence() on ${model.name}.${field.name} becomes autoincrement()`, where);
      } else {
        this.removeAttribute(attr, text);
        this.change('default-removed', attr.span, `sequence() on ${model.name}.${field.name} removed`, where);
      }
    }
  }

  private blockAttribute(model: Model, attr: Attribute, removedFields: Set<string>): void {
    if (!includedIn(this.annotations(attr.docs), this.target.name)) {
      this.remove(attr.lineSpan);
      this.change('excluded-by-annotation', attr.span, `@@${attr.name} on ${model.name} is left out of ${this.target.name}`, { model: model.name });
      return;
    }
    const gone =
      removedFields.size > 0 && INDEX_LIKE.has(attr.name) ? fieldRefs(getArgument(attr, 'fields', 0)?.value).filter((r) => removedFields.has(r)) : [];
    if (gone.length > 0) {
      this.remove(attr.lineSpan);
      this.change(
        'index-removed',
        attr.span,
        `@@${attr.name} on ${model.name} removed: it covers ${gone.join(', ')}, which ${gone.length > 1 ? 'are' : 'is'} not in ${this.target.name}`,
        { model: model.name },
      );
      return;
    }
    if (attr.name === 'schema' && !this.caps.multiSchema) {
      this.remove(attr.lineSpan);
      this.change('schema-attribute-removed', attr.span, `@@schema removed from ${model.name}`, { model: model.name });
      return;
    }
    if (attr.name === 'fulltext' && !this.caps.fullTextIndex) {
      this.remove(attr.lineSpan);
      this.change('index-removed', attr.span, `@@fulltext on ${model.name} removed: ${this.target.provider} has no full-text indexes`, { model: model.name });
      return;
    }
    if (!INDEXES.has(attr.name)) return;

    const dropNames: string[] = [];
    if (attr.name === 'id' && !this.caps.namedPrimaryKeys) dropNames.push('map');
    if (!this.caps.clustered) dropNames.push('clustered');
    const typeArg = getArgument(attr, 'type');
    if (typeArg && typeArg.value.kind === 'constant' && !this.caps.indexTypes.has(typeArg.value.name)) dropNames.push('type');
    const fieldArgDrops = this.fieldArgDrops;

    const droppedField: { item: string; arg: Argument }[] = [];
    const dropped = attr.args.filter((a) => a.name !== undefined && dropNames.includes(a.name));
    // Most indexes keep every argument: nothing to render then.
    const fieldsValue = getArgument(attr, 'fields', 0)?.value;
    const itemDrops =
      fieldArgDrops.length > 0 &&
      fieldsValue?.kind === 'array' &&
      fieldsValue.items.some((item) => item.kind === 'function' && item.args.some((fa) => fa.name !== undefined && fieldArgDrops.includes(fa.name)));
    if (dropped.length === 0 && !itemDrops) return;
    const kept = attr.args.filter((a) => !dropped.includes(a));
    const rewrite = (arg: Argument): string => {
      if (arg !== getArgument(attr, 'fields', 0) || arg.value.kind !== 'array') return this.source(arg.span);
      const items = arg.value.items.map((item) => {
        if (item.kind !== 'function') return this.source(item.span);
        const keepArgs = item.args.filter((fa) => !(fa.name && fieldArgDrops.includes(fa.name)));
        for (const fa of item.args) if (!keepArgs.includes(fa)) droppedField.push({ item: item.name, arg: fa });
        return keepArgs.length === 0 ? item.name : `${item.name}(${keepArgs.map((k) => this.source(k.span)).join(', ')})`;
      });
      return `${arg.name ? `${arg.name}: ` : ''}[${items.join(', ')}]`;
    };
    const rendered = this.renderAttribute(attr, kept, rewrite);
    if (dropped.length === 0 && droppedField.length === 0) return;
    this.edit(attr.span, rendered);
    for (const arg of dropped) {
      const code: ChangeCode = arg.name === 'map' ? 'constraint-name-removed' : 'index-argument-removed';
      const meaning = arg.name === 'type' ? ` (a ${this.source(arg.value.span)} index becomes a default B-tree index)` : '';
      this.change(
        code,
        arg.span,
        `${arg.name}: ${this.source(arg.value.span)} removed from @@${attr.name} on ${model.name}${meaning}: ${this.target.provider} does not support it`,
        { model: model.name },
      );
    }
    for (const { item, arg } of droppedField) {
      this.change(
        'index-argument-removed',
        arg.span,
        `${arg.name}: ${this.source(arg.value.span)} on ${item} removed from @@${attr.name} on ${model.name}: ${this.target.provider} does not support it`,
        { model: model.name, field: item },
      );
    }
  }

  // ---- annotations -------------------------------------------------------------------------

  private stripAnnotationComments(): void {
    const strip = (docs: Comment[]) => {
      for (const doc of docs) {
        if (!isAnnotationComment(doc)) continue;
        const text = this.texts.get(doc.span.file)!;
        const lineStart = text.lastIndexOf('\n', doc.span.start - 1) + 1;
        const nl = text.indexOf('\n', doc.span.end);
        this.edit(doc.span, '', lineStart, nl === -1 ? text.length : nl + 1);
      }
    };
    for (const block of this.schema.blocks) {
      strip(block.docs);
      if (block.kind === 'model' || block.kind === 'view' || block.kind === 'type') {
        for (const f of block.fields) strip(f.docs);
        for (const a of block.attributes) strip(a.docs);
      } else if (block.kind === 'enum') {
        for (const v of block.values) strip(v.docs);
        for (const a of block.attributes) strip(a.docs);
      }
    }
  }
}

function tsScalar(name: string): string {
  switch (name) {
    case 'String':
      return 'string';
    case 'Int':
    case 'Float':
      return 'number';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'Date';
    case 'Decimal':
      return 'Prisma.Decimal';
    case 'Bytes':
      return 'Uint8Array';
    case 'Json':
      return 'Prisma.JsonValue';
    default:
      return name;
  }
}

/** The JSON value of a list default such as `[]` or `["a", "b"]`, or undefined when it has none. */
function jsonOfDefault(value: Value): unknown {
  if (value.kind === 'array') {
    const items: unknown[] = [];
    for (const item of value.items) {
      const v = jsonOfDefault(item);
      if (v === undefined) return undefined;
      items.push(v);
    }
    return items;
  }
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return value.value;
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'constant') return value.name; // enum value
  return undefined;
}
