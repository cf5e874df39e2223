/** A user error (a wrong option, a missing file): printed as one line on stderr, never as a stack trace. */
export class UsageError extends Error {}
