/**
 * Where the inputs are: flags first, then haze.yaml in the working directory, then the embedded sample town
 * (data/xuebu). The sample carries the seed story's own alert (orange from 2019-12-08 14:00).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from './schema.js';
import { ALERT_LEVELS } from '../../core/model.js';
import type { Problem } from '../../core/problem.js';
import { WORKSPACE_KIND } from './configFields.js';
import { checkYamlConfig, settle, type ConfigCheck } from './yamlConfig.js';

/** The package root: this file is at src/io/read or dist/io/read, three levels down. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLE_DIR = join(PACKAGE_ROOT, 'data/xuebu');
export const DEFAULT_RULES = join(PACKAGE_ROOT, 'data/rules/default.yaml');
export const WORKSPACE_FILE = 'haze.yaml';

const workspaceSchema = z.object({
  list: z._default(z.string().check(z.minLength(1)), 'enterprises.csv'),
  groups: z._default(z.string().check(z.minLength(1)), 'groups.yaml'),
  rules: z.pipe(
    z._default(z.union([z.string(), z.array(z.string())]), []),
    z.transform((r) => (typeof r === 'string' ? [r] : r)),
  ),
  db: z._default(z.string().check(z.minLength(1)), 'haze.db'),
  /** The datum of the list's coordinates: converted to WGS-84 on reading. */
  coord_system: z._default(z.enum(['wgs84', 'gcj02', 'bd09']), 'wgs84'),
  /** Evidence files (meter points, readings, gate ledgers) read on every run beside the store's. */
  evidence: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Who the town is, by its administrative codes: every row it sends to the district database carries the code. */
  town: z.optional(z.object({ code: z.string().check(z.regex(/^\d{6,12}$/)), name: z.string().check(z.minLength(1)) })),
  /** The district over the town, and its database (postgres://…) for push, pull and the district's views. */
  district: z.optional(
    z.object({ code: z.string().check(z.regex(/^\d{6}$/)), name: z.string().check(z.minLength(1)), db: z.optional(z.string().check(z.minLength(1))) }),
  ),
  /** haze serve: the address phones open (http://192.168.1.20:8080), for the links printed on the covers. */
  serve: z.optional(z.object({ url: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s/]+/))) })),
  /** Only the embedded sample has this: the seed story's alert, used when the store has none. */
  sample_alert: z.optional(z.object({ level: z.enum(ALERT_LEVELS), from: z.string(), doc: z.optional(z.string()), note: z.optional(z.string()) })),
});

export interface SampleAlert {
  level: (typeof ALERT_LEVELS)[number];
  from: string;
  doc?: string | undefined;
  note?: string | undefined;
}

/** The town as the district knows it (haze.yaml town: and district:). */
export interface TownIdentity {
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
}

/** A store given as a PostgreSQL connection string rather than a file. */
export const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);

export interface Workspace {
  /** The folder of haze.yaml (the sample's folder for the sample). */
  root: string;
  listFile: string;
  groupsFile: string;
  /** The default rules first, then the town's own files, which override them. */
  ruleFiles: string[];
  dbFile: string;
  /** --db, HAZE_DB or haze.yaml db: when it is postgres://…: the store of record; dbFile is then the town's replica of it. */
  dbUrl: string | null;
  /** haze.yaml town: and district:; null when haze.yaml has no town: (the district's commands ask for it). */
  town: TownIdentity | null;
  /** haze.yaml district.db: the district database push, pull and the district views use when not told. */
  districtDb: string | null;
  /** The datum of the list's coordinates. */
  coordSystem: 'wgs84' | 'gcj02' | 'bd09';
  /** Which inputs come from the embedded sample town. */
  fromSample: { list: boolean; groups: boolean; all: boolean };
  sampleAlert: SampleAlert | null;
  /**
   * Evidence files haze.yaml names under `evidence:` (absolute), read on every run beside what the store holds.
   * A missing one is an error only for a command that needs evidence (workflow/evidence.ts).
   */
  evidenceFiles: string[];
  /** Where `evidence:` was written, for the message when a file it names is missing. */
  configFile: string;
  /** haze.yaml serve.url: the base of the links `haze serve tokens make` and `haze checklist --link` print. */
  serveUrl?: string | null;
  /** No store at all, whatever file sits at dbFile: the demo reads and writes none (see sampleWorkspace). */
  noStore?: boolean;
}

export interface WorkspaceFlags {
  cwd: string;
  list?: string | undefined;
  groups?: string | undefined;
  rules?: string[] | undefined;
  db?: string | undefined;
}

export function resolveWorkspace(flags: WorkspaceFlags): Workspace {
  const { ws, check } = workspaceOf(flags);
  settle(check);
  return ws;
}

