import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchedules } from '../../../schedules/apply-schedules.ts';
import { scheduleDefinitions } from '../../../schedules/definitions.ts';
import { registeredWorkflowTypes } from '../../../schedules/registered-workflows.ts';
import { triggerSchedule } from '../../../schedules/schedule-control.ts';
import { scheduleSettings } from '../../../schedules/schedule-settings.ts';
import { testStack } from '../../harness/context.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';
import { chromiumPath, launchChromium } from './browser.ts';

// Screenshots go to a temp dir; ADPIPE_UPDATE_SCREENSHOTS=1 refreshes the README's copies in docs/img.
const imageDir = process.env.ADPIPE_UPDATE_SCREENSHOTS === '1'
  ? path.join(import.meta.dirname, '../../../docs/img')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-ui-'));
const screenshot = path.join(imageDir, 'temporal-ui.png');
const haveChromium = fs.existsSync(chromiumPath);
// CI installs chromium (.ci/run), so there a missing browser fails instead of skipping.
const skip = !haveChromium && process.env.CI !== 'true';

describe.skipIf(skip)('Temporal UI', () => {
  let f: PipelineFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const stack = testStack();
  // The harness's own Temporal gets the real ids (for the screenshot); a shared server gets prefixed ones.
  const idPrefix = stack.mode === 'env' ? `ui-test-${Date.now().toString(36)}-` : '';
  let created: string[] = [];

  beforeAll(async () => {
    if (!stack.temporalUiUrl) throw new Error('the test stack has no Temporal UI (set ADPIPE_TEST_STACK=embedded)');
    f = await createPipelineFixture();
    const campaign = await seedCampaign(f.pg);
    await seedEvents(f.pg, 'impressions', campaign, 500);
    await f.runInitialLoad({ generateIfEmpty: false });
    const outcomes = await applySchedules(f.client, {
      taskQueue: f.taskQueue, idPrefix, registered: await registeredWorkflowTypes(),
      settings: scheduleSettings({}, { every: { 'generate-new-data': '1h', 'track-deltas': '1h' } }),
    });
    created = outcomes.filter((o) => o.outcome !== 'skipped').map((o) => o.scheduleId);
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    for (const d of scheduleDefinitions) await f?.client.schedule.getHandle(`${idPrefix}${d.id}`).delete().catch(() => {});
    await f?.close();
  });

  const ui = (route: string) => `${stack.temporalUiUrl}/namespaces/${encodeURIComponent(stack.temporalNamespace)}${route}`;

  it('lists the applied schedules', async () => {
    expect(created.length).toBeGreaterThanOrEqual(2);
    await page.goto(ui('/schedules'));
    for (const id of created) {
      // The schedule list comes from visibility, which may lag a create by a moment.
      await page.getByRole('link', { name: id, exact: true }).waitFor({ timeout: 20_000 });
    }
    await expect(page.getByText('trackDeltas', { exact: true }).count()).resolves.toBeGreaterThan(0);
    fs.mkdirSync(imageDir, { recursive: true });
    await page.screenshot({ path: path.join(imageDir, 'temporal-ui-schedules.png') });
  });

  it('shows a completed trackDeltas run with its activities', async () => {
    const campaign = (await f.pg.query<{ id: number }>('SELECT id FROM campaign LIMIT 1')).rows[0]!.id;
    await seedEvents(f.pg, 'clicks', campaign, 25); // a real delta, so every activity runs
    const workflowId = await triggerSchedule(f.client, 'track-deltas', { idPrefix });
    expect(workflowId).toBeDefined();
    const handle = f.client.workflow.getHandle(workflowId!);
    await handle.result();
    const { runId } = await handle.describe();
    await page.goto(ui(`/workflows/${encodeURIComponent(workflowId!)}/${runId}/history`));
    await page.getByText(workflowId!, { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByText('Completed', { exact: true }).first().waitFor();
    for (const activity of ['planDelta', 'loadDelta', 'rebuildReports', 'advanceWatermarks']) {
      await page.getByText(activity, { exact: true }).first().waitFor({ timeout: 10_000 });
    }
    await page.screenshot({ path: screenshot });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(20_000);
    await page.getByText('Search Attributes', { exact: true }).first().click();
    await page.getByText('"AdpipeWorkflowKind": "trackDeltas"').waitFor({ timeout: 10_000 });
  });
});
