/**
 * The one cookie the office uses, read and written here: a few lines rather than @fastify/cookie, whose current
 * version needs `cookie` 2 — an ES module for Node 22, where haze runs on Node 20. Values are base64url only, so
 * nothing needs decoding; anything else in the header is ignored.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const v = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(v) ? v : undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'Strict';
  path: string;
  secure: boolean;
  /** Seconds; 0 removes the cookie. */
  maxAge: number;
}

export function cookieHeader(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${o.path}`,
    `Max-Age=${o.maxAge}`,
    ...(o.httpOnly ? ['HttpOnly'] : []),
    `SameSite=${o.sameSite}`,
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}
