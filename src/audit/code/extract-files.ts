import { readText } from '../../fs/read-text.js';
import { join } from 'node:path';
import { isGeneratedClientText } from '../discover.js';
import type { ModelRead, PrismaCall } from './call.js';
import {
  extractPrismaCalls,
  extractPrismaCallsWithOxc,
  importedUses,
  modelAliases,
  modelContexts,
  prismaImports,
  type CodeExtraction,
  type MethodResult,
  type TypedSink,
} from './extract.js';
import { computedFields, type ComputedField } from './extensions.js';
import { extractDtos, type Dto } from './dtos.js';
import type { Exported, ModelReturn, ModelType } from './model-values.js';
import { importsFile, namedImports } from './imports.js';
import { OPERATION_CALL_PATTERN } from './operations.js';

/**
 * Reads code files and extracts their Prisma Client calls. Sequential on purpose: with focused
 * parsing (call-sites.ts) worker threads cost more in start-up and copying than they save on a
 * two-core machine. A second pass reads, in the files that import them, the calls of top-level
 * functions with a parameter typed with a generated argument type (`getWebsites({ where })`
 * for `getWebsites(criteria: Prisma.WebsiteFindManyArgs)`).
 */
export function extractFiles(
  root: string,
  paths: readonly string[],
  models: ReadonlySet<string> = new Set(),
): Omit<CodeExtraction, 'sinks' | 'typed' | 'returns' | 'returned' | 'methods'> & { computed: Set<ComputedField>; dtos: Dto[] } {
  const calls: PrismaCall[] = [];
  const reads: ModelRead[] = [];
  const errors: CodeExtraction['errors'] = [];
  const computed = new Set<ComputedField>();
  const dtos: Dto[] = [];
  // Top-level functions other files may call (with a typed parameter, or returning a model's
  // records) and aliases of model types (`export type AuthUser = User`).
  type Definition = { file: string; sinks: TypedSink[]; result?: Exported; alias?: ModelType; context?: string | { key: string; type: string }[] };
  const defined = new Map<string, Definition[]>();
  const define = (fn: string, file: string): Definition => {
    let list = defined.get(fn);
    if (!list) defined.set(fn, (list = []));
    let def = list.find((d) => d.file === file);
    if (!def) list.push((def = { file, sinks: [] }));
    return def;
  };
  const texts = new Map<string, string>();
  // Types named exactly like a model (`class Team` for GraphQL), and model values returned into them.
  const views = new Map<string, Dto[]>();
  const returned: { file: string; r: ModelReturn }[] = [];
  const firstMethods = new Map<string, MethodResult[]>();
  for (const path of paths) {
    const text = readText(join(root, path), root);
    if (isGeneratedClientText(text)) continue;
    texts.set(path, text);
    for (const c of computedFields(path, text)) computed.add(c);
    if (models.size > 0)
      for (const d of extractDtos(path, text, models, true)) {
        if (d.name !== d.model) dtos.push(d);
        else views.set(d.name, [...(views.get(d.name) ?? []), d]);
      }
    const result = extractPrismaCalls(path, text, models.size > 0 ? models : undefined);
    for (const c of result.calls) calls.push(c);
    for (const c of result.typed) calls.push(c);
    for (const r of result.reads) reads.push(r);
    for (const r of result.returned) returned.push({ file: path, r });
    for (const e of result.errors) errors.push(e);
    for (const s of result.sinks) define(s.fn, path).sinks.push(s);
    for (const r of result.returns) define(r.fn, path).result = r.result;
    for (const a of modelAliases(text)) define(a.name, path).alias = a.model;
    for (const c of modelContexts(text)) define(c.name, path).context = c.model ?? c.members;
    if (result.methods.length > 0) firstMethods.set(path, result.methods);
  }
  // Services' methods returning records, by class (`TeamService` -> `getTeams` -> the query).
  const classes = new Map<string, { file: string; methods: Map<string, Exported> }[]>();
  const addMethods = (file: string, methods: readonly MethodResult[]): boolean => {
    let added = false;
    for (const m of methods) {
      let list = classes.get(m.cls);
      if (!list) classes.set(m.cls, (list = []));
      let def = list.find((d) => d.file === file);
      if (!def) list.push((def = { file, methods: new Map() }));
      if (!def.methods.has(m.method)) {
        def.methods.set(m.method, m.result);
        added = true;
      }
    }
    return added;
  };
  // Classes injected somewhere whose files the fast reader read: their methods need oxc.
  const injected = new Set<string>();
  for (const text of texts.values()) for (const m of text.matchAll(INJECTED)) injected.add(m[2]);
  for (const [path, text] of texts) {
    if (firstMethods.has(path) || !OPERATION_CALL_PATTERN.test(text)) continue;
    if (![...text.matchAll(CLASS)].some((m) => injected.has(m[1]))) continue;
    const methods = extractPrismaCallsWithOxc(path, text).methods;
    if (methods.length > 0) firstMethods.set(path, methods);
  }
  for (const [file, methods] of firstMethods) addMethods(file, methods);
  // What files do with other files' functions, types and services; a service whose method returns
  // another service's result (`AdminService.fetchAllTeams` -> `TeamService.fetchAllTeams`) is
  // found a round later (three rounds at most).
  /**
   * What `useContext` of a context gives: its model's records, or (a context typed with an
   * interface of its file) the first member typed with a model type or another file's alias of
   * one, under that member (`useBoard().board`).
   */
  const contextValue = (file: string, context: string | { key: string; type: string }[]): Exported | undefined => {
    if (typeof context === 'string') return { root: { model: context, list: false }, path: [] };
    const text = texts.get(file) ?? '';
    const prisma = prismaImports(text);
    for (const { key, type } of context) {
      const model = prisma.get(type);
      if (model && /^[A-Z]/.test(model) && model !== 'Prisma' && model !== 'PrismaClient') return { root: { model, list: false }, path: [`^${key}`] };
      const named = namedImports(text).filter((n) => n.local === type);
      const local = defined.get(type)?.find((d) => d.file === file && d.alias);
      const alias =
        local ?? named.map((n) => defined.get(n.imported)?.find((d) => d.alias && importsFile(file, n.specifier, d.file, n.imported, texts))).find(Boolean);
      if (!alias?.alias) continue;
      const shape = typeof alias.alias === 'string' ? { model: alias.alias } : alias.alias;
      return {
        root: { model: shape.model, list: false, ...(shape.except ? { except: shape.except } : {}), ...(shape.only ? { only: shape.only } : {}) },
        path: [`^${key}`],
      };
    }
    return undefined;
  };
  const used = new Map<string, ReturnType<typeof importedUses> & { key: string }>();
  for (let round = 0, changed = true; round < 3 && changed; round++) {
    changed = false;
    const names = [...defined.keys()];
    const mentions = names.length > 0 ? new RegExp(`\\bimport\\b[^;]*?[{,\\s](?:${names.join('|')})\\s*(?:[,}]|as\\b)`) : undefined;
    for (const [path, text] of texts) {
      const sinks = new Map<string, TypedSink[]>();
      const results = new Map<string, Exported>();
      const aliases = new Map<string, ModelType>();
      if (mentions?.test(text))
        for (const i of namedImports(text)) {
          // The definition the import names (two files may define functions of one name).
          const def = defined.get(i.imported)?.find((d) => importsFile(path, i.specifier, d.file, i.imported, texts));
          if (!def) continue;
          if (def.sinks.length > 0) sinks.set(i.local, def.sinks);
          if (def.result) results.set(i.local, def.result);
          if (def.alias) aliases.set(i.local, def.alias);
          const context = def.context && contextValue(def.file, def.context);
          if (context) results.set(`context:${i.local}`, context);
        }
      const services = injectedServices(path, text, classes, texts);
      if (sinks.size === 0 && results.size === 0 && aliases.size === 0 && services.size === 0) continue;
      const key = JSON.stringify([[...sinks.keys()], [...results.keys()], [...aliases.keys()], [...services].map(([p, m]) => [p, [...m.keys()]])]);
      if (used.get(path)?.key === key) continue;
      const result = importedUses(path, text, sinks, results, aliases, services);
      used.set(path, { ...result, key });
      if (addMethods(path, result.methods)) changed = true;
      for (const r of result.returns) {
        const def = define(r.fn, path);
        if (!def.result) {
          def.result = r.result;
          changed = true;
        }
      }
    }
  }
  for (const [path, u] of used) {
    for (const c of u.calls) calls.push(c);
    for (const r of u.reads) reads.push(r);
    for (const r of u.returned) returned.push({ file: path, r });
  }
  for (const { file, r } of returned) for (const read of returnedReads(file, r, views, texts)) reads.push(read);
  return { calls, reads, errors, computed, dtos };
}

