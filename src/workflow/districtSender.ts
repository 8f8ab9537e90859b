/**
 * The district's database as the store of a running server (haze serve with --db postgres://…): what the
 * phones write lands on the town's replica at once (the phones never wait on the district), and is sent after,
 * one push at a time — writes that arrive while a push runs are sent by the next one, so a busy morning costs
 * a push per burst, not per visit. The district out of reach: sent by the first push that reaches it.
 */
import type { WallTime } from '../core/time.js';
import type { TownIdentity } from '../io/read/workspace.js';
import { replicaAfter, type ReplicaAfter } from './replica.js';
import type { Town } from './town.js';

export interface DistrictSender {
  /** A write happened: send it soon. Never throws. */
  afterWrite(): void;
  /** Wait until everything written so far has been tried (at shutdown). */
  flush(): Promise<void>;
}

export function districtSender(
  town: Town,
  identity: TownIdentity,
  url: string,
  clock: { now(): WallTime },
  tell: { sent(done: ReplicaAfter): void; failed(err: unknown): void },
): DistrictSender {
  const startedAt = new Date().toISOString();
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async (): Promise<void> => {
    do {
      again = false;
      try {
        tell.sent(await replicaAfter(town, identity, url, clock.now(), startedAt));
      } catch (err) {
        tell.failed(err);
      }
    } while (again);
  };
  const start = () => {
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  };
  return {
    afterWrite: start,
    flush: async () => {
      while (running) await running;
    },
  };
}
