/** The server's limits, in one place (README: "the security model"). */
export const LIMITS = {
  /** A JSON request body: a visit's entry is a few kilobytes. */
  jsonBody: 256 * 1024,
  /** One photo, after the phone has shrunk it (about 1600 px on its long side: 200–600 KB as JPEG). */
  photoBytes: 4 * 1024 * 1024,
  /** Photos one entry may link. */
  photosPerEntry: 12,
  /** Items of one entry (a measure has a dozen at most). */
  itemsPerEntry: 60,
  /** A note's length, characters. */
  noteChars: 2000,
  /** Requests per token (or per address without one) per minute. */
  requestsPerMinute: 600,
  /** Attempts at the office password per address per 15 minutes. */
  loginsPer15Minutes: 10,
} as const;
