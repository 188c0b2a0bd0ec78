import type { FaultPipeline } from './fault-pipeline.ts';
import type { ReachedPoint, WorkerProcess } from './worker-process.ts';

/** Where to kill: when a worker reaches `point`, wait a random time in `windowMs`, SIGKILL. */
export interface KillTarget {
  readonly point: string;
  readonly windowMs: readonly [number, number];
  /** What the worker is doing then, for the report. */
  readonly where: string;
}

/** One SIGKILL that landed. */
export interface KillEvent {
  readonly workflow: string;
  readonly point: string;
  readonly where: string;
  readonly delayMs: number;
  /** The last fault point the worker had reached when it died (shows mid-insert vs after). */
  readonly lastPoint: string;
  readonly details: Record<string, unknown>;
  readonly at: string;
  /** From the kill to the next fault point a new worker reached: how long the retry took to start. */
  recoveryMs?: number;
}

/**
 * Owns the worker process of a fault test: arms one kill at a time, kills the worker
 * with SIGKILL when the armed point is reached, records where, and starts a new worker
 * at once (a deployment's supervisor would). Counts every point reached, for coverage.
 */
export class KillSwitch {
  readonly events: KillEvent[] = [];
  readonly reached = new Map<string, number>();
  private worker: WorkerProcess | undefined;
  private armed: { workflow: string; target: KillTarget; delayMs: number } | undefined;
  private lastPoint = '(none)';
  private recovering: { event: KillEvent; since: number } | undefined;
  private killing: Promise<void> | undefined;
  private readonly killListeners: ((e: KillEvent) => void)[] = [];

  constructor(
    private readonly pipeline: FaultPipeline,
    private readonly random: () => number,
    private readonly workerEnv: Record<string, string> = {},
  ) {}

  /** Start the first worker and wait until it polls. */
  async start(): Promise<void> {
    this.worker = this.spawn();
    await this.worker.ready;
  }

  /** The current worker (for RSS sampling). */
  current(): WorkerProcess | undefined {
    return this.worker;
  }

  /** Kill at `target` the next time a worker reaches it (replaces any armed target). */
  arm(workflow: string, target: KillTarget): void {
    const [lo, hi] = target.windowMs;
    this.armed = { workflow, target, delayMs: Math.round(lo + this.random() * (hi - lo)) };
  }

  disarm(): void {
    this.armed = undefined;
  }

  isArmed(): boolean {
    return this.armed !== undefined;
  }

  onKill(listener: (e: KillEvent) => void): void {
    this.killListeners.push(listener);
  }

  /** Wait for a kill in progress (and its replacement worker) to finish. */
  async settled(): Promise<void> {
    await this.killing;
    await this.worker?.ready;
  }

  /** Stop the current worker gracefully. */
  async stop(): Promise<void> {
    this.disarm();
    await this.killing;
    await this.worker?.stop();
  }

  private spawn(): WorkerProcess {
    const w = this.pipeline.startWorker(this.workerEnv);
    w.onPoint((p) => this.onPoint(w, p));
    return w;
  }

  private onPoint(w: WorkerProcess, p: ReachedPoint): void {
    if (w !== this.worker) return;
    this.reached.set(p.point, (this.reached.get(p.point) ?? 0) + 1);
    if (this.recovering) {
      this.recovering.event.recoveryMs = p.at - this.recovering.since;
      this.recovering = undefined;
    }
    this.lastPoint = p.point;
    const armed = this.armed;
    if (armed === undefined || armed.target.point !== p.point || this.killing) return;
    this.armed = undefined;
    this.killing = (async () => {
      await new Promise((r) => setTimeout(r, armed.delayMs));
      const event: KillEvent = {
        workflow: armed.workflow, point: p.point, where: armed.target.where, delayMs: armed.delayMs,
        lastPoint: this.lastPoint, details: p.details, at: new Date().toISOString(),
      };
      await w.kill();
      this.events.push(event);
      this.recovering = { event, since: Date.now() };
      this.worker = this.spawn();
      for (const l of this.killListeners) l(event);
      await this.worker.ready;
    })().finally(() => (this.killing = undefined));
  }
}
