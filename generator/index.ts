// The generator's operations, for the CLI handlers and the pipeline's activities.
// Each takes a db (kysely) or a PgTx (kysely + the client for COPY) already inside the
// caller's transaction, validates its input (a FieldError naming the input field; the CLI names its flag), and returns a
// JSON-serialisable result.
export { insertAdvertisers, type InsertAdvertisersInput, type InsertAdvertisersResult } from './ops/advertisers.ts';
export { insertBatch, type InsertBatchInput, type InsertBatchResult } from './ops/batch.ts';
export { insertCampaigns, type InsertCampaignsInput, type InsertCampaignsResult } from './ops/campaigns.ts';
export { insertClicks, type InsertClicksInput, type InsertClicksResult } from './ops/clicks.ts';
export type { GenerationOptions } from './ops/context.ts';
export type { InsertProgress, ProgressListener } from './ops/progress.ts';
export { insertImpressions, type InsertImpressionsInput, type InsertImpressionsResult } from './ops/impressions.ts';
export { insertHistory, type HistoryCampaign, type InsertHistoryInput, type InsertHistoryResult } from './ops/history.ts';
export { readStats } from './ops/stats.ts';
export type { CampaignStats, StatsReport } from './stats-report.ts';
export { deleteAllRows as deleteAllData, type DeletedCounts } from './store/reset.ts';
