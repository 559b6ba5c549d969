import { isScalarType, type Schema } from '../schema/model.js';
import { isCamelCase, type NamingConvention, toCamelCase, toSnakeCase } from '../schema/naming.js';
import type { ClaimedType, FieldFacts } from './claims.js';

export interface ProposedField {
  /** The field line to add: `planTier PlanTier @default(FREE) @map("plan_tier")`. */
  line: string;
  /** Docs say required but give no default: proposed optional so tables with rows accept it. */
  optionalUntilBackfilled: boolean;
}

/**
 * The field line to add to the master for a field the sources use: the docs' type, the
 * schema's naming convention (camelCase, `@map` to snake_case when the schema maps its
 * columns), and what the docs state besides (`@default`, `@unique`, `@updatedAt`). Never a
 * column a table with rows refuses: a required field without a default the docs give is
 * proposed optional (to backfill, then make required). Undefined when the type is unknown or
 * is a relation (a relation needs both sides and a foreign key, a decision for a person).
 */
export function proposedField(
  schema: Schema,
  claimed: string,
  type: ClaimedType | undefined,
  convention: NamingConvention,
  facts: FieldFacts = {},
): ProposedField | undefined {
  if (!type || type.accepts.length === 0) return undefined;
  const typeName = type.accepts[0];
  const enumValues = schema.enums.find((e) => e.name === typeName)?.values.map((v) => v.name);
  if (!isScalarType(typeName) && !enumValues) return undefined;
  // A camelCase name the docs give is kept as written (`imageURLs`); others are converted (`last_read_at`).
  const name = isCamelCase(claimed) ? claimed : toCamelCase(claimed);
  const column = toSnakeCase(claimed);
  const updatedAt = facts.updatedAt === true && typeName === 'DateTime' && !type.list;
  let defaultValue = facts.default !== undefined && !type.list ? prismaDefault(facts.default, typeName, enumValues) : undefined;
  // @updatedAt alone leaves rows that exist before the column without a value.
  if (updatedAt && defaultValue === undefined) defaultValue = 'now()';
  const documentedRequired = type.optional === false && !type.inferred;
  // Not stated (or only implied by a literal in code): optional, so existing rows stay valid.
  const required = !type.list && documentedRequired && defaultValue !== undefined;
  const attributes: string[] = [];
  if (defaultValue !== undefined) attributes.push(`@default(${defaultValue})`);
  if (updatedAt) attributes.push('@updatedAt');
  if (facts.unique && !type.list) attributes.push('@unique');
  if ((convention.mapsToSnakeCase || claimed !== name) && column !== name) attributes.push(`@map("${claimed !== name ? claimed : column}")`);
  const suffix = type.list ? '[]' : required ? '' : '?';
  return {
    line: `${name} ${typeName}${suffix}${attributes.length ? ' ' + attributes.join(' ') : ''}`,
    optionalUntilBackfilled: !type.list && documentedRequired && !required,
  };
}

/** A documented default as a Prisma expression for the type, or undefined when it does not fit. */
function prismaDefault(written: string, typeName: string, enumValues: string[] | undefined): string | undefined {
  const quoted = /^(["'`])(.*)\1$/s.exec(written.trim());
  const value = quoted ? quoted[2].trim() : written.trim();
  if (/^(now|uuid|cuid|autoincrement)\(\)$|^dbgenerated\(.*\)$/.test(value)) {
    const fn = value.slice(0, value.indexOf('('));
    const fits =
      fn === 'now'
        ? typeName === 'DateTime'
        : fn === 'autoincrement'
          ? typeName === 'Int' || typeName === 'BigInt'
          : fn === 'dbgenerated' || typeName === 'String';
    return fits ? value : undefined;
  }
  if (enumValues) return enumValues.includes(value) ? value : undefined;
  switch (typeName) {
    case 'Boolean':
      return /^(true|false)$/i.test(value) ? value.toLowerCase() : undefined;
    case 'Int':
    case 'BigInt':
      return /^-?\d+$/.test(value) ? value : undefined;
    case 'Float':
    case 'Decimal':
      return /^-?\d+(\.\d+)?$/.test(value) ? value : undefined;
    case 'DateTime':
      return /^now$/i.test(value) ? 'now()' : undefined;
    case 'String':
      // Only a quoted or backticked value: a bare word in prose ("defaults to the name") is no default.
      return quoted ? JSON.stringify(value) : undefined;
    default:
      return undefined;
  }
}
