import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigProblems } from '../config/check-value.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';
import { OptionProblems } from './options.js';
import { PRESETS, type PresetName, presetSeverities } from './presets.js';
import { RULES_BY_ID } from './rules/index.js';
import type { LintConfig, LintOverride, RuleSetting } from './settings.js';

/**
 * The `lint` section of the steward configuration:
 *
 *   lint: {
 *     preset: 'recommended',                       // or 'none'
 *     rules: { 'table-name-snake-case': ['error', { style: 'singular' }], 'require-id': 'off' },
 *     overrides: [{ files: ['prisma/legacy/*.prisma'], environments: ['dev'], rules: { ... } }],
 *     prismaLintConfig: '.prismalintrc.json',       // default: found automatically; false: ignore
 *     baseline: '.steward/lint-baseline.json',
 *   }
 *
 * Rule entries use prisma-lint's (and ESLint's) shape: a level, or [level, options].
 */
export type RuleLevel = 'error' | 'warn' | 'warning' | 'info' | 'off' | 0 | 1 | 2;
export type RuleEntry = RuleLevel | [RuleLevel] | [RuleLevel, unknown];

export interface LintSection {
  preset?: PresetName;
  rules?: Record<string, RuleEntry>;
  overrides?: { files?: string | string[]; environments?: string[]; rules: Record<string, RuleEntry> }[];
  prismaLintConfig?: string | false;
  baseline?: string;
}

const SECTION_KEYS = ['preset', 'rules', 'overrides', 'prismaLintConfig', 'baseline'];
const LEVELS: readonly unknown[] = ['error', 'warn', 'warning', 'info', 'off', 0, 1, 2];

function severityOf(level: RuleLevel): Severity | 'off' {
  if (level === 'error' || level === 2) return 'error';
  if (level === 'warn' || level === 'warning' || level === 1) return 'warning';
  if (level === 'info') return 'info';
  return 'off';
}

/** Validates the section for the config loader (registered in src/compose/sections.ts). */
export function validateLintSection(value: unknown, problems: ConfigProblems, path: string): void {
  const p = new OptionProblems();
  checkSection(value, p, path);
  for (const problem of p.problems) {
    const at = problem.indexOf(': ');
    problems.add(problem.slice(0, at), problem.slice(at + 2));
  }
}

function checkSection(value: unknown, p: OptionProblems, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.add(path, 'expected an object');
    return;
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!SECTION_KEYS.includes(key)) p.add(`${path}.${key}`, `unknown key; known keys: ${SECTION_KEYS.join(', ')}`);
  if (v.preset !== undefined && !PRESETS.includes(v.preset as PresetName))
    p.add(`${path}.preset`, `expected one of ${PRESETS.map((x) => JSON.stringify(x)).join(', ')}`);
  if (v.rules !== undefined) parseRuleEntries(v.rules, p, `${path}.rules`);
  if (v.overrides !== undefined) {
    if (!Array.isArray(v.overrides)) p.add(`${path}.overrides`, 'expected a list');
    else v.overrides.forEach((o, i) => parseOverride(o, p, `${path}.overrides[${i}]`, {}));
  }
  if (v.prismaLintConfig !== undefined && v.prismaLintConfig !== false && typeof v.prismaLintConfig !== 'string')
    p.add(`${path}.prismaLintConfig`, 'expected a path or false');
  if (v.baseline !== undefined && typeof v.baseline !== 'string') p.add(`${path}.baseline`, 'expected a path');
}

