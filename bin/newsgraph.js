#!/usr/bin/env node
// First: V8 settings for this process and its worker threads (src/cli/v8-flags.ts says why).
import "../dist/src/cli/v8-flags.js";
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only bugs reach here: user errors are reported by main() as one line.
    process.stderr.write(`newsgraph: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
