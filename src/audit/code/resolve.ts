import type { Field, Model, Schema } from '../../schema/model.js';
import { fieldKind, fieldRefs, getArgument } from '../../schema/query.js';
import type { Claim, ClaimedType, ClaimLocation, FieldClaim } from '../claims.js';
import type { ArgProperty, ArgValue, ModelRead, PrismaCall } from './call.js';
import { delegateName } from './operations.js';
import type { ComputedField } from './extensions.js';

const LOGICAL = new Set(['AND', 'OR', 'NOT']);
const RELATION_LIST_FILTERS = new Set(['some', 'every', 'none']);
const RELATION_ONE_FILTERS = new Set(['is', 'isNot']);
const SCALAR_LIST_FILTERS = new Set(['has', 'hasSome', 'hasEvery', 'isEmpty']);
const AGGREGATES = new Set(['_count', '_avg', '_sum', '_min', '_max']);
/** Options of a nested read (`include: { messages: { where, take } }`). */
const READ_OPTIONS = new Set(['select', 'include', 'omit', 'where', 'orderBy', 'cursor', 'take', 'skip', 'distinct', 'relationLoadStrategy']);

/**
 * Gives the keys of Prisma Client calls their meaning, using the schema: which keys are
 * fields of which model (following relations into nested reads, writes and filters), and
 * which are operators, compound unique selectors or aggregates (never claims). Pure.
 */
export function resolveCalls(
  schema: Schema,
  calls: readonly PrismaCall[],
  computed: ReadonlySet<ComputedField> = new Set(),
  reads: readonly ModelRead[] = [],
): Claim[] {
  const resolver = new CallResolver(schema, computed);
  for (const call of calls) resolver.call(call);
  for (const read of reads) resolver.read(read);
  return sharedObjects(schema, resolver.claims);
}

/**
 * One object written once and passed for several models (`const some = { finished: true, ... }`
 * in `displays: { some }` on one branch and `responses: { some }` on the other): a key it names
 * is that field where the model has it, not a missing field of the others.
 */
function sharedObjects(schema: Schema, claims: Claim[]): Claim[] {
  const byPlace = new Map<string, Set<string>>();
  const place = (c: FieldClaim): string => `${c.location.file}:${c.location.line}:${c.location.column}:${c.field}`;
  for (const c of claims) {
    if (c.kind !== 'field') continue;
    const k = place(c);
    let models = byPlace.get(k);
    if (!models) byPlace.set(k, (models = new Set()));
    models.add(c.model);
  }
  const has = (model: string, field: string): boolean =>
    [...schema.models, ...schema.views].some((m) => m.name === model && m.fields.some((f) => f.name === field));
  return claims.filter((c) => {
    if (c.kind !== 'field') return true;
    const models = byPlace.get(place(c))!;
    return models.size === 1 || has(c.model, c.field) || ![...models].some((m) => has(m, c.field));
  });
}

