import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { cacheOf, invalidateOnCommit } from '../../platform/cache.ts';
import { randomToken, type Sealer } from '../../platform/secrets.ts';
import { IdentityErrors } from './errors.ts';
import { oidcClients } from './schema.ts';

export type ClientInput = {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** authorization_code (+ refresh_token) for sign-in, client_credentials for system-to-system. */
  grantTypes: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
  /** A public client (SPA, mobile app) has no secret and must use PKCE. */
  public?: boolean;
  /** First-party: no consent screen, and may be granted the `cccd` scope. */
  trusted?: boolean;
  /**
   * A resource server (an API that accepts the platform's access tokens, e.g. the integration
   * gateway): it may introspect access tokens issued to other clients. Any other client learns
   * about its own tokens only.
   */
  resourceServer?: boolean;
};

export const BASE_SCOPES = 'openid offline_access profile email phone cqs';

/** Metadata in oidc-provider's terms (RFC 7591 names). */
function metadataOf(input: ClientInput) {
  const codeFlow = input.grantTypes.includes('authorization_code');
  return {
    client_name: input.name,
    redirect_uris: codeFlow ? input.redirectUris : [],
    post_logout_redirect_uris: input.postLogoutRedirectUris ?? [],
    grant_types: input.grantTypes,
    response_types: codeFlow ? ['code'] : [],
    token_endpoint_auth_method: input.public ? 'none' : 'client_secret_basic',
    scope: input.trusted ? `${BASE_SCOPES} cccd` : BASE_SCOPES,
    ...(input.resourceServer ? { cqs_resource_server: true } : {}),
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// Schemes that run or carry content in the browser instead of reaching an application.
const DANGEROUS_SCHEMES = new Set([
  'javascript:',
  'data:',
  'vbscript:',
  'file:',
  'blob:',
  'about:',
  'filesystem:',
]);

/**
 * Why a redirect URI is refused, or null. Accepted: https; http on loopback (a developer's or a
 * native app's local server) or on the platform's own PUBLIC_URL origin (an intranet deployment
 * without TLS); a native app's private-use scheme in reverse-domain form (RFC 8252 §7.1, e.g.
 * `vn.gov.tuyenquang.app:/cb`). Refused: javascript:, data: and the like, wildcards, fragments,
 * credentials in the URI, and plain http anywhere else (codes would cross the network in clear).
 */
export function redirectUriProblem(uri: string, publicUrl?: string): { vi: string; en: string } | null {
  if (uri.includes('*'))
    return { vi: 'không được chứa ký tự đại diện (*).', en: 'must not contain a wildcard (*).' };
  if (!URL.canParse(uri)) return { vi: 'không phải URI tuyệt đối.', en: 'is not an absolute URI.' };
  const url = new URL(uri);
  if (DANGEROUS_SCHEMES.has(url.protocol))
    return { vi: `không được dùng lược đồ ${url.protocol}`, en: `must not use the ${url.protocol} scheme.` };
  if (url.hash || uri.includes('#'))
    return { vi: 'không được có phần #fragment.', en: 'must not have a #fragment.' };
  if (url.username || url.password)
    return { vi: 'không được chứa tên đăng nhập, mật khẩu.', en: 'must not carry credentials.' };
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(url.hostname)) return null;
    if (publicUrl && url.origin === new URL(publicUrl).origin) return null;
    return {
      vi: 'phải dùng https (http chỉ cho localhost, 127.0.0.1).',
      en: 'must use https (http only on localhost or 127.0.0.1).',
    };
  }
  if (/^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(url.protocol)) return null;
  return {
    vi: 'phải là https, hoặc lược đồ riêng của ứng dụng dạng tên miền đảo ngược (vn.gov.tinh.app:/cb).',
    en: "must be https, or a native app's reverse-domain scheme (vn.gov.province.app:/cb).",
  };
}

function validate(input: ClientInput, publicUrl?: string) {
  const errors = [];
  const redirectErrors = [];
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.clientId)) {
    errors.push({
      field: 'clientId',
      vi: 'client_id gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch.',
      en: 'client_id: 3–64 of a-z, 0-9, dot, dash, underscore.',
    });
  }
  if (!input.name.trim()) errors.push({ field: 'name', vi: 'Cần tên ứng dụng.', en: 'A name is required.' });
  if (input.grantTypes.length === 0)
    errors.push({ field: 'grantTypes', vi: 'Cần ít nhất một grant type.', en: 'At least one grant type.' });
  const codeFlow = input.grantTypes.includes('authorization_code');
  if (codeFlow && input.redirectUris.length === 0) {
    errors.push({
      field: 'redirectUris',
      vi: 'Cần ít nhất một redirect URI.',
      en: 'At least one redirect URI.',
    });
  }
  for (const [field, uris] of [
    ['redirectUris', codeFlow ? input.redirectUris : []],
    ['postLogoutRedirectUris', input.postLogoutRedirectUris ?? []],
  ] as const) {
    for (const uri of uris) {
      const problem = redirectUriProblem(uri, publicUrl);
      if (problem) redirectErrors.push({ field, vi: `${uri}: ${problem.vi}`, en: `${uri}: ${problem.en}` });
    }
  }
  if (input.public && input.grantTypes.includes('client_credentials')) {
    errors.push({
      field: 'grantTypes',
      vi: 'Ứng dụng công khai không dùng client_credentials.',
      en: 'A public client cannot use client_credentials.',
    });
  }
  // A dangerous redirect is refused as such (422), with whatever else is wrong.
  if (redirectErrors.length)
    throw IdentityErrors.create('INVALID_REDIRECT_URI', undefined, [...redirectErrors, ...errors]);
  if (errors.length) throw IdentityErrors.create('INVALID_INPUT', undefined, errors);
}

