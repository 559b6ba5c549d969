/**
 * Questions on a terminal (`migrate create` asks, per probable rename, renamed or dropped and
 * created, as Drizzle Kit does). Only when both stdin and stderr are terminals: in CI, a pipe
 * or a script there is nobody to answer, and commands refuse instead of guessing.
 */
import { createInterface } from 'node:readline/promises';

export type Prompt = (question: string) => Promise<string>;

export function terminalPrompt(): Prompt | undefined {
  if (process.stdin.isTTY !== true || process.stderr.isTTY !== true) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
