import { parseArgs } from 'node:util';
import type { ResolvedConfig } from '../config/types.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { EnvelopeStatus } from '../diagnostics/reporters/json.js';
import { loadReporter } from '../diagnostics/reporters/load.js';
import { colorEnabled, createStyle } from '../diagnostics/style.js';
import { ExitCode, StewardError, formatLocation } from '../errors/index.js';
import { errorDiagnostic } from '../errors/error-diagnostic.js';
import { redactSecrets } from '../engine/database-url.js';
import type { Command, CommandContext, OptionSpec } from './command.js';
import { commandIndex as findCommand } from './argv.js';
import { loadAllCommands, loadCommand } from './commands/index.js';
import { createProgress } from '../progress/progress.js';
import { terminalPrompt } from './prompt.js';

const GLOBAL_OPTIONS: OptionSpec = {
  cwd: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (progress). Default: process.stderr.isTTY, or false when stderr is given. */
  stderrIsTTY?: boolean;
  /** Answers questions (tests); default: the terminal's, when stdin and stderr are terminals and stderr is not given. */
  prompt?: (question: string) => Promise<string>;
}

/** Runs the CLI with the given arguments and returns the exit code. Never throws. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<ExitCode> {
  const env = options.env ?? process.env;
  if (!options.stdout) ignoreClosedStdout();
  const stdout = options.stdout ?? ((t: string) => void process.stdout.write(t));
  // Every message on stderr passes through the one URL redactor: no password from a database URL
  // (in a driver's or an engine's message, a stack trace) reaches it. Results on stdout are
  // redacted where they are made, before JSON escaping (a filter here could not tell a URL from
  // compact JSON).
  const rawStderr = options.stderr ?? ((t: string) => void process.stderr.write(t));
  const stderr = (text: string) => rawStderr(redactSecrets(text));
  const noColorArg = argv.includes('--no-color');
  const style = createStyle(colorEnabled({ isTTY: options.isTTY ?? process.stdout.isTTY }, noColorArg, env));
  const errStyle = createStyle(colorEnabled({ isTTY: options.isTTY ?? process.stderr.isTTY }, noColorArg, env));

  const commandIndex = findCommand(argv);
  const commandName = commandIndex === -1 ? undefined : argv[commandIndex];
  if (commandName === undefined) {
    if (argv.includes('--version') || argv.includes('-v')) {
      stdout(`${await version()}\n`);
      return ExitCode.Ok;
    }
    stdout(await mainHelp());
    return argv.includes('--help') || argv.includes('-h') ? ExitCode.Ok : ExitCode.Usage;
  }
  if (commandName === 'help') {
    const target = await loadCommand(argv[commandIndex + 1] ?? '');
    stdout(target ? commandHelp(target) : await mainHelp());
    return ExitCode.Ok;
  }
  const command = await loadCommand(commandName);
  if (!command) {
    stderr(`${errStyle.red('error')}[USAGE]: unknown command '${commandName}'\n\n${await mainHelp()}`);
    return ExitCode.Usage;
  }
  const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: command.allowPositionals === true, strict: true });
  } catch (error) {
    stderr(`${errStyle.red('error')}[USAGE]: ${(error as Error).message.replace(/\. To specify.*$/s, '')}\n\n${commandHelp(command)}`);
    return ExitCode.Usage;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    stdout(commandHelp(command));
    return ExitCode.Ok;
  }
  let format = values.format as string | undefined;
  if (format === undefined) format = env.GITHUB_ACTIONS === 'true' && command.formats.includes('github') ? 'github' : 'text';
  if (!command.formats.includes(format)) {
    stderr(`${errStyle.red('error')}[USAGE]: --format ${format} is not available for '${command.name}' (choose ${command.formats.join(', ')})\n`);
    return ExitCode.Usage;
  }
  const cwd = (values.cwd as string | undefined) ?? options.cwd ?? process.cwd();
  let configPromise: Promise<ResolvedConfig> | undefined;
  // Loaded here, not at start-up: `steward --version` and `--help` need neither (config loading
  // imports every capability's section validator, the lint rules among them).
  const reporter = await loadReporter(format);
  // The JSON envelope names the version; other formats do not read package.json.
  const stewardVersion = format === 'json' ? await version() : undefined;
  const ctx: CommandContext = {
    cwd,
    configFile: values.config as string | undefined,
    format,
    style,
    stdout,
    stderr,
    env,
    prompt: options.prompt ?? (options.stderr ? undefined : terminalPrompt()),
    progress: createProgress({ write: stderr, isTTY: options.stderrIsTTY ?? (options.stderr ? false : process.stderr.isTTY === true), env, format }),
    config: () => (configPromise ??= import('../compose/sections.js').then((m) => m.loadConfig({ cwd, configFile: values.config as string | undefined }))),
    report(diagnostics, opts = {}) {
      if (opts.envelopeLine) {
        envelope ??= { diagnostics: [] };
        envelope.line = true;
      }
      if (envelope) {
        // With --format json the one envelope is printed once, when the command has returned: its
        // status then follows the exit code (0 ok, 1 findings, else failed).
        envelope.diagnostics.push(...diagnostics);
        if (opts.extra) envelope.extra = { ...envelope.extra, ...opts.extra };
        if (opts.sources) envelope.sources = opts.sources;
        return;
      }
      stdout(
        reporter(sortDiagnostics([...diagnostics]), {
          style,
          sources: opts.sources,
          title: opts.title ?? `steward ${command.name}`,
          table: opts.table,
          cwd,
          extra: opts.extra,
          command: command.name,
          version: stewardVersion,
          failed: opts.failed,
        }),
      );
    },
  };
  let envelope: { diagnostics: Diagnostic[]; extra?: Record<string, unknown>; sources?: Map<string, string>; line?: boolean } | undefined =
    format === 'json' ? { diagnostics: [] } : undefined;
  const printEnvelope = async (code: ExitCode) => {
    if (!envelope) return;
    const status: EnvelopeStatus = code === ExitCode.Ok ? 'ok' : code === ExitCode.Findings ? 'findings' : 'failed';
    const json = format === 'json' ? reporter : await loadReporter('json');
    const text = json(sortDiagnostics(envelope.diagnostics), {
      style,
      sources: envelope.sources,
      title: `steward ${command.name}`,
      cwd,
      extra: envelope.extra,
      command: command.name,
      version: stewardVersion ?? (await version()),
      status,
    });
    // One line for a stream of JSON lines: the reporter's line breaks all lie between tokens (a
    // line break inside a JSON string is escaped).
    stdout(envelope.line ? `${text.replaceAll('\n', '')}\n` : text);
  };
  try {
    const code = await command.run(ctx, { values: parsed.values, positionals: parsed.positionals });
    await printEnvelope(code);
    return code;
  } catch (error) {
    // A machine-readable format gets the failure as a diagnostic on stdout too: CI annotates the
    // configuration or schema error like any finding.
    if (STRUCTURED_FORMATS.has(format)) ctx.report([errorDiagnostic(error)], { failed: true });
    const code = reportError(error, stderr, errStyle);
    await printEnvelope(code);
    return code;
  }
}

const STRUCTURED_FORMATS = new Set(['json', 'sarif', 'github']);

function reportError(error: unknown, stderr: (t: string) => void, style: ReturnType<typeof createStyle>): ExitCode {
  if (error instanceof StewardError) {
    const where = error.location ? `${formatLocation(error.location)}: ` : '';
    const lines = [`${style.red('error')}[${error.code}]: ${where}${error.message}`];
    for (const d of error.details) lines.push(`  ${d}`);
    if (error.hint) lines.push(`  ${style.dim('hint:')} ${error.hint}`);
    stderr(lines.join('\n') + '\n');
    return error.exitCode;
  }
  // Not a user mistake: a defect in steward. Show the stack so it can be reported.
  stderr(`${style.red('error')}[INTERNAL]: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in prisma-steward (exit ${ExitCode.Internal}).\n`);
  return ExitCode.Internal;
}

/** The command is the first word that is not the value of a global option given before it. */
let stdoutGuarded = false;

/** `steward lint | head` closes the pipe early: stop quietly, as other command-line tools do. */
function ignoreClosedStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const { packageUrl } = await import('../package-files.js');
  const pkg = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const GLOBAL_HELP = [
  'Global options:',
  '  --cwd <dir>        run as if started in <dir>',
  '  --config <file>    configuration file (default: steward.config.{ts,mts,js,mjs,json} in the working directory)',
  '  --format <name>    output format (text, json, github, ...; github is the default on GitHub Actions)',
  '  --no-color         no colours (also NO_COLOR=1; colours are off when output is not a terminal)',
  '  -h, --help         help',
].join('\n');

const EXIT_HELP =
  'Exit codes: 0 clean, 1 findings or stale output, 2 bad usage/configuration/input, 3 database unreachable, 4 internal error (a bug in steward).';

async function mainHelp(): Promise<string> {
  const COMMANDS = await loadAllCommands();
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'steward: one master Prisma schema, true everywhere it lives.',
    '',
    'Usage: steward <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    GLOBAL_HELP,
    '',
    EXIT_HELP,
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    command.help,
    `  --format: ${command.formats.join(', ')}`,
    '',
    GLOBAL_HELP,
    '',
    EXIT_HELP,
    '',
  ].join('\n');
}
