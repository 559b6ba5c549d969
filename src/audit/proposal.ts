import { isScalarType, type Schema } from '../schema/model.js';
import type { ClaimedType } from './claims.js';
import { isCamelCase, type NamingConvention, toCamelCase, toSnakeCase } from '../schema/naming.js';

/**
 * The field line to add to the master for a field the sources use: the docs' type and
 * optionality, the schema's naming convention (camelCase, `@map` to snake_case when the
 * schema maps its columns). Undefined when the type is unknown or is a relation (a relation
 * needs both sides and a foreign key, a decision for a person).
 */
export function proposedFieldLine(schema: Schema, claimed: string, type: ClaimedType | undefined, convention: NamingConvention): string | undefined {
  if (!type || type.accepts.length === 0) return undefined;
  const typeName = type.accepts[0];
  const isEnum = schema.enums.some((e) => e.name === typeName);
  if (!isScalarType(typeName) && !isEnum) return undefined;
  // A camelCase name the docs give is kept as written (`imageURLs`); others are converted (`last_read_at`).
  const name = isCamelCase(claimed) ? claimed : toCamelCase(claimed);
  const column = toSnakeCase(claimed);
  // Not stated (or only implied by a literal in code): optional, so existing rows stay valid.
  const optional = type.list ? '' : type.optional === false && !type.inferred ? '' : '?';
  const attributes: string[] = [];
  if ((convention.mapsToSnakeCase || claimed !== name) && column !== name) attributes.push(`@map("${claimed !== name ? claimed : column}")`);
  return `${name} ${typeName}${type.list ? '[]' : ''}${optional}${attributes.length ? ' ' + attributes.join(' ') : ''}`;
}
