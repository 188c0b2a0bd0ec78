import { testStack } from '../../harness/context.ts';
import type { StackAddresses } from './fault-pipeline.ts';

/** The integration harness's servers, as a fault pipeline takes them. */
export function harnessStack(): StackAddresses {
  const s = testStack();
  return {
    databaseUrl: s.databaseUrl,
    clickhouseUrl: s.clickhouseUrl,
    clickhouseUser: s.clickhouseUser,
    clickhousePassword: s.clickhousePassword,
    temporalAddress: s.temporalAddress,
    temporalNamespace: s.temporalNamespace,
  };
}

/** A seed from ADPIPE_FAULT_SEED, or a fresh one; printed so a failing run can be replayed. */
export function faultSeed(log: (m: string) => void): number {
  const seed = process.env.ADPIPE_FAULT_SEED ? Number(process.env.ADPIPE_FAULT_SEED) : Date.now() % 1_000_000;
  log(`seed ${seed} (replay with ADPIPE_FAULT_SEED=${seed})`);
  return seed;
}
