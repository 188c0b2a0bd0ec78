import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../../activities/pipeline/olap-schema.ts';
import { viewFiles, viewFilesOnDisk } from '../../../activities/pipeline/olap-views.ts';
import { splitStatements, sqlFile } from '../../../lib/sql-files.ts';

describe('ClickHouse schema and view files', () => {
  it('every schema file has a number of its own', () => {
    const numbers = schemaFiles().map((f) => /^(\d{4})_[a-z0-9_-]+\.sql$/.exec(f)?.[1]);
    expect(numbers).not.toContain(undefined);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the view order lists every file of sql/views/ exactly once', () => {
    expect([...viewFiles].sort()).toEqual(viewFilesOnDisk());
  });

  it('views and functions only ever replace themselves; schema files never define a view', () => {
    for (const file of viewFiles) {
      for (const s of splitStatements(sqlFile(`views/${file}`))) expect(s).toMatch(/^CREATE OR REPLACE (VIEW|FUNCTION) /);
    }
    for (const file of schemaFiles()) expect(sqlFile(`schema/${file}`)).not.toMatch(/CREATE (OR REPLACE )?(VIEW|FUNCTION)/);
  });

  it('each KPI function is defined once and every report reads it from there', () => {
    const functions = splitStatements(sqlFile('views/kpi-functions.sql')).map((s) => /FUNCTION (\w+) AS/.exec(s)?.[1]);
    expect(functions).toEqual(['adpipe_ctr', 'adpipe_spend', 'adpipe_ecpm', 'adpipe_ecpc']);
    const readers = ['views/campaign-totals-report.sql', 'views/campaign-daily-report.sql', 'queries/report-period.sql', 'reports/rebuild-daily.sql'];
    for (const file of readers) {
      const text = sqlFile(file);
      expect(text, file).toMatch(/adpipe_(ctr|spend)\(/);
      // A formula written out again: a division guarded by a zero test, or a Decimal128 product.
      expect(text, file).not.toMatch(/if\(\s*[\w.]*(impressions|clicks) = 0/);
      expect(text, file).not.toMatch(/toDecimal128\([\w.]+, 0\) \*/);
    }
  });
});
