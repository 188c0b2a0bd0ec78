/** Bad input from a user or caller: the CLI exits 2, workflows fail non-retryably. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  /** The flag, variable or field at fault, when there is one. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/**
 * Bad input named by its input field ("campaignId: no campaign with id 9"), as domain code
 * (generator, activities) throws it; the CLI renames the field to its flag.
 */
export class FieldError extends UsageError {
  override readonly name: string = 'FieldError';
  override readonly field: string;
  /** The message without the field: "no campaign with id 9". */
  readonly problem: string;
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`, field);
    this.field = field;
    this.problem = problem;
  }
}

/** Configuration that cannot work (malformed URL, bad port): fails at start-up. */
export class ConfigError extends UsageError {
  override readonly name: string = 'ConfigError';
}