/** Parses `{ ruleId: entry }`. Unknown rules and bad options are problems naming the key. */
function parseRuleEntries(value: unknown, p: OptionProblems, path: string, base: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.add(path, 'expected an object of rule ids');
    return out;
  }
  for (const [id, entry] of Object.entries(value)) {
    const at = `${path}.${id}`;
    const rule = RULES_BY_ID.get(id);
    if (!rule) {
      const close = [...RULES_BY_ID.keys()].find((k) => k.replace(/-/g, '') === id.replace(/[-_]/g, '').toLowerCase());
      p.add(at, `unknown rule${close ? ` (did you mean '${close}'?)` : ''}`);
      continue;
    }
    const level = Array.isArray(entry) ? entry[0] : entry;
    if (!LEVELS.includes(level)) {
      p.add(at, `expected "error", "warn", "off" or [level, options], got ${JSON.stringify(level)}`);
      continue;
    }
    const severity = severityOf(level as RuleLevel);
    const hasOptions = Array.isArray(entry) && entry.length > 1;
    if (severity === 'off') {
      out[id] = { severity, options: base[id]?.options };
      continue;
    }
    if (!hasOptions && base[id] && base[id].options !== undefined) {
      out[id] = { severity, options: base[id].options };
      continue;
    }
    const options = rule.options.parse(hasOptions ? (entry as unknown[])[1] : undefined, p, hasOptions ? `${at}[1]` : at);
    out[id] = { severity, options };
  }
  return out;
}

function parseOverride(value: unknown, p: OptionProblems, path: string, base: Record<string, RuleSetting>): LintOverride | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.add(path, 'expected an object { files?, environments?, rules }');
    return undefined;
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!['files', 'environments', 'rules'].includes(key)) p.add(`${path}.${key}`, 'unknown key; known keys: files, environments, rules');
  const files = typeof v.files === 'string' ? [v.files] : v.files;
  if (files !== undefined && !(Array.isArray(files) && files.every((f) => typeof f === 'string'))) p.add(`${path}.files`, 'expected a glob or a list of globs');
  if (v.environments !== undefined && !(Array.isArray(v.environments) && v.environments.every((f) => typeof f === 'string')))
    p.add(`${path}.environments`, 'expected a list of environment names');
  if (v.rules === undefined) p.add(`${path}.rules`, 'is required');
  const rules = parseRuleEntries(v.rules ?? {}, p, `${path}.rules`, base);
  return { files: files as string[] | undefined, environments: v.environments as string[] | undefined, rules };
}

export interface ResolveLintOptions {
  /** The raw `lint` section. */
  section?: unknown;
  /** A prisma-lint configuration object (`{ rules: {...} }`), applied over the preset. */
  prismaLint?: { config: unknown; path: string };
  /** Environment names known to the configuration, to check `overrides[].environments`. */
  environmentNames?: readonly string[];
}

/**
 * Resolves preset + prisma-lint configuration + `lint.rules` + overrides into a LintConfig.
 * Throws CONFIG_INVALID (exit 2) listing every problem with its key.
 */
export function resolveLintConfig(options: ResolveLintOptions = {}): LintConfig {
  const p = new OptionProblems();
  const section = (options.section ?? {}) as LintSection;
  if (options.section !== undefined) checkSection(options.section, p, 'lint');
  const preset = section.preset ?? 'recommended';
  const rules: Record<string, RuleSetting> = {};
  for (const [id, severity] of Object.entries(presetSeverities(PRESETS.includes(preset) ? preset : 'recommended'))) {
    rules[id] = { severity, options: severity === 'off' ? undefined : RULES_BY_ID.get(id)!.options.parse(undefined, p, `lint.rules.${id}`) };
  }
  if (options.prismaLint) {
    const c = options.prismaLint.config as { rules?: unknown } | null;
    if (typeof c !== 'object' || c === null || c.rules === undefined) p.add(options.prismaLint.path, 'expected a "rules" key (prisma-lint configuration)');
    else Object.assign(rules, parseRuleEntries(c.rules, p, `${options.prismaLint.path}: rules`));
  }
  if (section.rules !== undefined && typeof section.rules === 'object')
    Object.assign(rules, parseRuleEntries(section.rules, new OptionProblems(), 'lint.rules', rules));
  const overrides: LintOverride[] = [];
  if (Array.isArray(section.overrides)) {
    section.overrides.forEach((o, i) => {
      const parsed = parseOverride(o, new OptionProblems(), `lint.overrides[${i}]`, rules);
      if (!parsed) return;
      for (const env of parsed.environments ?? []) {
        if (options.environmentNames && !options.environmentNames.includes(env))
          p.add(`lint.overrides[${i}].environments`, `unknown environment '${env}' (configured: ${options.environmentNames.join(', ')})`);
      }
      overrides.push(parsed);
    });
  }
  if (p.problems.length > 0) {
    throw new StewardError('CONFIG_INVALID', `Invalid lint configuration (${p.problems.length} problem${p.problems.length > 1 ? 's' : ''})`, {
      details: p.problems,
    });
  }
  return { rules, overrides };
}

