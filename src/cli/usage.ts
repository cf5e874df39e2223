/** A user error: printed as one line on stderr, never as a stack trace. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
/** Nothing could be read, or --strict and some input was bad. */
export const EXIT_INPUT = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;
