/**
 * A unified diff of two texts (what `--fix-dry-run` prints). Myers' algorithm on lines, so the
 * cost grows with the number of changed lines, not the file size squared.
 */
export function unifiedDiff(oldText: string, newText: string, path: string, context = 3): string {
  if (oldText === newText) return '';
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === 'same') {
      i++;
      continue;
    }
    let start = i;
    let ctx = 0;
    while (start > 0 && ops[start - 1].kind === 'same' && ctx < context) {
      start--;
      ctx++;
    }
    let end = i;
    let trailing = 0;
    while (end < ops.length) {
      if (ops[end].kind === 'same') {
        trailing++;
        if (trailing > context * 2) break;
      } else trailing = 0;
      end++;
    }
    end -= Math.max(0, trailing - context);
    const slice = ops.slice(start, end);
    const first = slice[0];
    const oldStart = first.a + 1;
    const newStart = first.b + 1;
    const oldCount = slice.filter((o) => o.kind !== 'add').length;
    const newCount = slice.filter((o) => o.kind !== 'del').length;
    const lines = slice.map((o) => (o.kind === 'same' ? ` ${a[o.a]}` : o.kind === 'del' ? `-${a[o.a]}` : `+${b[o.b]}`));
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${lines.join('\n')}`);
    i = end;
  }
  return `--- a/${path}\n+++ b/${path}\n${hunks.join('\n')}\n`;
}

interface Op {
  kind: 'same' | 'del' | 'add';
  /** Index in the old lines (for add: the old position it is inserted at). */
  a: number;
  b: number;
}

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'same', a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', a: x, b: --y });
      else ops.push({ kind: 'del', a: --x, b: y });
    }
  }
  return ops.reverse();
}
