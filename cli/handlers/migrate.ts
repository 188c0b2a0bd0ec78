import { migrate } from '../../lib/migrate.ts';

export interface MigrateCommandInput {
  readonly databaseUrl: string;
  readonly down: boolean;
  /** Migrations to apply or revert; all pending (up) or one (down) when absent. */
  readonly count?: number | undefined;
  readonly log?: ((message: string) => void) | undefined;
}

export interface MigrateCommandResult {
  readonly direction: 'up' | 'down';
  /** Names of the migrations run, in order; empty when there was nothing to do. */
  readonly ran: string[];
}

/** `adpipe migrate`: apply pending OLTP migrations, or revert with `down`. */
export async function runMigrate(input: MigrateCommandInput): Promise<MigrateCommandResult> {
  const direction = input.down ? 'down' : 'up';
  const ran = await migrate({ databaseUrl: input.databaseUrl, direction, count: input.count, log: input.log });
  return { direction, ran };
}
