/**
 * A valid value for one field, as Prisma Client accepts it: within native type limits
 * (`@db.VarChar(3)`, `@db.Uuid`, `@db.Decimal(4, 2)`...), distinct for every `n` so unique
 * constraints hold, and deterministic so a failing run can be reproduced.
 */
import type { Field, Schema } from '../schema/model.js';

export function synthesizeValue(schema: Schema, field: Field, n: number): unknown {
  const single = scalarValue(schema, field, n);
  return field.type.list ? [single] : single;
}

function nativeType(field: Field): { name: string; args: number[] } | undefined {
  // Native types are `<datasource name>.<Type>`, e.g. `db.VarChar(32)`.
  const attribute = field.attributes.find((a) => !a.block && a.name.includes('.'));
  if (!attribute) return undefined;
  const name = attribute.name.slice(attribute.name.indexOf('.') + 1);
  const args = attribute.args.map((a) => (a.value.kind === 'number' ? a.value.value : NaN)).filter((v) => !Number.isNaN(v));
  return { name, args };
}

/** A deterministic RFC 4122 version 4 UUID numbered `n`. */
export function numberedUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function scalarValue(schema: Schema, field: Field, n: number): unknown {
  const enumBlock = schema.enums.find((e) => e.name === field.type.name);
  if (enumBlock) return enumBlock.values[n % enumBlock.values.length]?.name;
  const native = nativeType(field);
  switch (field.type.name) {
    case 'String':
      return stringValue(field.name, n, native);
    case 'Int':
      return native?.name === 'SmallInt' ? n % 32_000 : n;
    case 'BigInt':
      return BigInt(n);
    case 'Float':
      return n + 0.5;
    case 'Decimal':
      return decimalValue(n, native);
    case 'Boolean':
      return n % 2 === 0;
    case 'DateTime':
      // Whole seconds at midnight UTC survive @db.Date, @db.Time and every timestamp precision.
      return new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
    case 'Json':
      return { steward: n };
    case 'Bytes':
      return new Uint8Array([0x73, 0x74, n & 0xff, (n >> 8) & 0xff]);
    default:
      return undefined;
  }
}

function stringValue(fieldName: string, n: number, native: { name: string; args: number[] } | undefined): string {
  switch (native?.name) {
    case 'Uuid':
      return numberedUuid(n);
    case 'Inet':
      return `10.0.${(n >> 8) & 0xff}.${n & 0xff}`;
    case 'Xml':
      return `<steward n="${n}"/>`;
    case 'Bit':
    case 'VarBit': {
      const length = native.args[0] ?? 1;
      return (n % 2 ** Math.min(length, 30)).toString(2).padStart(length, '0').slice(-length);
    }
    case 'Char':
    case 'NChar':
    case 'VarChar':
    case 'NVarChar':
      return bounded(fieldName, n, native.args[0]);
    default:
      return `${fieldName}-${n}`;
  }
}

/** As readable as the length allows, and still distinct per n (base 36 when space is short). */
function bounded(fieldName: string, n: number, max: number | undefined): string {
  const full = `${fieldName}-${n}`;
  if (max === undefined || full.length <= max) return full;
  const compact = n.toString(36);
  return compact.length <= max ? compact.padStart(max, 'x') : compact.slice(-max);
}

function decimalValue(n: number, native: { name: string; args: number[] } | undefined): string {
  if (native?.name !== 'Decimal' || native.args.length === 0) return `${n}.25`;
  const [precision, scale = 0] = native.args;
  const integerDigits = precision - scale;
  if (integerDigits <= 0) return scale > 0 ? `0.${String(n % 10 ** Math.min(scale, 6)).padStart(Math.min(scale, 6), '0')}` : '0';
  const whole = n % 10 ** Math.min(integerDigits, 9);
  return scale > 0 ? `${whole}.5` : `${whole}`;
}