/**
 * A model value returned into a type named like the model, declared in the file or imported
 * into it: each property that type requires (and the return does not write beside a spread) is
 * read off the record there, as the compiler checks.
 */
function returnedReads(file: string, r: ModelReturn, views: ReadonlyMap<string, Dto[]>, texts: ReadonlyMap<string, string>): ModelRead[] {
  const out: ModelRead[] = [];
  for (const type of r.types) {
    const candidates = views.get(type);
    if (!candidates) continue;
    const imports = namedImports(texts.get(file) ?? '').filter((i) => i.local === type);
    const view = candidates.find((v) => v.location.file === file || imports.some((i) => importsFile(file, i.specifier, v.location.file, i.imported, texts)));
    if (!view) continue;
    for (const f of view.fields) {
      if (f.optional || r.written.includes(f.name)) continue;
      out.push({ root: r.root, path: r.path, key: f.name, location: r.location, expect: view.model });
    }
  }
  return out;
}

const CLASS = /\bclass\s+([A-Za-z_$][\w$]*)/g;
const INJECTED = /\b(?:private|public|protected|readonly)\s+(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*:\s*([A-Z][\w$]*)\s*[,)=;]/g;

/**
 * The file's injected services (`constructor(private readonly teamService: TeamService)`,
 * `private teamService: TeamService;`) whose class, declared in the file or imported into it,
 * has methods returning a model's records: property -> method -> what it returns.
 */
function injectedServices(
  file: string,
  text: string,
  classes: ReadonlyMap<string, { file: string; methods: Map<string, Exported> }[]>,
  texts: ReadonlyMap<string, string>,
): Map<string, Map<string, Exported>> {
  const out = new Map<string, Map<string, Exported>>();
  if (classes.size === 0) return out;
  let imports: ReturnType<typeof namedImports> | undefined;
  for (const m of text.matchAll(INJECTED)) {
    const candidates = classes.get(m[2]);
    if (!candidates) continue;
    imports ??= namedImports(text);
    const named = imports.filter((i) => i.local === m[2]);
    const def = candidates.find((d) => d.file === file || named.some((i) => importsFile(file, i.specifier, d.file, i.imported, texts)));
    if (def) out.set(m[1], def.methods);
  }
  return out;
}
