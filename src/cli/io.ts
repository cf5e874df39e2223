import { once } from "node:events";

/** Writes to a stream and waits when it asks us to, so piping a large corpus does not buffer it all in memory. */
export async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** Progress on stderr for long runs, at most once a second, only when a person is watching (or asked for it). */
export class Progress {
  private last = Date.now();
  private readonly started = Date.now();
  private shown = false;

  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  tick(done: number, errors: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 1000) return;
    this.last = now;
    this.shown = true;
    const rate = done / ((now - this.started) / 1000);
    this.stream.write(`\r${done} articles analyzed, ${errors} errors, ${rate.toFixed(1)}/s `);
  }

  done(): void {
    if (this.shown) this.stream.write("\n");
  }
}
