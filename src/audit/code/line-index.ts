import { lineAt, lineStartsOf } from '../../schema/lines.js';
import type { ClaimLocation } from '../claims.js';

/** Offsets to 1-based line and column, computed once per file. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  at(offset: number): ClaimLocation {
    this.starts ??= lineStartsOf(this.text);
    const line = lineAt(this.starts, offset);
    return { file: this.file, line: line + 1, column: offset - this.starts[line] + 1 };
  }
}
