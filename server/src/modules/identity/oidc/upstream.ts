import { and, eq } from 'drizzle-orm';
import * as oc from 'openid-client';
import { inTransaction } from '../../../db/transaction.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { createPerson, getPerson, type Person } from '../accounts.ts';
import type { IdentityContext } from '../context.ts';
import { IdentityErrors } from '../errors.ts';
import { externalIdentities, persons } from '../schema.ts';
import { checkCccd } from '../validation.ts';
import { dropPending, getPending, putPending } from './pending.ts';

/**
 * Federation with an upstream OpenID Connect provider (the national VNeID / National Public
 * Service Portal login): we are its relying party, with code + PKCE. The person is linked by
 * CCCD and keeps the upstream's assurance level (level 2 = verified in person).
 */
export const upstreamEnabled = (ctx: IdentityContext) => Boolean(ctx.config.UPSTREAM_OIDC_ISSUER);

const configs = new WeakMap<IdentityContext, Promise<oc.Configuration>>();
function upstreamConfig(ctx: IdentityContext): Promise<oc.Configuration> {
  let found = configs.get(ctx);
  if (!found) {
    const issuer = new URL(ctx.config.UPSTREAM_OIDC_ISSUER!);
    found = oc.discovery(
      issuer,
      ctx.config.UPSTREAM_OIDC_CLIENT_ID!,
      ctx.config.UPSTREAM_OIDC_CLIENT_SECRET!,
      undefined,
      issuer.protocol === 'http:' ? { execute: [oc.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (upstream down) must be retried on the next attempt, not cached.
    found.catch(() => configs.delete(ctx));
    configs.set(ctx, found);
  }
  return found;
}

const redirectUri = (ctx: IdentityContext) => `${ctx.config.publicUrl}/oidc/upstream/callback`;

type UpstreamState = { uid: string; verifier: string; nonce: string };

export async function startUpstream(ctx: IdentityContext, uid: string): Promise<string> {
  const config = await upstreamConfig(ctx).catch((cause) => {
    throw IdentityErrors.create('UPSTREAM_FAILED', {
      vi: 'Không kết nối được hệ thống định danh quốc gia.',
      en: `Upstream discovery failed: ${(cause as Error).message}`,
    });
  });
  const verifier = oc.randomPKCECodeVerifier();
  const state = oc.randomState();
  const nonce = oc.randomNonce();
  await putPending(ctx.database.db, 'CqsUpstreamState', state, {
    uid,
    verifier,
    nonce,
  } satisfies UpstreamState);
  return oc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx),
    scope: ctx.config.UPSTREAM_OIDC_SCOPE,
    code_challenge: await oc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).href;
}

/** "2", "level2", "LOA2", "urn:…:loa:2" → level2; anything else → level1. */
const levelOf = (value: unknown): 'level1' | 'level2' =>
  typeof value === 'string' && /2$/.test(value.trim()) ? 'level2' : 'level1';
const rank = { level1: 1, level2: 2 } as const;

/** Completes the upstream round trip and returns the (linked or new) person. */
export async function finishUpstream(
  ctx: IdentityContext,
  uid: string,
  query: string,
  ip: string | null,
): Promise<Person> {
  const db = ctx.database.db;
  const params = new URLSearchParams(query);
  const stateId = params.get('state') ?? '';
  const state = await getPending<UpstreamState>(db, 'CqsUpstreamState', stateId);
  if (!state || state.uid !== uid) throw IdentityErrors.create('UPSTREAM_FAILED');
  await dropPending(db, 'CqsUpstreamState', stateId);
  let claims: Record<string, unknown>;
  try {
    const config = await upstreamConfig(ctx);
    const tokens = await oc.authorizationCodeGrant(config, new URL(`${redirectUri(ctx)}${query}`), {
      pkceCodeVerifier: state.verifier,
      expectedState: stateId,
      expectedNonce: state.nonce,
    });
    const idClaims = tokens.claims()!;
    const info = await oc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...idClaims, ...info };
  } catch (cause) {
    throw IdentityErrors.create('UPSTREAM_FAILED', {
      vi: 'Hệ thống định danh quốc gia từ chối hoặc trả lời không hợp lệ.',
      en: `Upstream sign-in failed: ${(cause as Error).message}`,
    });
  }
  const provider = ctx.config.UPSTREAM_OIDC_ISSUER!;
  const subject = String(claims.sub);
  const cccd =
    typeof claims[ctx.config.UPSTREAM_OIDC_CCCD_CLAIM] === 'string'
      ? (claims[ctx.config.UPSTREAM_OIDC_CCCD_CLAIM] as string)
      : null;
  const level = levelOf(claims[ctx.config.UPSTREAM_OIDC_LEVEL_CLAIM] ?? claims.acr);
  const birthdate = typeof claims.birthdate === 'string' ? claims.birthdate : null;

  return inTransaction(ctx.database, async (tx) => {
    const [link] = await tx
      .select({ personId: externalIdentities.personId })
      .from(externalIdentities)
      .where(and(eq(externalIdentities.provider, provider), eq(externalIdentities.subject, subject)));
    let personId = link?.personId;
    if (!personId) {
      if (!cccd || checkCccd(cccd)) {
        throw IdentityErrors.create('UPSTREAM_FAILED', {
          vi: 'Hệ thống định danh không cung cấp số CCCD hợp lệ để liên kết tài khoản.',
          en: 'The upstream gave no valid citizen ID to link the account by.',
        });
      }
      const [byCccd] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.cccd, cccd));
      personId =
        byCccd?.id ??
        (
          await createPerson(
            tx,
            { fullName: String(claims.name ?? cccd), cccd, dateOfBirth: birthdate, assuranceLevel: level },
            { status: 'active', ip },
          )
        ).id;
      await tx.insert(externalIdentities).values({ provider, subject, personId, assuranceLevel: level });
      await appendAudit(tx, {
        actorId: personId,
        action: 'upstream.linked',
        subjectType: 'person',
        subjectId: personId,
        ip,
        details: { provider, level },
      });
    } else {
      await tx
        .update(externalIdentities)
        .set({ assuranceLevel: level })
        .where(and(eq(externalIdentities.provider, provider), eq(externalIdentities.subject, subject)));
    }
    const person = await getPerson(tx, personId);
    if (rank[level] > rank[person.assuranceLevel as keyof typeof rank]) {
      await tx.update(persons).set({ assuranceLevel: level }).where(eq(persons.id, personId));
      await appendAudit(tx, {
        actorId: personId,
        action: 'assurance.raised',
        subjectType: 'person',
        subjectId: personId,
        ip,
        details: { level, provider },
      });
    }
    if (person.status === 'disabled') throw IdentityErrors.create('ACCOUNT_DISABLED');
    return getPerson(tx, personId);
  });
}
