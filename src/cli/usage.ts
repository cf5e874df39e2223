// Defined in the core so that the stages' evaluation commands can raise it without importing the CLI.
export { UsageError } from "../core/errors.js";

export const EXIT_OK = 0;
/** Nothing could be read, or --strict and some input was bad. */
export const EXIT_INPUT = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;
