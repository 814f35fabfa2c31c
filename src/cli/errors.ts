/**
 * Errors the CLI shows as they are: a Vietnamese message and an exit code, no stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    /** 1: the command failed; 2: the command line itself is wrong. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
