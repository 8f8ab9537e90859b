/**
 * zod for haze's config files, in its "mini" form: the same checks and the same error messages (the English
 * locale, configured here once) at a fraction of the start-up — the full zod's import was about 70 ms of every
 * command's 0.3 s (npm run bench:startup), the mini form under 10 ms. Schema modules `import * as z` from
 * here; the functions are named one by one so that the bundle keeps only these (a namespace re-export of
 * zod keeps every locale and all of its core).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default,
  array,
  boolean,
  enum,
  int,
  literal,
  maximum,
  minLength,
  minimum,
  nullable,
  number,
  object,
  optional,
  partial,
  pipe,
  positive,
  regex,
  strictObject,
  string,
  transform,
  union,
} from 'zod/mini';
export type { infer, ZodMiniType } from 'zod/mini';
