import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo's ClickHouse SQL directory. */
export const sqlDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sql');

const cache = new Map<string, string>();

/** Text of a SQL file under sql/ (cached; files are part of the release). */
export function sqlFile(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = fs.readFileSync(path.join(sqlDir, relativePath), 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}

/**
 * Split a file into statements on semicolons that end a line. Our SQL files keep
 * semicolons out of string literals, and the HTTP interface takes one statement per request.
 */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
