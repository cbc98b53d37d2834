/** A progress bar on stderr for long command-line jobs; plain lines when stderr is not a terminal. */
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY;
  let lastLine = -1;
  return {
    update(done: number) {
      const share = total === 0 ? 1 : done / total;
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
        );
        if (done >= total) process.stderr.write('\n');
      } else {
        const step = Math.floor(share * 10);
        if (step !== lastLine || done >= total) {
          lastLine = step;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      }
    },
  };
}