/** Where prisma-lint's configuration search (cosmiconfig 9, module name "prismalint") looks, in its order. */
export const PRISMA_LINT_SEARCH_PLACES = [
  'package.json',
  '.prismalintrc',
  '.prismalintrc.json',
  '.prismalintrc.yaml',
  '.prismalintrc.yml',
  '.prismalintrc.js',
  '.prismalintrc.ts',
  '.prismalintrc.cjs',
  '.prismalintrc.mjs',
  '.config/prismalintrc',
  '.config/prismalintrc.json',
  '.config/prismalintrc.yaml',
  '.config/prismalintrc.yml',
  '.config/prismalintrc.js',
  '.config/prismalintrc.ts',
  '.config/prismalintrc.cjs',
  '.config/prismalintrc.mjs',
  'prismalint.config.js',
  'prismalint.config.ts',
  'prismalint.config.cjs',
  'prismalint.config.mjs',
];

/**
 * Finds and reads a prisma-lint configuration in `dir` the way prisma-lint's own search does
 * (cosmiconfig: the places above, in that order; package.json only when it has a `prismalint`
 * key): JSON, YAML (also `.prismalintrc` without extension, which may be either), JavaScript
 * and TypeScript files.
 */
export async function loadPrismaLintConfig(dir: string, explicit?: string): Promise<{ config: unknown; path: string } | undefined> {
  if (explicit) {
    if (!existsSync(join(dir, explicit))) throw new StewardError('FILE_NOT_FOUND', `prisma-lint configuration ${explicit} not found`);
    return { config: await readPrismaLintFile(dir, explicit), path: explicit };
  }
  for (const name of PRISMA_LINT_SEARCH_PLACES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    if (name === 'package.json') {
      let pkg: { prismalint?: unknown };
      try {
        pkg = JSON.parse(readFileSync(path, 'utf8')) as { prismalint?: unknown };
      } catch {
        continue; // a broken package.json is someone else's error to report
      }
      if (pkg.prismalint !== undefined) return { config: pkg.prismalint, path: 'package.json#prismalint' };
      continue;
    }
    return { config: await readPrismaLintFile(dir, name), path: name };
  }
  return undefined;
}

async function readPrismaLintFile(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  if (/\.(c|m)?js$/.test(name)) {
    try {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      return mod.default ?? mod;
    } catch (error) {
      throw new StewardError('CONFIG_LOAD_FAILED', `Could not load ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (/\.(c|m)?ts$/.test(name)) {
    const { importConfigFile } = await import('../config/import-file.js');
    return importConfigFile(path, dir);
  }
  const text = readFileSync(path, 'utf8');
  const isYaml = /\.ya?ml$/.test(name);
  if (!isYaml) {
    try {
      return JSON.parse(text);
    } catch (error) {
      // `.prismalintrc` without an extension may be YAML, as for prisma-lint; a .json file may not.
      if (name.endsWith('.json'))
        throw new StewardError('CONFIG_INVALID', `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
          location: { file: name },
        });
    }
  }
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text);
  const problem = doc.errors[0];
  if (problem) {
    const [line, column] = problem.linePos?.[0] ? [problem.linePos[0].line, problem.linePos[0].col] : [undefined, undefined];
    throw new StewardError(
      'CONFIG_INVALID',
      `${name} is not valid ${isYaml ? 'YAML' : 'JSON or YAML'}: ${problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      { location: { file: name, line, column } },
    );
  }
  return doc.toJS();
}
