const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolve on the first SIGINT, SIGTERM or SIGHUP so the caller can stop in
 * order. A second signal while stopping exits at once with 128+n; the watchdog
 * then takes the servers down.
 */
export function waitForShutdownSignal(onForce: (signal: NodeJS.Signals) => void = () => {}): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      for (const s of signals) {
        process.off(s, first);
        process.on(s, force);
      }
      resolve(signal);
    };
    const force = (signal: NodeJS.Signals) => {
      onForce(signal);
      process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
    };
    for (const s of signals) process.on(s, first);
  });
}
