import type { Command } from 'commander';
import { withDatabase } from '../handlers/open-database.ts';
import { confirmOrRefuse } from '../confirm.ts';
import { createProgressBar } from '../progress-bar.ts';
import { intFlag, ratioFlag, seedFlag } from './flag-parsers.ts';
import { describeBatch, renderStats, seedNote } from './generator-output.ts';
import { lazyFn } from '../lazy-fn.ts';

const runAdvertisers = lazyFn(() => import('../handlers/generator/advertisers.ts'), 'runAdvertisers');
const runBatch = lazyFn(() => import('../handlers/generator/batch.ts'), 'runBatch');
const runCampaigns = lazyFn(() => import('../handlers/generator/campaigns.ts'), 'runCampaigns');
const runClicks = lazyFn(() => import('../handlers/generator/clicks.ts'), 'runClicks');
const runImpressions = lazyFn(() => import('../handlers/generator/impressions.ts'), 'runImpressions');
const runReset = lazyFn(() => import('../handlers/generator/reset.ts'), 'runReset');
const runStats = lazyFn(() => import('../handlers/generator/stats.ts'), 'runStats');

const out = (text: string) => void process.stdout.write(text);
const json = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);
const SEED_HELP = 'seed for reproducible data (printed after every run)';

/** Registers the data generator: the task's commands (same flags and defaults), faster. */
export function registerGeneratorCommands(program: Command): void {
  program
    .command('batch')
    .description('generate advertisers, their campaigns, impressions and clicks in one transaction')
    .option('--advertisers <n>', 'number of advertisers', intFlag('--advertisers', 1), 2)
    .option('--campaigns <n>', 'campaigns per advertiser', intFlag('--campaigns', 0), 3)
    .option('--impressions <n>', 'impressions per campaign', intFlag('--impressions', 0), 100)
    .option('--ctr <r>', 'click-through rate, 0..1 (clicks per campaign = ⌊impressions × ctr⌋)', ratioFlag('--ctr'), 0.1)
    .option('--seed <n>', SEED_HELP, seedFlag)
    .option('--json', 'print the result as JSON')
    .action(async (o: { advertisers: number; campaigns: number; impressions: number; ctr: number; seed?: number; json?: boolean }) => {
      const progress = createProgressBar(!o.json);
      const started = Date.now();
      const result = await withDatabase((pool) => runBatch(pool, { ...o, onProgress: progress.listener })).finally(progress.stop);
      if (o.json) json(result);
      else out(describeBatch(result, Date.now() - started));
    });

  program
    .command('advertisers')
    .description('create advertisers')
    .option('--count <n>', 'number of advertisers to create', intFlag('--count', 1), 1)
    .option('--seed <n>', SEED_HELP, seedFlag)
    .option('--json', 'print the result as JSON')
    .action(async (o: { count: number; seed?: number; json?: boolean }) => {
      const result = await withDatabase((pool) => runAdvertisers(pool, o));
      if (o.json) json(result);
      else out(`Created ${result.ids.length} advertisers. IDs: [${result.ids.join(', ')}]\n${seedNote(result.seed)}\n`);
    });

  program
    .command('campaigns')
    .description('create campaigns for an advertiser')
    .requiredOption('--advertiser-id <id>', 'advertiser to create campaigns for', intFlag('--advertiser-id', 1))
    .option('--count <n>', 'number of campaigns to create', intFlag('--count', 1), 1)
    .option('--seed <n>', SEED_HELP, seedFlag)
    .option('--json', 'print the result as JSON')
    .action(async (o: { advertiserId: number; count: number; seed?: number; json?: boolean }) => {
      const result = await withDatabase((pool) => runCampaigns(pool, o));
      if (o.json) json(result);
      else out(`Created ${result.ids.length} campaigns for advertiser #${result.advertiserId}. IDs: [${result.ids.join(', ')}]\n${seedNote(result.seed)}\n`);
    });

  program
    .command('impressions')
    .description('create impressions for a campaign, spread over the past 7 days')
    .requiredOption('--campaign-id <id>', 'campaign to create impressions for', intFlag('--campaign-id', 1))
    .option('--count <n>', 'number of impressions to create', intFlag('--count', 1), 100)
    .option('--seed <n>', SEED_HELP, seedFlag)
    .option('--json', 'print the result as JSON')
    .action(async (o: { campaignId: number; count: number; seed?: number; json?: boolean }) => {
      const progress = createProgressBar(!o.json);
      const result = await withDatabase((pool) => runImpressions(pool, { ...o, onProgress: progress.listener })).finally(progress.stop);
      if (o.json) json(result);
      else out(`Created ${result.impressions} impressions for campaign #${result.campaignId}\n${seedNote(result.seed)}\n`);
    });

  program
    .command('clicks')
    .description("create clicks for a ratio of a campaign's impressions, 1–120 s after each")
    .requiredOption('--campaign-id <id>', 'campaign to create clicks for', intFlag('--campaign-id', 1))
    .option('--ratio <r>', 'click ratio, 0..1', ratioFlag('--ratio'), 0.1)
    .option('--seed <n>', SEED_HELP, seedFlag)
    .option('--json', 'print the result as JSON')
    .action(async (o: { campaignId: number; ratio: number; seed?: number; json?: boolean }) => {
      const result = await withDatabase((pool) => runClicks(pool, o));
      if (o.json) json(result);
      else if (result.impressions === 0) out(`No impressions found for campaign #${result.campaignId}. Creating clicks requires impressions.\n`);
      else out(`Created ${result.clicks} clicks for campaign #${result.campaignId} (${(o.ratio * 100).toFixed(1)}% of ${result.impressions} impressions)\n${seedNote(result.seed)}\n`);
    });

  program
    .command('stats')
    .description('show row counts and per-campaign impressions, clicks and CTR')
    .option('--limit <n>', 'show only the first N campaigns (by id)', intFlag('--limit', 0))
    .option('--json', 'print the statistics as JSON')
    .action(async (o: { limit?: number; json?: boolean }) => {
      const report = await withDatabase((pool) => runStats(pool));
      if (o.json) json(report);
      else out(renderStats(report, o.limit));
    });

  program
    .command('reset')
    .description('DELETE all advertisers, campaigns, impressions and clicks (asks first)')
    .option('-y, --yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .option('--json', 'print the deleted row counts as JSON')
    .action(async (o: { yes?: boolean; json?: boolean }) => {
      if (!(await confirmOrRefuse('This will DELETE ALL DATA in the OLTP database.', o.yes === true))) {
        if (o.json) json({ cancelled: true });
        else out('Operation cancelled.\n');
        return;
      }
      const deleted = await withDatabase((pool) => runReset(pool));
      if (o.json) json(deleted);
      else out(`Deleted ${deleted.clicks} clicks, ${deleted.impressions} impressions, ${deleted.campaigns} campaigns, ${deleted.advertisers} advertisers.\n`);
    });
}
