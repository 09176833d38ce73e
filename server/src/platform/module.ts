import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/engine.ts';
import type { AccessGuard } from './access.ts';
import type { Verb } from './cli.ts';
import type { Mailer } from './mail.ts';
import type { Progress } from './progress.ts';
import type { BlobReferences } from './storage/sweep.ts';

/** What the composition root (server/src/app.ts) hands every module. */
export type ModuleContext = {
  config: Config;
  database: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  guard: AccessGuard;
  /**
   * A commit wrote to the notification outbox: send soon. Workers in other processes hear it from
   * the database (NOTIFY on insert); this also wakes a worker in this process at once.
   */
  outboxWritten(): void;
};

/** The address of a page of the web app being served: `/thu-tuc` and `?q=…`. */
export type PageAddress = { path: string; query: URLSearchParams };

/** A background job: started by the worker role, stopped (waiting for a run in progress) on shutdown. */
export type BackgroundJob = { name: string; start(): RunningJob };
export type RunningJob = {
  /** Run soon, without waiting for the next period (work was just committed for it). */
  wake?(): void;
  close(): Promise<void>;
};

export type SeedContext = {
  database: Database;
  config: Config;
  log: (line: string) => void;
  progress: (label: string, total: number) => Progress;
};

/**
 * One module, as the composition root sees it. Adding a module is its folder, this descriptor in
 * its index.ts, one line in server/src/app.ts, its schema export and its web feature.
 */
export type ModuleDescriptor = {
  name: string;
  /** Its OpenAPI tags, in the order the API docs list them. */
  tags?: { name: string; description: string }[];
  /** Registers its HTTP routes (web role). */
  routes?(app: FastifyInstance, ctx: ModuleContext): Promise<void>;
  /** Its background jobs (worker role). */
  jobs?(ctx: ModuleContext): BackgroundJob[];
  /**
   * What a new database gets, module after module in the list's order: `reference` always,
   * `demo` with DEMO_ACCOUNTS=true.
   */
  seed?: { reference?(s: SeedContext): Promise<void>; demo?(s: SeedContext): Promise<void> };
  /**
   * If it keeps file contents in the platform's storage: which of a batch it still references.
   * The worker's sweep removes contents no module references (platform/storage/sweep.ts).
   */
  fileReferences?(database: Database): BlobReferences;
  /** Its `cqs` verbs. */
  verbs?: Record<string, Verb>;
  /**
   * Answers the web app asks for first on the page at `page` (the site on every page, a
   * procedure on its own page), written into that page so it paints without the round trip.
   * Keyed by the exact API path the app will ask for; only what an anonymous visitor may read.
   */
  pageData?(ctx: ModuleContext, page: PageAddress): Promise<Record<string, unknown>>;
};
