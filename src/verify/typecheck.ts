/**
 * Type-checks the application's TypeScript (its own tsconfig) once per generated client: the
 * application's import of its Prisma Client (the generator's output folder, or
 * `@prisma/client` for prisma-client-js) is resolved to the client in steward's cache. Source
 * files are parsed once and shared between the programs; only the application's own files
 * are checked (the generated client is Prisma's business, not the application's).
 */
import path from 'node:path';
import ts from 'typescript';
import { StewardError } from '../errors/index.js';
import { stewardRoot } from './client-cache.js';
import type { GeneratedClient } from './generate-client.js';

export interface TypeScriptProject {
  /** Absolute path of the application's tsconfig.json. */
  tsconfig: string;
  /** Absolute folder the application imports its generated client from (the generator's `output`). */
  clientOutputDir?: string;
  /** prisma-client-js without an output: the application imports `@prisma/client`. */
  importsPackage: boolean;
}

export interface TypeErrorRecord {
  /** Absolute path. */
  file: string;
  /** 0-based offset in the file, and length. */
  start: number;
  length: number;
  line: number;
  column: number;
  /** TypeScript's code (2339, 2353...). */
  code: number;
  /** The first line of TypeScript's message chain. */
  message: string;
  /** The whole chain, for mapping errors to models. */
  fullMessage: string;
}

export interface TypecheckTarget {
  name: string;
  client: GeneratedClient;
}

export interface TypecheckSession {
  /** The application's own files, as TypeScript parsed them (for mapping errors to fields). */
  sourceFile(file: string): ts.SourceFile | undefined;
  check(target: TypecheckTarget): TypeErrorRecord[];
}

export function openTypecheckSession(project: TypeScriptProject): TypecheckSession {
  const parsed = readTsconfig(project.tsconfig);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    incremental: false,
    composite: false,
    declaration: false,
    tsBuildInfoFile: undefined,
    rootDir: undefined,
  };
  const aliases = (specifier: string) => aliasTargets(specifier, options, path.dirname(project.tsconfig));
  const insideOutput = (file: string) => project.clientOutputDir !== undefined && isInside(project.clientOutputDir, file);
  // A client the user generated into their tree would shadow the environment's: it is left out.
  const rootNames = parsed.fileNames.filter((f) => !insideOutput(path.resolve(f)));
  const appFiles = new Set(rootNames.map((f) => path.resolve(f)));

  const baseHost = ts.createCompilerHost(options, true);
  const parsedFiles = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile: ts.CompilerHost['getSourceFile'] = (fileName, languageVersion, onError) => {
    const key = `${fileName}\0${typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, baseHost.getSourceFile(fileName, languageVersion, onError));
    return parsedFiles.get(key);
  };
  const moduleCache = ts.createModuleResolutionCache(baseHost.getCurrentDirectory(), (f) => baseHost.getCanonicalFileName(f), options);

  const appSourceFiles = new Map<string, ts.SourceFile>();
  return {
    sourceFile(file) {
      return appSourceFiles.get(path.resolve(file));
    },
    check(target) {
      const host: ts.CompilerHost = {
        ...baseHost,
        getSourceFile,
        resolveModuleNameLiterals(literals, containingFile, _redirect, compilerOptions, containingSourceFile) {
          return literals.map((literal) => {
            const redirected = redirectToClient(literal.text, containingFile, project, target.client, aliases);
            if (redirected) return { resolvedModule: { resolvedFileName: redirected, extension: ts.Extension.Ts, isExternalLibraryImport: false } };
            const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
            // The client's runtime is steward's own @prisma/client, wherever the cache lives.
            const from =
              literal.text.startsWith('@prisma/client/') && isInside(target.client.dir, containingFile)
                ? path.join(stewardRoot(), 'package.json')
                : containingFile;
            return ts.resolveModuleName(literal.text, from, compilerOptions, host, moduleCache, undefined, mode);
          });
        },
      };
      // No oldProgram: TypeScript would reuse the previous client's module resolutions for unchanged files.
      const program = ts.createProgram({ rootNames, options, host });
      const errors: TypeErrorRecord[] = [];
      for (const sourceFile of program.getSourceFiles()) {
        if (!appFiles.has(path.resolve(sourceFile.fileName))) continue;
        appSourceFiles.set(path.resolve(sourceFile.fileName), sourceFile);
        for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
          if (diagnostic.category !== ts.DiagnosticCategory.Error || diagnostic.start === undefined) continue;
          const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start);
          const fullMessage = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
          errors.push({
            file: path.resolve(sourceFile.fileName),
            start: diagnostic.start,
            length: diagnostic.length ?? 0,
            line: line + 1,
            column: character + 1,
            code: diagnostic.code,
            message: fullMessage.split('\n')[0],
            fullMessage,
          });
        }
      }
      // This client's files are not needed by the next program: free them before it parses its own.
      for (const key of parsedFiles.keys()) if (key.startsWith(target.client.dir)) parsedFiles.delete(key);
      return errors;
    },
  };
}

function readTsconfig(tsconfig: string): ts.ParsedCommandLine {
  const problems: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d) });
  const errors = [...problems, ...(parsed?.errors ?? [])].filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003);
  if (!parsed || errors.length > 0) {
    throw new StewardError('CONFIG_INVALID', `Cannot read the application's tsconfig ${tsconfig}`, {
      location: { file: tsconfig },
      details: errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    });
  }
  return parsed;
}

/**
 * The generated file an import of the application's client means, in the environment's client.
 * A bare specifier (`@/generated/prisma/client`, `src/generated/prisma/client`) counts when the
 * tsconfig's `paths` or `baseUrl` (given as `aliases`) map it into the client's output folder.
 */
export function redirectToClient(
  specifier: string,
  containingFile: string,
  project: TypeScriptProject,
  client: GeneratedClient,
  aliases: (specifier: string) => string[] = () => [],
): string | undefined {
  if (project.importsPackage && (specifier === '@prisma/client' || specifier === '.prisma/client' || specifier === '.prisma/client/default'))
    return client.typesEntry;
  const outputDir = project.clientOutputDir;
  if (!outputDir) return undefined;
  const relativeOrAbsolute = specifier.startsWith('.') || path.isAbsolute(specifier);
  const candidates = relativeOrAbsolute ? [path.resolve(path.dirname(containingFile), specifier)] : aliases(specifier);
  const target = candidates.find((t) => isInside(outputDir, t) || t === outputDir);
  if (target === undefined) return undefined;
  const relative = path.relative(outputDir, target).replace(/\.(m?js|m?ts|d\.ts)$/, '');
  // `import ... from './generated/prisma'` means its index: prisma-client has none, so the client entry.
  return path.join(client.dir, `${relative === '' || relative === 'index' ? 'client' : relative}.ts`);
}

/** Where the tsconfig's `paths` (then `baseUrl`) map a bare specifier, as TypeScript reads them; the files need not exist. */
export function aliasTargets(specifier: string, options: ts.CompilerOptions, tsconfigDir: string): string[] {
  const base = options.baseUrl ?? tsconfigDir;
  const out: string[] = [];
  for (const [pattern, substitutions] of Object.entries(options.paths ?? {})) {
    const star = pattern.indexOf('*');
    let middle: string | undefined;
    if (star < 0) middle = pattern === specifier ? '' : undefined;
    else if (specifier.length >= pattern.length - 1 && specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)))
      middle = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    if (middle !== undefined) for (const s of substitutions) out.push(path.resolve(base, s.replace('*', middle)));
  }
  if (options.baseUrl) out.push(path.resolve(options.baseUrl, specifier));
  return out;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
