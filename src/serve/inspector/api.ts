/**
 * The inspector's API, as the phone's page (and the load benchmark) speak it. The token is in the path: the
 * group's link printed on the cover is /g/<token>, its API /api/g/<token>/….
 *
 *   GET  /g/:token                     the page (an app shell: it fetches the day and works from the phone's copy)
 *   GET  /api/g/:token/day?date=D      the group's day (DayView below); D defaults to today, within the token's dates
 *   POST /api/g/:token/photos          one photo, the raw bytes (Content-Type image/jpeg|png|webp|heic) → 201 PhotoSaved
 *   POST /api/g/:token/entries         one visit (PhoneEntry, workflow/phoneEntry.ts) → 201 EntrySaved | 4xx Refusal
 *   GET  /api/g/:token/photos/:sha256  a photo this group's entries link
 *
 * Photos go first, then the entry naming them by hash; a resend of either is harmless (same hash, same entry id).
 */
import { LIMITS } from '../limits.js';

export const TOKEN_PARAM = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

const WALL_TIME = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$' } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const SHA256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

/** The body of POST /api/g/:token/entries: PhoneEntry, closed (no other fields), every string bounded. */
export const ENTRY_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['entryId', 'date', 'creditCode', 'items', 'inspectors', 'arrivedAt', 'checkedAt', 'position', 'photos'],
  properties: {
    entryId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    date: DATE,
    creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.itemsPerEntry,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['itemId', 'result', 'note'],
        properties: {
          itemId: { type: 'string', minLength: 1, maxLength: 32 },
          result: { type: 'string', enum: ['ok', 'violation', 'na'] },
          note: { type: 'string', maxLength: LIMITS.noteChars },
        },
      },
    },
    inspectors: { type: 'string', minLength: 1, maxLength: 200 },
    arrivedAt: { anyOf: [WALL_TIME, { type: 'null' }] },
    checkedAt: WALL_TIME,
    position: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['lat', 'lng', 'accuracyM'],
          properties: {
            lat: { type: 'number', minimum: -90, maximum: 90 },
            lng: { type: 'number', minimum: -180, maximum: 180 },
            accuracyM: { anyOf: [{ type: 'number', minimum: 0, maximum: 100000 }, { type: 'null' }] },
          },
        },
      ],
    },
    photos: {
      type: 'array',
      maxItems: LIMITS.photosPerEntry,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['itemId', 'sha256'],
        properties: { itemId: { type: 'string', maxLength: 32 }, sha256: SHA256 },
      },
    },
  },
} as const;

/** 201 of POST …/photos. */
export interface PhotoSaved {
  sha256: string;
  mime: string;
  bytes: number;
}

/** 201 of POST …/entries: `resent` when the entry had arrived before (nothing was written again). */
export interface EntrySaved {
  entryId: string;
  outcome: 'new' | 'correction' | 'unchanged';
  receivedAt: string;
  resent: boolean;
}

/** A 4xx: `error` a fixed word; `message` for a person; `problems` the checks that failed (422). */
export interface Refusal {
  error: string;
  message?: { zh: string; en: string };
  problems?: { field: string; message: { zh: string; en: string } }[];
}

/** GET …/day. */
export interface DayView {
  date: string;
  /** The server's wall clock (Beijing), YYYY-MM-DD HH:MM: the page's times are taken from it, not the phone's. */
  now: string;
  /** The dates this link may enter. */
  fromDate: string;
  toDate: string;
  level: string;
  group: { id: string; name: string; leader: string; members: string[] };
  visits: VisitView[];
}

export interface VisitView {
  seq: number;
  creditCode: string;
  name: string;
  village: string;
  address: string;
  contact: string;
  lon: number;
  lat: number;
  /** Amap's navigation link to the enterprise (io/write/navLink.ts). */
  navUrl: string;
  plannedArrival: string;
  /** The enterprise's measure at the day's level, in plain words. */
  measure: string;
  clues: string[];
  openFindings: string[];
  lastInspection: string | null;
  items: { id: string; text: string }[];
  /** What the office has of this visit from phones: the last entry's word, or null. */
  sent: {
    entries: number;
    lastEntryId: string;
    outcome: 'new' | 'correction' | 'unchanged';
    receivedAt: string;
    inspectors: string;
    arrivedAt: string | null;
    checkedAt: string | null;
    results: Record<string, { result: 'ok' | 'violation' | 'na'; note: string }>;
    /** The photos this group's entries linked to the visit (GET …/photos/:sha256), itemId '' for the visit's own. */
    photos: { itemId: string; sha256: string }[];
  } | null;
  /**
   * What the store holds of this visit now, whoever wrote it (a phone, `haze record` from paper, the terminal),
   * or null: a phone's entry on a visit with a record is a correction of it.
   */
  recorded: {
    inspectors: string;
    checkedAt: string | null;
    results: Record<string, { result: 'ok' | 'violation' | 'na'; note: string }>;
  } | null;
}

export { DATE as DATE_SCHEMA, SHA256 as SHA256_SCHEMA, WALL_TIME as WALL_TIME_SCHEMA };
