/**
 * A photo's body: the raw bytes, as a Buffer, for the image types a phone sends (and octet-stream, for a
 * browser that cannot name a HEIC). What they are is read from the bytes afterwards (photoKind), never from
 * the header. The size limit is the photo route's own (LIMITS.photoBytes); JSON keeps the server's.
 */
import type { FastifyInstance } from 'fastify';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/octet-stream'];

export function photoBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}
