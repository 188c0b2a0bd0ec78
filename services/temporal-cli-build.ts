import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The newest CLI tag whose go.mod has no replace directive: later tags cannot be
 * built with `go install module@version`.
 */
export const temporalCliVersion = 'v1.5.1';
const temporalCliModule = 'github.com/temporalio/cli/cmd/temporal';

/** The Temporal CLI could not be found or built; the message says why and what to do. */
export class TemporalCliError extends Error {
  override readonly name = 'TemporalCliError';
}

/** Build into a private directory, then rename: nobody ever sees a half-written binary. */
export async function goInstall(target: string, log: (message: string) => void, env: NodeJS.ProcessEnv): Promise<void> {
  const staging = path.join(path.dirname(target), `.build-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  const spec = `${temporalCliModule}@${temporalCliVersion}`;
  log(`Temporal CLI not found on PATH or in ${path.dirname(target)}; building it: go install ${spec}`);
  log('(the first build downloads ~200 modules and compiles for several minutes; later runs reuse the cache)');
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
  const tail: string[] = [];
  const child = spawn('go', ['install', spec], {
    env: { ...env, GOBIN: staging },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log(`  ${line}`);
    });
  }
  // Compiling prints nothing for minutes; say we are alive.
  const ticker = setInterval(() => log(`  … still building the Temporal CLI (${elapsed()})`), 30_000);
  try {
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c ?? 1));
    }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw new TemporalCliError(noGoMessage(target));
      throw err;
    });
    if (code !== 0) throw new TemporalCliError(buildFailureMessage(spec, code, tail, env, target));
    fs.renameSync(path.join(staging, 'temporal'), target);
    log(`Built the Temporal CLI in ${elapsed()}: ${target}`);
  } finally {
    clearInterval(ticker);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function noGoMessage(target: string): string {
  return (
    `the Temporal CLI is not on PATH nor at ${target}, and Go is not installed to build it. ` +
    `Install Go (1.25 or newer; an older Go fetches a newer toolchain through the module proxy), or put a \`temporal\` binary on PATH or at ${target}.`
  );
}

const networkError = /dial tcp|no such host|i\/o timeout|connection refused|network is unreachable|TLS handshake|proxyconnect|Forbidden|404 Not Found/i;
const offline = /module lookup disabled|GOFLAGS=-mod=(vendor|readonly)|GOTOOLCHAIN=local/i;

/** Explain a failed build; a network failure or an offline Go gets its cause spelled out. */
export function buildFailureMessage(spec: string, code: number, tail: readonly string[], env: NodeJS.ProcessEnv, target = 'the cache'): string {
  const output = tail.slice(-12).join('\n');
  const instead = `put an existing \`temporal\` binary on PATH or at ${target}`;
  const why = networkError.test(output)
    ? `Go could not download the module sources: this machine cannot reach the Go module proxy ` +
      `(GOPROXY=${env.GOPROXY ?? 'Go default'}). Building needs the proxy (or a GOPROXY mirror that has ${spec}); ` +
      `or ${instead}.`
    : offline.test(output)
      ? `Go is configured not to download modules (GOPROXY/GOFLAGS/GOTOOLCHAIN); allow it, or ${instead}.`
      : `See go's output; or ${instead}.`;
  return `go install ${spec} failed (exit ${code}). ${why}\nLast lines of go's output:\n${output}`;
}
