/**
 * The office's sessions: kept in memory only (a restart logs everyone out, which is the safe way round). A
 * session is 32 random bytes, named in the cookie; it carries its own CSRF token (a synchronizer token: the page
 * sends it back in a header or a hidden field with every change, compared in constant time). Idle for 12 hours → gone.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'haze_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export interface Session {
  id: string;
  user: string;
  csrf: string;
  lastSeen: number;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();
  constructor(private readonly now: () => number = Date.now) {}

  open(user: string): Session {
    const s: Session = { id: randomBytes(32).toString('base64url'), user, csrf: randomBytes(32).toString('base64url'), lastSeen: this.now() };
    this.byId.set(s.id, s);
    return s;
  }

  /** The session a cookie names, when it is live; seeing it counts as use. */
  find(id: string | undefined): Session | null {
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
    const s = this.byId.get(id);
    if (!s) return null;
    const t = this.now();
    if (t - s.lastSeen > SESSION_IDLE_MS) {
      this.byId.delete(id);
      return null;
    }
    s.lastSeen = t;
    return s;
  }

  close(id: string): void {
    this.byId.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Whether a presented CSRF token is the session's, in constant time. */
export function csrfMatches(s: Session, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const want = Buffer.from(s.csrf, 'utf8');
  const got = Buffer.from(presented, 'utf8');
  return want.length === got.length && timingSafeEqual(want, got);
}