/**
 * The workspace with every problem of its haze.yaml (validate): a setting in error is left at its default, so
 * the list and the groups file are still found when one of them is named right.
 */
export function checkWorkspace(flags: WorkspaceFlags): { ws: Workspace; problems: Problem[]; refusal: ConfigCheck<unknown>['refusal'] } {
  const { ws, check } = workspaceOf(flags);
  return { ws, problems: check.problems, refusal: check.refusal };
}

function workspaceOf(flags: WorkspaceFlags): { ws: Workspace; check: ConfigCheck<z.infer<typeof workspaceSchema>> } {
  const own = join(flags.cwd, WORKSPACE_FILE);
  const hasOwn = existsSync(own);
  const root = hasOwn ? flags.cwd : SAMPLE_DIR;
  const check = checkYamlConfig(hasOwn ? own : join(SAMPLE_DIR, WORKSPACE_FILE), workspaceSchema, WORKSPACE_KIND);
  const cfg = check.value ?? workspaceSchema.parse({});
  const inRoot = (p: string) => resolve(root, p);
  const fromCwd = (p: string) => (p === '-' ? '-' : resolve(flags.cwd, p));
  const listFromSample = !hasOwn && !flags.list;
  const givenDb = flags.db ?? (hasOwn ? cfg.db : undefined);
  const dbUrl = givenDb !== undefined && isPostgresUrl(givenDb) ? givenDb : null;
  const groupsFromSample = !hasOwn && !flags.groups;
  const ws: Workspace = {
    root,
    listFile: flags.list ? fromCwd(flags.list) : inRoot(cfg.list),
    groupsFile: flags.groups ? fromCwd(flags.groups) : inRoot(cfg.groups),
    ruleFiles: [DEFAULT_RULES, ...cfg.rules.map(inRoot), ...(flags.rules ?? []).map(fromCwd)],
    // With the district as the store of record, dbFile is the town's replica: haze.db beside haze.yaml when its
    // db: is the URL, the file it names when the URL came from --db or HAZE_DB.
    dbFile: dbUrl
      ? hasOwn
        ? inRoot(isPostgresUrl(cfg.db) ? 'haze.db' : cfg.db)
        : resolve(flags.cwd, 'haze.db')
      : flags.db
        ? fromCwd(flags.db)
        : hasOwn
          ? inRoot(cfg.db)
          : resolve(flags.cwd, cfg.db),
    dbUrl,
    town: townIdentity(cfg),
    districtDb: cfg.district?.db ?? null,
    coordSystem: cfg.coord_system,
    fromSample: { list: listFromSample, groups: groupsFromSample, all: listFromSample && groupsFromSample },
    sampleAlert: listFromSample && cfg.sample_alert ? cfg.sample_alert : null,
    // The sample's evidence names the sample's plants: it goes with the sample's list, as its alert does.
    evidenceFiles: hasOwn || listFromSample ? cfg.evidence.map(inRoot) : [],
    configFile: hasOwn ? own : join(SAMPLE_DIR, WORKSPACE_FILE),
    serveUrl: hasOwn ? (cfg.serve?.url ?? null) : null,
  };
  return { ws, check };
}

/**
 * The embedded sample town on its own, with its own alert and no store: what `haze demo` shows, whatever
 * haze.yaml or haze.db sits in the folder (it never reads nor writes them).
 */
export function sampleWorkspace(): Workspace {
  const cfg = settle(checkYamlConfig(join(SAMPLE_DIR, WORKSPACE_FILE), workspaceSchema, WORKSPACE_KIND));
  const inSample = (p: string) => resolve(SAMPLE_DIR, p);
  return {
    root: SAMPLE_DIR,
    listFile: inSample(cfg.list),
    groupsFile: inSample(cfg.groups),
    ruleFiles: [DEFAULT_RULES, ...cfg.rules.map(inSample)],
    dbFile: inSample(cfg.db),
    dbUrl: null,
    town: townIdentity(cfg),
    districtDb: null,
    coordSystem: cfg.coord_system,
    fromSample: { list: true, groups: true, all: true },
    sampleAlert: cfg.sample_alert ?? null,
    evidenceFiles: cfg.evidence.map(inSample),
    configFile: join(SAMPLE_DIR, WORKSPACE_FILE),
    noStore: true,
  };
}

function townIdentity(cfg: z.infer<typeof workspaceSchema>): TownIdentity | null {
  if (!cfg.town) return null;
  return { code: cfg.town.code, name: cfg.town.name, districtCode: cfg.district?.code ?? null, districtName: cfg.district?.name ?? null };
}
