/**
 * Loaded with `node --import` into each process bench/evidence.ts times: at exit it prints the process's own
 * peak resident memory to stderr, one line the bench looks for (`haze-bench peak-rss-kb=N`). Measured inside
 * the child, so the parent's memory never counts.
 */
process.on('exit', () => {
  process.stderr.write(`\nhaze-bench peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
