/**
 * A progress line for lists that take more than a second to read: rows read and, for a file, how far
 * through it is. Only on a terminal (GUIDE §3.4): the caller decides that and passes the stream.
 * Redrawn at most five times a second with \r, and erased when reading is done.
 */
export interface LoadProgress {
  /** Called as rows are read; `bytes` is how much of the file is read so far. */
  update(rows: number, bytes: number): void;
  done(): void;
}

export function progressLine(
  out: { write(s: string): unknown },
  opts: { total: number | null; lang: 'zh' | 'en'; now?: () => number; afterMs?: number },
): LoadProgress {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const afterMs = opts.afterMs ?? 1000;
  let last = 0;
  let shown = false;
  return {
    update(rows, bytes) {
      const t = now();
      if (t - start < afterMs || t - last < 200) return;
      last = t;
      shown = true;
      const pct = opts.total ? ` ${Math.min(100, Math.floor((bytes / opts.total) * 100))}%` : '';
      const count = rows.toLocaleString('en-US');
      out.write(opts.lang === 'zh' ? `\r读取清单${pct}，${count} 行…` : `\rreading the list${pct}, ${count} rows…`);
    },
    done() {
      if (shown) out.write('\r\x1b[2K');
    },
  };
}
