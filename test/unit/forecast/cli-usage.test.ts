import { describe, expect, it } from 'vitest';
import { offlineAdpipe } from '../support/offline-cli.ts';


// Bad input is refused before any server is contacted: exit 2 and a message naming the flag.
describe('forecast CLI usage errors', () => {
  it.each([
    [['forecast', '--segment', 'region=EU'], '--segment: unknown attribute "region"; expected country, device, age'],
    [['forecast', '--campaign', '3', '--days', '15'], '--days must be an integer from 1 to 14, got 15'],
    [['retrain', '--ridge', '-1'], '--ridge must be a non-negative number, got "-1"'],
  ])('adpipe %j exits 2', async (args, message) => {
    const r = await offlineAdpipe(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  }, 30_000);
});
