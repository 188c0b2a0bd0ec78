/** How rows of an input format can be cut into independently insertable chunks. */
export type RowSplit = 'lines' | 'csv' | 'json' | 'whole';

interface FormatInfo {
  /** Rows are cut at: any newline (TSV), a newline outside quotes (CSV), between JSON values. */
  readonly split: RowSplit;
  /** Header rows (WithNames = 1, WithNamesAndTypes = 2) repeated in every chunk/block. */
  readonly headerRows: number;
}

const FORMATS = new Map<string, FormatInfo>();
const register = (split: RowSplit, bases: readonly string[]) => {
  for (const base of bases) {
    FORMATS.set(base.toLowerCase(), { split, headerRows: 0 });
    FORMATS.set(`${base}WithNames`.toLowerCase(), { split, headerRows: 1 });
    FORMATS.set(`${base}WithNamesAndTypes`.toLowerCase(), { split, headerRows: 2 });
  }
};
register('lines', ['TabSeparated', 'TSV', 'TabSeparatedRaw', 'TSVRaw']);
register('csv', ['CSV']);
register('json', ['JSONCompactEachRow', 'JSONCompactStringsEachRow']);
for (const name of ['JSONEachRow', 'JSONLines', 'NDJSON', 'JSONStringsEachRow']) {
  FORMATS.set(name.toLowerCase(), { split: 'json', headerRows: 0 });
}
// Output only: blocks of these concatenate into one valid result.
const CONCATENABLE_BINARY = new Set(['rowbinary', 'native']);

const WHOLE: FormatInfo = { split: 'whole', headerRows: 0 };

/** How to chunk an insert body of this format ('whole' = one engine call). */
export const inputFormat = (name: string): FormatInfo => FORMATS.get(name.toLowerCase()) ?? WHOLE;

/** Whether streamed blocks of this output format can be sent back to back, and which header rows to drop from later blocks. */
export function outputFormat(name: string): { readonly streamable: boolean; readonly headerRows: number } {
  const info = FORMATS.get(name.toLowerCase());
  if (info !== undefined) return { streamable: true, headerRows: info.headerRows };
  return { streamable: CONCATENABLE_BINARY.has(name.toLowerCase()), headerRows: 0 };
}

const BINARY = /^(rowbinary|native|parquet|arrow|orc|avro|protobuf|msgpack|capnproto|bsoneachrow|npy)/i;

/** The Content-Type ClickHouse would label this output format with. */
export function contentType(name: string): string {
  if (/^json/i.test(name)) return 'application/json; charset=UTF-8';
  if (/^csv/i.test(name)) return 'text/csv; charset=UTF-8';
  if (/^(tsv|tabseparated)/i.test(name)) return 'text/tab-separated-values; charset=UTF-8';
  if (BINARY.test(name)) return 'application/octet-stream';
  return 'text/plain; charset=UTF-8';
}
