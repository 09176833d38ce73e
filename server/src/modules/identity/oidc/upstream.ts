import { and, eq } from 'drizzle-orm';
import * as oc from 'openid-client';
import type { Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { DomainError } from '../../../platform/errors.ts';
import { authenticate, createPerson, getPerson, type Person } from '../accounts.ts';
import type { IdentityContext } from '../context.ts';
import { IdentityErrors } from '../errors.ts';
import { externalIdentities, persons } from '../schema.ts';
import { personChanged } from '../sessions.ts';
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

type UpstreamIdentity = {
  provider: string;
  subject: string;
  cccd: string | null;
  name: string;
  birthdate: string | null;
  level: 'level1' | 'level2';
};
type PendingLink = UpstreamIdentity & { candidateId: string };

export type UpstreamOutcome = { person: Person } | { confirm: Person };

async function link(tx: Tx, who: UpstreamIdentity, personId: string, ip: string | null) {
  await tx
    .insert(externalIdentities)
    .values({ provider: who.provider, subject: who.subject, personId, assuranceLevel: who.level });
  await appendAudit(tx, {
    actorId: personId,
    action: 'upstream.linked',
    subjectType: 'person',
    subjectId: personId,
    ip,
    details: { provider: who.provider, level: who.level },
  });
}

/** The upstream's level is kept: a level-2 sign-in raises the account (never lowers it). */
async function raiseLevel(
  tx: Tx,
  who: UpstreamIdentity,
  personId: string,
  ip: string | null,
): Promise<Person> {
  const person = await getPerson(tx, personId);
  if (rank[who.level] > rank[person.assuranceLevel as keyof typeof rank]) {
    await tx.update(persons).set({ assuranceLevel: who.level }).where(eq(persons.id, personId));
    personChanged(tx, personId);
    await appendAudit(tx, {
      actorId: personId,
      action: 'assurance.raised',
      subjectType: 'person',
      subjectId: personId,
      ip,
      details: { level: who.level, provider: who.provider },
    });
  }
  if (person.status === 'disabled') throw IdentityErrors.create('ACCOUNT_DISABLED');
  return getPerson(tx, personId);
}

async function createLinked(tx: Tx, who: UpstreamIdentity, ip: string | null): Promise<Person> {
  const person = await createPerson(
    tx,
    { fullName: who.name, cccd: who.cccd, dateOfBirth: who.birthdate, assuranceLevel: who.level },
    { status: 'active', ip },
  );
  await link(tx, who, person.id, ip);
  return person;
}

/**
 * Completes the upstream round trip. A known link signs the person in. Otherwise the account is
 * found by CCCD: an account whose CCCD was verified (level 2) is linked at once; one that only
 * typed the CCCD in (level 1, self-registered) is linked only after its password is given, since
 * anyone may have typed someone else's CCCD (`confirm`); with no account, one is made.
 */
export async function finishUpstream(
  ctx: IdentityContext,
  uid: string,
  query: string,
  ip: string | null,
): Promise<UpstreamOutcome> {
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
  const rawCccd = claims[ctx.config.UPSTREAM_OIDC_CCCD_CLAIM];
  const who: UpstreamIdentity = {
    provider: ctx.config.UPSTREAM_OIDC_ISSUER!,
    subject: String(claims.sub),
    cccd: typeof rawCccd === 'string' ? rawCccd : null,
    name: typeof claims.name === 'string' ? claims.name : String(rawCccd ?? ''),
    birthdate: typeof claims.birthdate === 'string' ? claims.birthdate : null,
    level: levelOf(claims[ctx.config.UPSTREAM_OIDC_LEVEL_CLAIM] ?? claims.acr),
  };

  return inTransaction(ctx.database, async (tx): Promise<UpstreamOutcome> => {
    const [known] = await tx
      .select({ personId: externalIdentities.personId })
      .from(externalIdentities)
      .where(and(eq(externalIdentities.provider, who.provider), eq(externalIdentities.subject, who.subject)));
    if (known) {
      await tx
        .update(externalIdentities)
        .set({ assuranceLevel: who.level })
        .where(
          and(eq(externalIdentities.provider, who.provider), eq(externalIdentities.subject, who.subject)),
        );
      return { person: await raiseLevel(tx, who, known.personId, ip) };
    }
    if (!who.cccd || checkCccd(who.cccd)) {
      throw IdentityErrors.create('UPSTREAM_FAILED', {
        vi: 'Hệ thống định danh không cung cấp số CCCD hợp lệ để liên kết tài khoản.',
        en: 'The upstream gave no valid citizen ID to link the account by.',
      });
    }
    const [byCccd] = await tx.select().from(persons).where(eq(persons.cccd, who.cccd));
    if (!byCccd) return { person: await createLinked(tx, who, ip) };
    if (byCccd.assuranceLevel === 'level2' && byCccd.status === 'active') {
      await link(tx, who, byCccd.id, ip);
      return { person: await raiseLevel(tx, who, byCccd.id, ip) };
    }
    // Inside the transaction: the pending link is kept only if the lookup it rests on commits.
    await putPending(tx, 'CqsUpstreamLink', uid, { ...who, candidateId: byCccd.id } satisfies PendingLink);
    return { confirm: byCccd };
  });
}

/** The account waiting for the person to confirm it is theirs, if any. */
export async function pendingLinkCandidate(ctx: IdentityContext, uid: string): Promise<Person | null> {
  return linkCandidate(ctx, await getPending<PendingLink>(ctx.database.db, 'CqsUpstreamLink', uid));
}

/** The same, from the sign-in's `CqsUpstreamLink` state already read (getPendings). */
export function linkCandidate(ctx: IdentityContext, pending: unknown): Promise<Person | null> | null {
  return pending ? getPerson(ctx.database.db, (pending as PendingLink).candidateId) : null;
}

/**
 * The person answers: it is my account (and proves it with its password), or it is not (the
 * unverified CCCD is released from that account, audited, and a new verified account is made).
 */
export async function confirmUpstreamLink(
  ctx: IdentityContext,
  uid: string,
  answer: { password: string } | 'not-mine',
  ip: string | null,
): Promise<Person> {
  const pending = await getPending<PendingLink>(ctx.database.db, 'CqsUpstreamLink', uid);
  if (!pending) throw IdentityErrors.create('UPSTREAM_FAILED');
  const candidate = await getPerson(ctx.database.db, pending.candidateId);
  if (answer !== 'not-mine') {
    const login = candidate.email ?? candidate.phone ?? candidate.cccd!;
    try {
      await authenticate(ctx.database, { login, password: answer.password, ip }, ctx.loginPolicy);
    } catch (e) {
      // The right password on a never-verified account: VNeID has now verified who it is.
      if (!(e instanceof DomainError && e.code === 'IDENTITY.ACCOUNT_NOT_VERIFIED')) throw e;
    }
  }
  const person = await inTransaction(ctx.database, async (tx) => {
    if (answer === 'not-mine') {
      await tx.update(persons).set({ cccd: null }).where(eq(persons.id, candidate.id));
      personChanged(tx, candidate.id);
      await appendAudit(tx, {
        actorId: null,
        action: 'cccd.released',
        subjectType: 'person',
        subjectId: candidate.id,
        ip,
        details: { reason: 'claimed by a verified upstream identity', provider: pending.provider },
      });
      return createLinked(tx, pending, ip);
    }
    if (candidate.status === 'pending')
      await tx.update(persons).set({ status: 'active' }).where(eq(persons.id, candidate.id));
    personChanged(tx, candidate.id);
    await link(tx, pending, candidate.id, ip);
    return raiseLevel(tx, pending, candidate.id, ip);
  });
  await dropPending(ctx.database.db, 'CqsUpstreamLink', uid);
  return person;
}
