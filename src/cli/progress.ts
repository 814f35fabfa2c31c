/**
 * A progress bar on stderr for long imports (stdout stays clean for --json and export).
 */
import { SingleBar } from 'cli-progress';

/** Returns an onProgress callback, or undefined when there is too little to show or no terminal. */
export function progressBar(label: string, minTotal = 2000): { onProgress?: (done: number, total: number) => void; stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  let bar: SingleBar | null = null;
  return {
    onProgress(done, total) {
      if (total < minTotal) return;
      if (!bar) {
        bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
