import { describe } from '../config/check-value.js';

/**
 * A rule's options: a validator that turns the user's value into typed options or collects
 * problems naming the key ("lint.rules.require-field.require: expected a list"). Rules declare
 * their options with the combinators below, next to their logic.
 */
export interface OptionsSchema<T> {
  /** Description for the documentation (`{ style: "snake" | "camel" }`). */
  doc: string;
  parse(value: unknown, problems: OptionProblems, path: string): T;
}

export class OptionProblems {
  readonly problems: string[] = [];
  add(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }
}

type Shape = Record<string, OptionsSchema<unknown> & { optional?: boolean }>;
type Parsed<S extends Shape> = { [K in keyof S]: S[K] extends OptionsSchema<infer T> ? T : never };

/** A strict object: unknown keys are problems. `undefined` parses as `{}`. */
export function object<S extends Shape>(shape: S, required: (keyof S & string)[] = []): OptionsSchema<Partial<Parsed<S>>> {
  return {
    doc: `{ ${Object.entries(shape)
      .map(([k, v]) => `${k}${required.includes(k) ? '' : '?'}: ${v.doc}`)
      .join('; ')} }`,
    parse(value, problems, path) {
      if (value === undefined || value === null) {
        for (const key of required) problems.add(`${path}.${key}`, 'is required');
        return {};
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.add(path, `expected an object, got ${describe(value)}`);
        return {};
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (!(key in shape)) problems.add(`${path}.${key}`, `unknown option; known options: ${Object.keys(shape).join(', ') || 'none'}`);
      }
      for (const [key, schema] of Object.entries(shape)) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) {
          if (required.includes(key)) problems.add(`${path}.${key}`, 'is required');
          continue;
        }
        out[key] = schema.parse(v, problems, `${path}.${key}`);
      }
      return out as Partial<Parsed<S>>;
    },
  };
}

export const string: OptionsSchema<string> = {
  doc: 'string',
  parse(value, problems, path) {
    if (typeof value === 'string') return value;
    problems.add(path, `expected a string, got ${describe(value)}`);
    return '';
  },
};

export const boolean: OptionsSchema<boolean> = {
  doc: 'boolean',
  parse(value, problems, path) {
    if (typeof value === 'boolean') return value;
    problems.add(path, `expected true or false, got ${describe(value)}`);
    return false;
  },
};

/** A string, or a RegExp (from a JavaScript or TypeScript configuration). */
export const pattern: OptionsSchema<string | RegExp> = {
  doc: 'string | RegExp',
  parse(value, problems, path) {
    if (typeof value === 'string' || value instanceof RegExp) return value;
    problems.add(path, `expected a string or a regular expression, got ${describe(value)}`);
    return '';
  },
};

export function oneOf<T extends string>(values: readonly T[]): OptionsSchema<T> {
  return {
    doc: values.map((v) => JSON.stringify(v)).join(' | '),
    parse(value, problems, path) {
      if (values.includes(value as T)) return value as T;
      problems.add(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`);
      return values[0];
    },
  };
}

export function list<T>(item: OptionsSchema<T>): OptionsSchema<T[]> {
  return {
    doc: `${item.doc.includes(' ') ? `(${item.doc})` : item.doc}[]`,
    parse(value, problems, path) {
      if (!Array.isArray(value)) {
        problems.add(path, `expected a list, got ${describe(value)}`);
        return [];
      }
      return value.map((v, i) => item.parse(v, problems, `${path}[${i}]`));
    },
  };
}

export function union<A, B>(a: OptionsSchema<A>, b: OptionsSchema<B>, accepts: (value: unknown) => 'a' | 'b'): OptionsSchema<A | B> {
  return {
    doc: `${a.doc} | ${b.doc}`,
    parse(value, problems, path) {
      return accepts(value) === 'a' ? a.parse(value, problems, path) : b.parse(value, problems, path);
    },
  };
}

export function record<T>(item: OptionsSchema<T>): OptionsSchema<Record<string, T>> {
  return {
    doc: `Record<string, ${item.doc}>`,
    parse(value, problems, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.add(path, `expected an object, got ${describe(value)}`);
        return {};
      }
      const out: Record<string, T> = {};
      for (const [k, v] of Object.entries(value)) out[k] = item.parse(v, problems, `${path}.${k}`);
      return out;
    },
  };
}

/** Rules without options. */
export const noOptions = object({});
