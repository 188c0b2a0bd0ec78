/** Bad input from a user or caller: the CLI exits 2, workflows fail non-retryably. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The flag, variable or field at fault, when there is one. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** Configuration that cannot work (malformed URL, bad port): fails at start-up. */
export class ConfigError extends UsageError {
  override readonly name = 'ConfigError' as 'UsageError';
}
