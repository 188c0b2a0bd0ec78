import { inject } from 'vitest';

/** How the harness got its servers: from env URLs, testcontainers, or the embedded stack. */
export type StackMode = 'env' | 'testcontainers' | 'embedded';

/** Servers provided to integration tests by the global setup (admin credentials). */
export interface TestStack {
  readonly mode: StackMode;
  /** URL of an admin connection (may CREATE DATABASE); tests make their own databases. */
  readonly databaseUrl: string;
  readonly clickhouseUrl: string;
  readonly clickhouseUser: string;
  readonly clickhousePassword: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  /** Temporal Web UI base URL, when the stack has one. */
  readonly temporalUiUrl?: string | undefined;
  /** databaseUrl as ClickHouse reaches it (postgresql() pulls); same as databaseUrl unless containers. */
  readonly databaseUrlForClickhouse?: string | undefined;
  /** State directory of an embedded stack (mode 'embedded'). */
  readonly stateDir?: string | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/** The servers the global setup started or found. */
export function testStack(): TestStack {
  return inject('stack');
}