/** Registers a relying party; returns its secret once (it is stored sealed). */
export async function registerClient(
  tx: Tx,
  sealer: Sealer,
  input: ClientInput,
  actorId: string | null,
  /** Plain-http redirects are accepted on this origin (the platform's own address) besides loopback. */
  publicUrl?: string,
): Promise<{ clientId: string; clientSecret: string | null }> {
  validate(input, publicUrl);
  const [exists] = await tx
    .select({ id: oidcClients.clientId })
    .from(oidcClients)
    .where(eq(oidcClients.clientId, input.clientId));
  if (exists) throw IdentityErrors.create('CLIENT_EXISTS');
  const secret = input.public ? null : randomToken(32);
  await clientsChanged(tx);
  await tx.insert(oidcClients).values({
    clientId: input.clientId,
    name: input.name,
    metadata: metadataOf(input),
    secret: secret ? sealer.seal(secret) : null,
    trusted: input.trusted ?? false,
  });
  await appendAudit(tx, {
    actorId,
    action: 'client.registered',
    subjectType: 'oidc_client',
    subjectId: input.clientId,
    details: {
      grantTypes: input.grantTypes,
      trusted: input.trusted ?? false,
      resourceServer: input.resourceServer ?? false,
      redirectUris: input.redirectUris,
    },
  });
  return { clientId: input.clientId, clientSecret: secret };
}

/**
 * The platform's own web app: a trusted confidential client whose addresses follow PUBLIC_URL.
 * Kept in step at every start; its secret is generated once.
 */
export async function ensureWebClient(
  tx: Tx,
  sealer: Sealer,
  publicUrl: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = 'cqs-web';
  const input: ClientInput = {
    clientId,
    name: 'Chính quyền số (web)',
    redirectUris: [`${publicUrl}/auth/callback`],
    postLogoutRedirectUris: [`${publicUrl}/`],
    grantTypes: ['authorization_code', 'refresh_token'],
    trusted: true,
  };
  const [row] = await tx.select().from(oidcClients).where(eq(oidcClients.clientId, clientId));
  if (row?.secret) {
    await clientsChanged(tx);
    await tx
      .update(oidcClients)
      .set({ metadata: metadataOf(input), disabledAt: null })
      .where(eq(oidcClients.clientId, clientId));
    return { clientId, clientSecret: sealer.open(row.secret) };
  }
  const { clientSecret } = await registerClient(tx, sealer, input, null, publicUrl);
  return { clientId, clientSecret: clientSecret! };
}

type ClientMetadata = Record<string, unknown> & { client_id: string; cqs_trusted: boolean };

/**
 * The provider looks its client up at every step of a sign-in (three times in a password login)
 * and at every token request, so each process keeps what it read for CLIENT_CACHE_MS. A change made
 * through the code (clientsChanged) drops it here at once and in every other process when the
 * commit's NOTIFY arrives; only a change made by hand in SQL (setting `disabled_at`) waits out the
 * TTL. An unknown or disabled client is not kept: a new registration is seen at once.
 */
const CLIENT_CACHE_MS = 10_000;
const CLIENT_TOPIC = 'oidc_client';
const clientCache = (db: Db) =>
  cacheOf<string, ClientMetadata | undefined>(db, CLIENT_TOPIC, { ttlMs: CLIENT_CACHE_MS, max: 1000 });

/** Before a client's row changes in `tx`: every process forgets its clients once `tx` commits. */
function clientsChanged(tx: Tx) {
  return invalidateOnCommit(tx, CLIENT_TOPIC);
}

/** The client as oidc-provider wants it, or undefined when unknown or disabled. */
export async function findClientMetadata(
  db: Db,
  sealer: Sealer,
  clientId: string,
): Promise<ClientMetadata | undefined> {
  const metadata = await clientCache(db).get(clientId, async () => {
    const [row] = await db.select().from(oidcClients).where(eq(oidcClients.clientId, clientId));
    if (!row || row.disabledAt) return undefined;
    return {
      client_id: row.clientId,
      ...row.metadata,
      ...(row.secret ? { client_secret: sealer.open(row.secret) } : {}),
      cqs_trusted: row.trusted,
    };
  });
  // A copy: the provider may normalise what it is given.
  return metadata && structuredClone(metadata);
}

export function listClients(db: Db) {
  return db
    .select({
      clientId: oidcClients.clientId,
      name: oidcClients.name,
      metadata: oidcClients.metadata,
      trusted: oidcClients.trusted,
      createdAt: oidcClients.createdAt,
      disabledAt: oidcClients.disabledAt,
    })
    .from(oidcClients)
    .orderBy(asc(oidcClients.clientId));
}
