// Errors a query throws for its caller's mistakes. The CLI turns them into usage errors
// (exit 2) naming its flags; the HTTP API into problem+json naming the field (400, 404).

/** How a reader names a field: the API as it is (`campaignId`), the CLI by its flag (`--campaign`). */
export type FieldNamer = (field: string) => string;

const asIs: FieldNamer = (field) => field;

/** A query input that cannot be answered as asked (malformed, out of range): HTTP 400. */
export class QueryInputError extends Error {
  override readonly name: string = 'QueryInputError';
  /** The input field at fault, by its domain name (`campaignId`, `from`, `days`). */
  readonly field: string;
  readonly #describe: (name: FieldNamer) => string;

  /** `describe` writes the message with every field it mentions named by `name`. */
  constructor(field: string, describe: (name: FieldNamer) => string) {
    super(describe(asIs));
    this.field = field;
    this.#describe = describe;
  }

  /** The message with fields named for another reader (the CLI passes its flag names). */
  messageFor(name: FieldNamer): string {
    return this.#describe(name);
  }
}

/** An input naming something that does not exist (an unknown campaign, a segment without a forecast): HTTP 404. */
export class NotFoundError extends QueryInputError {
  override readonly name: string = 'NotFoundError';
}

/**
 * What the query reads does not exist yet (no forecast published): not the caller's
 * mistake, so the CLI exits 1 as for any failure; the API can answer 404 or 503.
 */
export class NotReadyError extends Error {
  override readonly name: string = 'NotReadyError';
}
