// The model's fixed time frames. No Node imports: workflow code reads these.

/** Days of history every feature is computed over (four whole weeks). */
export const FEATURE_WINDOW = 28;
/** Longest forecast, in days after the last complete day. */
export const MAX_HORIZON = 14;
/** The last days of history held out to judge a model (one per horizon 1..7). */
export const HOLDOUT_DAYS = 7;
/**
 * Days of history a series needs to take part in training and evaluation: a full
 * feature window, then every horizon at least once, then the hold-out week.
 */
export const TRAINING_HISTORY_DAYS = FEATURE_WINDOW + MAX_HORIZON + HOLDOUT_DAYS;
