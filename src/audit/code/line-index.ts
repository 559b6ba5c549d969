import type { ClaimLocation } from '../claims.js';

/** Offsets to 1-based line and column, computed once per file. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  at(offset: number): ClaimLocation {
    if (!this.starts) {
      this.starts = [0];
      for (let nl = this.text.indexOf('\n'); nl >= 0; nl = this.text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
