// Whether a newly trained model replaces the current one. Pure and free of Node
// imports: the retrainForecast workflow decides with it, so the rule is in one place.

/** The numbers a promotion compares, all measured on the same hold-out in the same run. */
export interface PromotionInput {
  readonly candidateVersion: number;
  /** Hold-out WAPE of the new model. */
  readonly candidateScore: number;
  /** The current model and its WAPE on the same hold-out, or null when there is none. */
  readonly current: { readonly version: number; readonly score: number | null } | null;
}

/** The decision and a sentence saying why, for the workflow result, memo and model list. */
export interface PromotionDecision {
  readonly promote: boolean;
  readonly reason: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** Promote only a model that strictly beats the current one on the hold-out. */
export function decidePromotion(input: PromotionInput): PromotionDecision {
  const v = `v${input.candidateVersion}`;
  if (!Number.isFinite(input.candidateScore)) {
    return { promote: false, reason: `${v} could not be scored on the hold-out` };
  }
  if (input.current === null) {
    return { promote: true, reason: `${v} is the first model (hold-out WAPE ${pct(input.candidateScore)})` };
  }
  const cur = `v${input.current.version}`;
  if (input.current.score === null || !Number.isFinite(input.current.score)) {
    return { promote: true, reason: `${v} (WAPE ${pct(input.candidateScore)}) replaces ${cur}, which cannot be scored any more` };
  }
  if (input.candidateScore < input.current.score) {
    return { promote: true, reason: `${v} beats ${cur} on the hold-out: WAPE ${pct(input.candidateScore)} < ${pct(input.current.score)}` };
  }
  return { promote: false, reason: `${v} does not beat ${cur} on the hold-out: WAPE ${pct(input.candidateScore)} ≥ ${pct(input.current.score)}; ${cur} stays` };
}
