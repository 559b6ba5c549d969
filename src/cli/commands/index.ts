import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { changelogCommand } from './changelog.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { docsCommand } from './docs.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { releaseCommand } from './release.js';
import { reportCommand } from './report.js';
import { statusCommand } from './status.js';
import { validateCommand } from './validate.js';

/** Every command, in the order `steward --help` lists them. One line per command. */
export const COMMANDS: Command[] = [
  initCommand,
  generateCommand,
  validateCommand,
  auditCommand,
  checkCommand,
  diffCommand,
  changelogCommand,
  releaseCommand,
  docsCommand,
  statusCommand,
  reportCommand,
];