/** Operations whose result is a list of records. */
const LIST_RESULTS = new Set(['findMany', 'createManyAndReturn', 'updateManyAndReturn', 'groupBy']);
/** What every object or promise has: never a field. */
const NOT_FIELDS = new Set([
  'then',
  'catch',
  'finally',
  'toString',
  'toJSON',
  'valueOf',
  'hasOwnProperty',
  'constructor',
  'toLocaleString',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

class CallResolver {
  readonly claims: Claim[] = [];
  private readonly byDelegate = new Map<string, Model>();
  private readonly byName = new Map<string, Model>();

  constructor(
    private readonly schema: Schema,
    private readonly computed: ReadonlySet<ComputedField>,
  ) {
    for (const model of [...schema.models, ...schema.views]) {
      this.byDelegate.set(delegateName(model.name), model);
      this.byName.set(model.name, model);
    }
  }

  /**
   * A property read off records (model-values.ts): `path` is walked through relations from the
   * root's model; the key is a field claim when the value read is one record of a model.
   */
  read(read: ModelRead): void {
    const root = read.root;
    if ('clientLike' in root && !root.clientLike) return;
    const start = 'delegate' in root ? this.byDelegate.get(root.delegate) : this.byName.get(root.model);
    if (!start) return;
    let model: Model = start;
    let list = 'delegate' in root ? LIST_RESULTS.has(root.operation) : root.list;
    const path = read.path;
    if ('delegate' in root && (root.operation === 'aggregate' || root.operation === 'groupBy')) {
      // `agg._sum.amount`, `groups[0]._count.id`, `groups.map((g) => g.status)` (a `by` field).
      const rest = root.operation === 'groupBy' ? (path[0] === '[]' ? path.slice(1) : undefined) : path;
      if (!rest || rest.length > 1 || (rest.length === 1 && !AGGREGATES.has(rest[0]))) return;
      if (rest.length === 0 && root.operation === 'aggregate') return;
      if (read.key === '_all' || read.key.startsWith('_') || NOT_FIELDS.has(read.key)) return;
      this.field(model, { key: read.key, location: read.location, value: { kind: 'opaque', location: read.location } }, 'result');
      return;
    }
    for (const step of path) {
      if (step === '[]') {
        if (!list) return;
        list = false;
        continue;
      }
      if (list) return;
      const field: Field | undefined = model.fields.find((f) => f.name === step);
      const related: Model | undefined = field && this.related(field);
      if (!field || !related) return;
      model = related;
      list = field.type.list;
    }
    // A list returned into `Team[]`: each element is checked against the type.
    if (list && read.expect !== undefined) list = false;
    if (list || read.key.startsWith('_') || read.key.startsWith('$') || NOT_FIELDS.has(read.key)) return;
    if (read.expect !== undefined && read.expect !== model.name) return;
    this.field(model, { key: read.key, location: read.location, value: { kind: 'opaque', location: read.location } }, 'result');
  }

  call(call: PrismaCall): void {
    // Only Prisma clients' calls (prisma-clients.ts): `stripeClient.subscriptions.update` is not one.
    if (!call.clientLike) return;
    const model = this.byDelegate.get(call.delegate);
    if (call.typed && !model) return;
    if (!model) {
      this.claims.push({
        kind: 'model',
        source: 'code',
        model: call.delegate.charAt(0).toUpperCase() + call.delegate.slice(1),
        location: call.location,
        explicit: true,
      });
      return;
    }
    if (!call.typed) this.claims.push({ kind: 'model', source: 'code', model: model.name, location: call.location, explicit: true });
    const args = call.args;
    if (args?.kind !== 'object') return;
    for (const p of args.props) {
      switch (p.key) {
        case 'where':
        case 'cursor':
          this.where(model, p.value);
          break;
        case 'data':
          this.data(model, p.value);
          break;
        case 'create':
        case 'update':
          if (call.operation === 'upsert') this.data(model, p.value);
          break;
        case 'select':
        case 'include':
          this.selection(model, p.value, p.key);
          break;
        case 'omit':
          this.fieldKeys(model, p.value, 'omit');
          break;
        case 'orderBy':
          this.orderBy(model, p.value);
          break;
        case 'distinct':
        case 'by':
          this.fieldNames(model, p.value, p.key);
          break;
        case 'having':
          this.having(model, p.value);
          break;
        case 'skipDuplicates':
          if (p.value.kind !== 'boolean' || p.value.value) this.feature('skip-duplicates', 'skipDuplicates', model, undefined, p.location);
          break;
        default:
          if (AGGREGATES.has(p.key)) this.fieldKeys(model, p.value, p.key);
      }
    }
  }

  private field(model: Model, prop: ArgProperty, context: string, type?: ClaimedType): Field | undefined {
    // A field a client extension computes is read like a column, but is none.
    if (this.computed.has(`${delegateName(model.name)}.${prop.key}`)) return undefined;
    const claim: FieldClaim = { kind: 'field', source: 'code', model: model.name, field: prop.key, location: prop.location, context };
    if (type) claim.type = type;
    this.claims.push(claim);
    return model.fields.find((f) => f.name === prop.key);
  }

  private related(field: Field): Model | undefined {
    return fieldKind(this.schema, field) === 'relation' ? this.byName.get(field.type.name) : undefined;
  }

  private feature(
    feature: 'insensitive-mode' | 'scalar-list-filter' | 'skip-duplicates',
    written: string,
    model: Model,
    field: string | undefined,
    location: ClaimLocation,
  ): void {
    this.claims.push({ kind: 'feature', source: 'code', feature, written, model: model.name, ...(field ? { field } : {}), location });
  }

  private where(model: Model, value: ArgValue): void {
    if (value.kind === 'array') {
      for (const item of value.items) this.where(model, item);
      return;
    }
    if (value.kind !== 'object') return;
    for (const p of value.props) {
      if (LOGICAL.has(p.key)) {
        this.where(model, p.value);
        continue;
      }
      if (isCompoundSelector(model, p.key)) continue;
      const field = this.field(model, p, 'where');
      if (!field) continue;
      const related = this.related(field);
      if (related) this.relationFilter(related, p.value);
      else this.scalarFilter(model, field, p.value);
    }
  }

  private relationFilter(related: Model, value: ArgValue): void {
    if (value.kind !== 'object') return;
    const direct: ArgProperty[] = [];
    for (const p of value.props) {
      if (RELATION_LIST_FILTERS.has(p.key) || RELATION_ONE_FILTERS.has(p.key)) this.where(related, p.value);
      else direct.push(p);
    }
    // `author: { name: 'x' }` is shorthand for `author: { is: { name: 'x' } }`.
    if (direct.length > 0) this.where(related, { ...value, props: direct });
  }

  private scalarFilter(model: Model, field: Field, value: ArgValue): void {
    if (value.kind !== 'object' || field.type.name === 'Json') return;
    for (const p of value.props) {
      if (p.key === 'mode' && p.value.kind === 'string' && p.value.value === 'insensitive')
        this.feature('insensitive-mode', "mode: 'insensitive'", model, field.name, p.location);
      else if (SCALAR_LIST_FILTERS.has(p.key)) this.feature('scalar-list-filter', p.key, model, field.name, p.location);
      else if (p.key === 'not') this.scalarFilter(model, field, p.value);
    }
  }

  private data(model: Model, value: ArgValue): void {
    if (value.kind === 'array') {
      for (const item of value.items) this.data(model, item);
      return;
    }
    if (value.kind !== 'object') return;
    for (const p of value.props) {
      const field = this.field(model, p, 'data', inferredType(p.value));
      if (!field) continue;
      const related = this.related(field);
      if (related) this.nestedWrite(related, p.value);
    }
  }

  private nestedWrite(related: Model, value: ArgValue): void {
    if (value.kind !== 'object') return;
    for (const p of value.props) {
      for (const item of p.value.kind === 'array' ? p.value.items : [p.value]) {
        switch (p.key) {
          case 'create':
            this.data(related, item);
            break;
          case 'connect':
          case 'set':
          case 'disconnect':
          case 'delete':
          case 'deleteMany':
            this.where(related, item);
            break;
          case 'createMany':
            for (const q of objectProps(item)) {
              if (q.key === 'data') this.data(related, q.value);
              if (q.key === 'skipDuplicates') this.feature('skip-duplicates', 'skipDuplicates', related, undefined, q.location);
            }
            break;
          case 'connectOrCreate':
          case 'upsert':
            for (const q of objectProps(item)) {
              if (q.key === 'where') this.where(related, q.value);
              else if (q.key === 'create' || q.key === 'update') this.data(related, q.value);
            }
            break;
          case 'update':
          case 'updateMany': {
            const props = objectProps(item);
            // To-one `update` takes the data directly, or `{ where, data }`.
            if (props.some((q) => q.key === 'data')) {
              for (const q of props) {
                if (q.key === 'where') this.where(related, q.value);
                else if (q.key === 'data') this.data(related, q.value);
              }
            } else this.data(related, item);
            break;
          }
        }
      }
    }
  }

  private selection(model: Model, value: ArgValue, context: string): void {
    if (value.kind !== 'object') return;
    for (const p of value.props) {
      if (p.key === '_count') {
        this.countSelection(model, p.value);
        continue;
      }
      const field = this.field(model, p, context);
      if (!field) continue;
      const related = this.related(field);
      if (related && p.value.kind === 'object') this.nestedRead(related, p.value);
    }
  }

  private nestedRead(model: Model, value: ArgValue): void {
    for (const p of objectProps(value)) {
      if (!READ_OPTIONS.has(p.key)) continue;
      if (p.key === 'where' || p.key === 'cursor') this.where(model, p.value);
      else if (p.key === 'select' || p.key === 'include') this.selection(model, p.value, p.key);
      else if (p.key === 'omit') this.fieldKeys(model, p.value, 'omit');
      else if (p.key === 'orderBy') this.orderBy(model, p.value);
      else if (p.key === 'distinct') this.fieldNames(model, p.value, 'distinct');
    }
  }

  private countSelection(model: Model, value: ArgValue): void {
    for (const p of objectProps(value)) {
      if (p.key !== 'select') continue;
      for (const q of objectProps(p.value)) {
        const field = this.field(model, q, '_count');
        const related = field && this.related(field);
        if (related) for (const r of objectProps(q.value)) if (r.key === 'where') this.where(related, r.value);
      }
    }
  }

  private orderBy(model: Model, value: ArgValue): void {
    if (value.kind === 'array') {
      for (const item of value.items) this.orderBy(model, item);
      return;
    }
    for (const p of objectProps(value)) {
      if (p.key === '_relevance') continue;
      if (AGGREGATES.has(p.key)) {
        this.fieldKeys(model, p.value, 'orderBy');
        continue;
      }
      const field = this.field(model, p, 'orderBy');
      const related = field && this.related(field);
      if (related && p.value.kind === 'object') this.orderBy(related, p.value);
    }
  }

  private having(model: Model, value: ArgValue): void {
    for (const p of objectProps(value)) {
      if (LOGICAL.has(p.key)) {
        for (const item of p.value.kind === 'array' ? p.value.items : [p.value]) this.having(model, item);
      } else this.field(model, p, 'having');
    }
  }

  /** `{ fieldA: true, fieldB: true }` (omit, `_count`, `_avg` ...). */
  private fieldKeys(model: Model, value: ArgValue, context: string): void {
    for (const p of objectProps(value)) if (p.key !== '_all') this.field(model, p, context);
  }

  /** `distinct: ['a', 'b']`, `by: ['a']`: field names as strings. */
  private fieldNames(model: Model, value: ArgValue, context: string): void {
    for (const item of value.kind === 'array' ? value.items : [value]) {
      if (item.kind === 'string')
        this.field(model, { key: item.value, location: { ...item.location, column: item.location.column + 1 }, value: item }, context);
    }
  }
}

function objectProps(value: ArgValue): ArgProperty[] {
  return value.kind === 'object' ? value.props : [];
}

/**
 * `conversationId_userId` (or a custom `name:`) selects by a compound `@@id`/`@@unique`;
 * it is not a field.
 */
export function isCompoundSelector(model: Model, key: string): boolean {
  for (const attribute of model.attributes) {
    if (attribute.name !== 'unique' && attribute.name !== 'id') continue;
    const fields = fieldRefs(getArgument(attribute, 'fields', 0)?.value);
    const name = getArgument(attribute, 'name')?.value;
    if (name?.kind === 'string' && name.value === key) return true;
    if (fields.length > 1 && fields.join('_') === key) return true;
  }
  return false;
}

/** What a literal written into `data` says about the field's type. */
function inferredType(value: ArgValue): ClaimedType | undefined {
  switch (value.kind) {
    case 'string':
      return { accepts: ['String'], written: 'String', list: false, inferred: true };
    case 'boolean':
      return { accepts: ['Boolean'], written: 'Boolean', list: false, inferred: true };
    case 'number':
      return Number.isInteger(value.value)
        ? { accepts: ['Int', 'BigInt', 'Float', 'Decimal'], written: 'Int', list: false, inferred: true }
        : { accepts: ['Float', 'Decimal'], written: 'Float', list: false, inferred: true };
    case 'date':
      return { accepts: ['DateTime'], written: 'DateTime', list: false, inferred: true };
    default:
      return undefined;
  }
}
