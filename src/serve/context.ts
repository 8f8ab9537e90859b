/**
 * What every route of `haze serve` shares: the town (loaded once at start: the list, the groups, the rules;
 * the store is opened per request through the store door), the clock, where photos are kept, and the change
 * signal the office view listens to. The CLI makes it (src/cli/actions/serve.ts); tests make their own.
 */
import { EventEmitter } from 'node:events';
import type { WallTime } from '../core/time.js';
import { photosDirOf } from '../io/store/photos.js';
import type { Town } from '../workflow/town.js';

export interface ServeClock {
  /** Beijing wall time now. */
  now(): WallTime;
  /** The same moment as epoch ms. */
  instant(): number;
}

/** What changed, for the office view's live feed. */
export interface StoreChange {
  kind: 'entry' | 'photo' | 'token';
  date?: string;
  groupId?: string;
  creditCode?: string;
}

export interface ServeContext {
  town: Town;
  clock: ServeClock;
  /** photos/ beside the store (io/store/photos.ts). */
  photosDir: string;
  /** Emits 'change' (StoreChange) after every write a request made. */
  changes: EventEmitter;
  /**
   * Called after a request wrote to the store: with the district's database as the store (replica mode) this
   * sends what was written (the CLI serialises the pushes). Never throws; nothing to do on a town's own store.
   */
  afterWrite(): void;
}

export function newChanges(): EventEmitter {
  const e = new EventEmitter();
  // One listener per open office page: many is normal, not a leak.
  e.setMaxListeners(0);
  return e;
}

/** Tell the office pages, and the district when it is the store, that the store changed. */
export function storeChanged(ctx: ServeContext, change: StoreChange): void {
  ctx.changes.emit('change', change);
  ctx.afterWrite();
}

/** The context of a town's server; `afterWrite` only where the district's database is the store. */
export function serveContext(town: Town, clock: ServeClock, afterWrite: () => void = () => undefined): ServeContext {
  return { town, clock, photosDir: photosDirOf(town.ws.dbFile), changes: newChanges(), afterWrite };
}
