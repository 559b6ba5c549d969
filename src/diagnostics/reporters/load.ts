import type { Reporter } from './types.js';

/**
 * Loads one reporter by --format name, importing only its module: the CLI starts faster when a
 * run does not pay for every output format (REPORTERS in index.ts has them all, for library use).
 * Unknown names load the text reporter.
 */
export async function loadReporter(format: string): Promise<Reporter> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).jsonReporter;
    case 'github':
      return (await import('./github.js')).githubReporter;
    case 'sarif':
      return (await import('./sarif.js')).sarifReporter;
    case 'markdown':
      return (await import('./markdown.js')).markdownReporter;
    default:
      return (await import('./text.js')).textReporter;
  }
}
