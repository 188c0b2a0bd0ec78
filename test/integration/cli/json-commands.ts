/**
 * Every command that takes --json, by its path: json-output.test.ts runs each against the
 * test stack and parses its stdout; a unit test checks this list against the CLI itself,
 * so a new --json command without a test fails there.
 */
export const jsonCommands = [
  'backfill', 'batch', 'advertisers', 'campaigns', 'impressions', 'clicks', 'stats', 'reset', 'history',
  'migrate', 'report', 'verify', 'status', 'retrain', 'forecast', 'forecast models', 'schedules apply', 'schedules list',
] as const;
