/**
 * A group's link: the address phones open (`<base>/g/<token>`), made with a new token for that group and a span
 * of dates. What `haze serve` prints at start, `haze serve tokens make` prints, and `haze checklist --link`
 * puts on each group's cover: one way to make them. The token is shown once and kept nowhere (only its hash).
 */
import type { Group } from '../core/model.js';
import type { Workspace } from '../io/read/workspace.js';
import { makeToken, type ServeToken } from '../io/store/serveTokens.js';
import { writeStore } from './storeDoor.js';

export interface GroupLink {
  group: Pick<Group, 'id' | 'name'>;
  /** The whole token (`<id>.<secret>`). */
  token: string;
  row: ServeToken;
  /** base + /g/ + token. */
  url: string;
}

/** A base address as written (http://192.168.1.20:8080/ or without the slash): the links' prefix. */
export function linkBase(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function groupLinkUrl(base: string, token: string): string {
  return `${linkBase(base)}/g/${token}`;
}

/** A new token for each group, all in one transaction. */
export function makeGroupLinks(
  ws: Pick<Workspace, 'dbFile' | 'noStore'>,
  groups: readonly Pick<Group, 'id' | 'name'>[],
  t: { fromDate: string; toDate: string; label: string; createdAt: string; base: string },
): GroupLink[] {
  return writeStore(ws, (db) =>
    db.transaction(() =>
      groups.map((group) => {
        const { token, row } = makeToken(db, { groupId: group.id, fromDate: t.fromDate, toDate: t.toDate, label: t.label, createdAt: t.createdAt });
        return { group, token, row, url: groupLinkUrl(t.base, token) };
      }),
    )(),
  );
}
