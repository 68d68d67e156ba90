// How `tandem` ends (SPEC 9.8): 0 done, 1 the command failed (a check found problems, the server
// refused or did not answer), 2 it was called wrongly or cannot read its input.
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A failure told in one line, without a stack trace, ending with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** A command called wrongly (an unknown flag, a missing argument): its usage follows the message. */
export class UsageError extends CliError {}
