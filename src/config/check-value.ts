/**
 * A small validator for configuration values: collects every problem with its key path so the
 * user sees all mistakes at once ("environments.dev.provider: expected one of ...").
 */
export class ConfigProblems {
  readonly problems: string[] = [];

  add(path: string, message: string): void {
    this.problems.push(`${path || '(root)'}: ${message}`);
  }

  object(path: string, value: unknown): value is Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.add(path, `expected an object, got ${describe(value)}`);
    return false;
  }

  knownKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        const close = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
        this.add(join(path, key), `unknown key${close ? ` (did you mean '${close}'?)` : ''}; known keys: ${allowed.join(', ')}`);
      }
    }
  }

  string(path: string, value: unknown): value is string {
    if (typeof value === 'string' && value.length > 0) return true;
    this.add(path, `expected a non-empty string, got ${describe(value)}`);
    return false;
  }

  boolean(path: string, value: unknown): value is boolean {
    if (typeof value === 'boolean') return true;
    this.add(path, `expected true or false, got ${describe(value)}`);
    return false;
  }

  number(path: string, value: unknown, min?: number): value is number {
    if (typeof value === 'number' && Number.isFinite(value) && (min === undefined || value >= min)) return true;
    this.add(path, `expected a number${min !== undefined ? ` >= ${min}` : ''}, got ${describe(value)}`);
    return false;
  }

  oneOf<T extends string | number>(path: string, value: unknown, options: readonly T[]): value is T {
    if (options.includes(value as T)) return true;
    this.add(path, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describe(value)}`);
    return false;
  }

  stringArray(path: string, value: unknown): value is string[] {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return true;
    this.add(path, `expected a list of strings, got ${describe(value)}`);
    return false;
  }
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
