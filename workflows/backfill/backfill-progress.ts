import { defineQuery } from '@temporalio/workflow';

/** Where a backfill is: checks, dimension refresh, the days, the final totals. */
export type BackfillPhase = 'checking' | 'dimensions' | 'days' | 'totals' | 'done';

/** Rows a backfill wrote so far. */
export interface BackfillRows {
  readonly impressions: number;
  readonly clicks: number;
  /** Rows tombstoned because PostgreSQL no longer has them. */
  readonly tombstones: number;
}

/** What the `progress` query answers; the CLI draws its bar from it. */
export interface BackfillProgress {
  readonly workflowId: string;
  readonly from: string;
  readonly to: string;
  readonly campaignId: number | null;
  readonly phase: BackfillPhase;
  readonly daysTotal: number;
  readonly daysDone: number;
  /** Days being backfilled right now. */
  readonly currentDays: string[];
  readonly rows: BackfillRows;
  /** When the workflow started (ISO, UTC). */
  readonly startedAt: string;
}

/** The backfill workflow's progress; answered while it runs and after it closed. */
export const progressQuery = defineQuery<BackfillProgress>('progress');
