import { sqlFile } from './sql-files.ts';

const slotPattern = /\{\{([a-z_]+)\}\}/g;
const identifierPattern = /^[a-z_][a-z0-9_]*$/;
const cache = new Map<string, string>();

/**
 * A SQL file under sql/ with its `{{name}}` slots filled (every slot, every value used).
 * A slot takes SQL text from another file (sqlFragment) or identifiers from adpipe's own
 * constants (sqlIdentifiers), never a value: values travel as `{name:Type}` parameters.
 */
export function sqlTemplate(file: string, slots: Readonly<Record<string, string>>): string {
  const key = JSON.stringify([file, slots]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const used = new Set<string>();
  const text = sqlFile(file).replace(slotPattern, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`sql/${file}: no value for the slot {{${name}}}`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(slots).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`sql/${file}: no slot {{${unused.join('}}, {{')}}}`);
  cache.set(key, text);
  return text;
}

/**
 * One SELECT from a file under sql/, to fill a slot: ends on its own line, so a
 * trailing comment cannot swallow what follows the slot.
 */
export function sqlFragment(file: string): string {
  const text = sqlFile(file).trimEnd();
  if (text.includes(';')) throw new Error(`sql/${file}: a fragment holds one statement, without ';'`);
  return `${text}\n`;
}

/** Column or table names from adpipe's constants, checked and joined with ", ". */
export function sqlIdentifiers(names: readonly string[]): string {
  for (const name of names) {
    if (!identifierPattern.test(name)) throw new TypeError(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return names.join(', ');
}
