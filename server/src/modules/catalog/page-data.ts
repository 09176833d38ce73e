import type { Db } from '../../db/engine.ts';
import { DomainError } from '../../platform/errors.ts';
import type { PageAddress } from '../../platform/module.ts';
import {
  detailSchema,
  procedureAnswer,
  procedureCode,
  searchAnswerSchema,
  searchOf,
  searchQuerySchema,
} from './routes.ts';
import { searchProcedures } from './search.ts';

// The portal's catalogue shows 20 procedures a page (web/src/features/catalog/api.ts, pageSize).
const PAGE_SIZE = 20;
const LAST_PAGE = 5000;

/**
 * What the catalogue's pages ask for first, written into the page (server/src/platform/http/app.ts)
 * so their main text paints without an API round trip after the script: on `/thu-tuc/{code}` the
 * procedure, on `/thu-tuc?q=…` the first page of the search. Keyed by the exact address the web app
 * asks for (web/src/features/catalog/api.ts: procedurePath, readCatalogQuery and searchPath); an
 * address it would not ask for is only a few wasted bytes, as the page then asks the API itself.
 * Only what the public API gives an anonymous visitor: offered procedures, the public search.
 */
export async function catalogPageData(db: Db, page: PageAddress): Promise<Record<string, unknown>> {
  const path = page.path.length > 1 ? page.path.replace(/\/+$/, '') : page.path;
  if (path === '/thu-tuc') return searchData(db, page.query);
  const match = /^\/thu-tuc\/([^/]+)$/.exec(path);
  if (match) return procedureData(db, match[1]!);
  return {};
}

async function procedureData(db: Db, encoded: string): Promise<Record<string, unknown>> {
  let code: string;
  try {
    code = decodeURIComponent(encoded);
  } catch {
    return {};
  }
  if (!procedureCode.test(code)) return {};
  let answer: Awaited<ReturnType<typeof procedureAnswer>>;
  try {
    answer = await procedureAnswer(db, code);
  } catch (error) {
    // Not in the catalogue: the page asks the API, and says so.
    if (error instanceof DomainError && error.spec.status === 404) return {};
    throw error;
  }
  // A procedure the province does not offer is not written into its page.
  if (!answer.enabled) return {};
  return { [`/api/catalog/procedures/${encodeURIComponent(code)}`]: detailSchema.encode(answer) };
}

async function searchData(db: Db, query: URLSearchParams): Promise<Record<string, unknown>> {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null | undefined) => {
    if (value) params.set(key, value);
  };
  set('q', query.get('q')?.trim());
  set('field', query.get('field'));
  set('agency', query.get('agency'));
  // The page drops a level or online type it does not know rather than ask for it.
  set(
    'level',
    ['province', 'commune'].find((l) => l === query.get('level')),
  );
  set(
    'online',
    ['full', 'partial'].find((o) => o === query.get('online')),
  );
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(((page > 1 ? Math.min(page, LAST_PAGE) : 1) - 1) * PAGE_SIZE));
  // What the API would refuse (a malformed agency id, a query too long) is left to the API to say.
  const valid = searchQuerySchema.safeParse(Object.fromEntries(params));
  if (!valid.success) return {};
  const answer = await searchProcedures(db, searchOf(valid.data));
  return { [`/api/catalog/procedures?${params}`]: searchAnswerSchema.encode(answer) };
}
