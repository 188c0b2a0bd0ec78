import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOlapSchema, schemaFiles } from '../../../activities/pipeline/olap-schema.ts';
import { splitStatements, sqlFile } from '../../../lib/sql-files.ts';
import { createClickHouseDatabase, type ClickHouseTestDatabase } from '../../harness/databases.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Files a database of the previous layout recorded that no longer exist: the views now
// live in sql/views/, and 0005_rejected_rows.sql is 0008_rejected-rows.sql.
const retired = ['0004_views.sql', '0005_rejected_rows.sql', '0006_totals_report_signed_money.sql'];

describe('applyOlapSchema on a database created before sql/views/', () => {
  let db: ClickHouseTestDatabase;
  const apply = () => applyOlapSchema(db.client, db.client, db.name);
  const columns = async (table: string) =>
    (await db.client
      .query({ query: 'SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {t:String} ORDER BY position', query_params: { t: table }, format: 'JSONEachRow' })
      .then((r) => r.json<{ name: string }>())).map((c) => c.name);

  beforeAll(async () => {
    db = await createClickHouseDatabase('olap_upgrade');
    // The old state: every table, the old file names recorded, stale views, a rejected row.
    for (const file of schemaFiles()) for (const s of splitStatements(sqlFile(`schema/${file}`))) await db.client.command({ query: s });
    await db.client.command({
      query: `CREATE TABLE schema_migrations (name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY name`,
    });
    const kept = schemaFiles().filter((f) => f !== '0008_rejected-rows.sql').map((name) => ({ name, checksum: sha256(sqlFile(`schema/${name}`)) }));
    await db.client.insert({ table: 'schema_migrations', values: [...kept, ...retired.map((name) => ({ name, checksum: sha256(name) }))], format: 'JSONEachRow' });
    await db.client.command({ query: `CREATE VIEW campaign_totals_report AS SELECT toUInt32(1) AS campaign_id, 'stale' AS status` });
    await db.client.command({ query: `CREATE VIEW rejected_rows_current AS SELECT 'stale' AS table_name` });
    await db.client.command({ query: `INSERT INTO rejected_rows (table_name, id, action, reason, source_xid, version, is_deleted) VALUES ('clicks', 7, 'skipped', 'kept', 1, 2, 0)` });
  });
  afterAll(async () => db?.drop());

  it('applies only the renumbered file, keeps its data, and re-creates every view on the KPI functions', async () => {
    expect((await apply()).applied).toEqual(['0008_rejected-rows.sql']);
    expect(await columns('campaign_totals_report')).toEqual(expect.arrayContaining(['campaign_id', 'ctr', 'ecpm', 'pacing', 'status']));
    expect(await columns('campaign_daily_report')).toEqual(expect.arrayContaining(['day', 'flight_day', 'ctr', 'spend']));
    const functions = await db.client
      .query({ query: `SELECT name FROM system.functions WHERE startsWith(name, 'adpipe_') AND origin = 'SQLUserDefined' ORDER BY name`, format: 'JSONEachRow' })
      .then((r) => r.json<{ name: string }>());
    expect(functions.map((f) => f.name)).toEqual(['adpipe_ctr', 'adpipe_ecpc', 'adpipe_ecpm', 'adpipe_spend']);
    const rejected = await db.client.query({ query: 'SELECT table_name, id, reason FROM rejected_rows_current', format: 'JSONEachRow' }).then((r) => r.json());
    expect(rejected).toEqual([{ table_name: 'clicks', id: 7, reason: 'kept' }]);
    const read = await db.client.query({ query: 'SELECT count() AS n FROM campaign_totals_report', format: 'JSONEachRow' }).then((r) => r.json<{ n: string }>());
    expect(Number(read[0]!.n)).toBe(0); // the view reads: every table and function it needs exists
  });

  it('a second start applies no schema file and re-creates the views again', async () => {
    await db.client.command({ query: `CREATE OR REPLACE VIEW campaign_daily_report AS SELECT 'stale' AS day` });
    expect((await apply()).applied).toEqual([]);
    expect(await columns('campaign_daily_report')).toEqual(expect.arrayContaining(['day', 'flight_day', 'ctr', 'spend']));
  });

  it('a recorded schema file whose text changed is still refused', async () => {
    await db.client.insert({ table: 'schema_migrations', values: [{ name: '0001_dimensions.sql', checksum: 'edited' }], format: 'JSONEachRow' });
    await expect(apply()).rejects.toMatchObject({ type: 'OlapSchemaChanged' });
  });
});
