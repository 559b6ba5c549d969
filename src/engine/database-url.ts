/**
 * Where a database lives, parsed from the URL a user gives. Three kinds are supported:
 * `postgresql://` servers, `file:` SQLite files and `pglite:` PGlite data directories
 * (`pglite:memory` for a throwaway in-memory one).
 */
import path from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export type DatabaseLocation =
  | { kind: 'postgres-server'; provider: 'postgresql'; url: string }
  | { kind: 'pglite'; provider: 'postgresql'; dataDir: string | null }
  | { kind: 'sqlite-file'; provider: 'sqlite'; file: string };

export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

export function parseDatabaseUrl(url: string, baseDir = process.cwd()): DatabaseLocation {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { kind: 'postgres-server', provider: 'postgresql', url: trimmed };
  if (/^pglite:/i.test(trimmed)) {
    const rest = trimmed.replace(/^pglite:(\/\/)?/i, '');
    if (rest === '' || rest === 'memory') return { kind: 'pglite', provider: 'postgresql', dataDir: null };
    return { kind: 'pglite', provider: 'postgresql', dataDir: path.resolve(baseDir, rest) };
  }
  if (/^(file|sqlite):/i.test(trimmed)) {
    const rest = trimmed.replace(/^(file|sqlite):(\/\/)?/i, '').replace(/\?.*$/, '');
    if (rest === '') throw new DatabaseUrlError(`no file path in SQLite URL ${redactUrl(trimmed)}`);
    return { kind: 'sqlite-file', provider: 'sqlite', file: path.resolve(baseDir, rest) };
  }
  throw new DatabaseUrlError(
    `unsupported database URL ${redactUrl(trimmed)}: expected postgresql://..., file:<path> (SQLite) or pglite:<data dir>`,
  );
}

/** The URL with any password replaced by `***`, safe for any output. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):([^@/]*)@/i, '$1:***@')
    .replace(/([?&](password|pass|pwd|sslpassword)=)[^&#]*/gi, '$1***');
}

/** Removes every password found in `urls` from a free text (an error message from a driver). */
export function redactSecrets(text: string, urls: readonly string[]): string {
  let result = text;
  for (const url of urls) {
    for (const secret of passwordsIn(url)) {
      if (secret.length > 0) result = result.split(secret).join('***');
    }
    result = result.split(url).join(redactUrl(url));
  }
  return result;
}

function passwordsIn(url: string): string[] {
  const secrets: string[] = [];
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/[^/@:]*:([^@/]*)@/i.exec(url);
  if (userInfo?.[1]) {
    secrets.push(userInfo[1]);
    try {
      secrets.push(decodeURIComponent(userInfo[1]));
    } catch {
      // a malformed escape: the raw form is already covered
    }
  }
  for (const match of url.matchAll(/[?&](?:password|pass|pwd|sslpassword)=([^&#]*)/gi)) {
    if (match[1]) secrets.push(match[1], safeDecode(match[1]));
  }
  return secrets;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A short, password-free label for a database (used in fleet tables). */
export function describeLocation(location: DatabaseLocation): string {
  switch (location.kind) {
    case 'postgres-server':
      return redactUrl(location.url);
    case 'pglite':
      return location.dataDir === null ? 'pglite:memory' : `pglite:${location.dataDir}`;
    case 'sqlite-file':
      return `file:${location.file}`;
  }
}
