import type { Connection } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { adpipeSearchAttributeKeys } from '../core/search-attributes.ts';

/** What registration did; `error` when the server refused (Temporal Cloud manages attributes elsewhere). */
export interface SearchAttributeRegistration {
  readonly added: string[];
  readonly error?: string;
}

/**
 * Add adpipe's search attributes the namespace lacks, through the operator service. The
 * embedded dev server registers them at start; a real cluster may not have them, and a
 * run started with an unknown attribute is rejected. Never throws: a server that refuses
 * (no operator rights, Temporal Cloud) is reported so the caller can warn and go on.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<SearchAttributeRegistration> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
    const missing = adpipeSearchAttributeKeys.filter((key) => !known.has(key.name));
    if (missing.length === 0) return { added: [] };
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!])),
    });
    return { added: missing.map((key) => key.name) };
  } catch (err) {
    return { added: [], error: err instanceof Error ? err.message : String(err) };
  }
}
