import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "../../server/app.js";
import { openStore, resolveTarget, StoreError } from "../../store/db.js";
import { repoRootFrom } from "../../store/paths.js";
import { DB_HELP } from "../store-cli.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph serve [options]

Serves the HTTP API (/api), its OpenAPI documentation (/docs) and the web UI (built into web/dist by
\`npm run build:web\`) from one process, on the store. Prints the URL; Ctrl-C (SIGINT) or SIGTERM stops
it, closing the store. The store must exist (\`newsgraph ingest\` creates it). See docs/api.md.

Options:
  --port N                   the port (default: $PORT, else 8080; 0: any free port)
  --host H                   the address to listen on (default 127.0.0.1: this machine only;
                             0.0.0.0 opens it to the network, with no authentication)
${DB_HELP}
  --log                      log every request on stderr (JSON lines)
  -h, --help                 this help

Exit codes: 0 stopped by a signal; 1 no store, the store cannot be opened, or the port is taken;
2 usage error.

Examples:
  newsgraph serve
  newsgraph serve --port 9000 --db postgres://localhost/news
  curl 'http://127.0.0.1:8080/api/quotes?speaker=Putin&limit=5'
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      db: { type: "string" },
      log: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes options only, not "${positionals[0]}"`);
  const port = portOf(values.port ?? process.env.PORT);
  const host = values.host;

  let store;
  try {
    store = await openStore(resolveTarget(values.db));
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
  const app = await buildServer({
    store,
    webDir: join(repoRootFrom(import.meta.url), "web", "dist"),
    // Without --log only what goes wrong on our side (a 500) is logged.
    logger: { level: values.log ? "info" : "error" },
  });
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (e) {
    await app.close();
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      process.stderr.write(`newsgraph: port ${port} on ${host} is taken (another server?): stop it or choose another with --port\n`);
      return EXIT_INPUT;
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EACCES") {
      process.stderr.write(`newsgraph: cannot listen on ${host}:${port} (${code})\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
  process.stdout.write(`newsgraph: serving ${store.location} at ${address}/ (API ${address}/api, docs ${address}/docs); Ctrl-C stops\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  process.stderr.write("newsgraph: stopping\n");
  await app.close(); // waits for requests in flight
  await store.close();
  return EXIT_OK;
}

function portOf(value: string | undefined): number {
  if (value === undefined || value === "") return 8080;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port takes a port number 0-65535, not "${value}"`);
  return Number(value);
}
