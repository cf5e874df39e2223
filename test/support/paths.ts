import { join } from "node:path";
import { repoRoot } from "../../src/fuzz/contract.js";

/** The repository root: one walk up to package.json, shared with the fuzz harness. */
export { repoRoot };

export const fixture = (...parts: string[]): string => join(repoRoot(), "test", "fixtures", ...parts);
