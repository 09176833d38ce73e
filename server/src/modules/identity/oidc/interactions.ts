import formbody from '@fastify/formbody';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { InteractionResults } from 'oidc-provider';
import QRCode from 'qrcode';
import { z } from 'zod';
import { inTransaction } from '../../../db/transaction.ts';
import { appendAudit, recordAudit } from '../../../platform/audit/audit.ts';
import { DomainError } from '../../../platform/errors.ts';
import { authenticate, getPerson, mask, type Person, recordLogin } from '../accounts.ts';
import type { IdentityContext } from '../context.ts';
import { rolesOf } from '../roles.ts';
import { persons } from '../schema.ts';
import { personChanged } from '../sessions.ts';
import { retryAfterOf } from '../sign-in-limits.ts';
import { checkTotp, newTotpSecret, totpUri } from '../totp.ts';
import { errorBox, escapeHtml, hidden, type Lang, langOf, sendPage, T } from './pages.ts';
import { dropPending, getPending, getPendings, putPending } from './pending.ts';
import {
  confirmUpstreamLink,
  finishUpstream,
  linkCandidate,
  pendingLinkCandidate,
  startUpstream,
  upstreamEnabled,
} from './upstream.ts';

type Pending = {
  personId: string;
  enrollSecret: string | null;
  attempts: number;
  method: 'password' | 'upstream';
};
const MAX_TOTP_ATTEMPTS = 5;

const uidParams = z.object({ uid: z.string().min(1).max(100) });
const langQuery = z.object({ lang: z.enum(['vi', 'en']).optional() }).passthrough();

/** The sign-in steps oidc-provider hands over to us: login, second factor, consent. */
export const interactionRoutes =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody);
    const { provider, database } = ctx;
    const db = database.db;

    const details = (req: FastifyRequest, reply: FastifyReply) =>
      provider.interactionDetails(req.raw, reply.raw);

    const finish = async (req: FastifyRequest, reply: FastifyReply, result: InteractionResults) => {
      reply.hijack();
      await provider.interactionFinished(req.raw, reply.raw, result, { mergeWithLastSubmission: false });
    };

    const html = sendPage;

    /** An expired or foreign interaction (no cookie): say so, in both languages, not a stack trace. */
    const expired = (reply: FastifyReply) =>
      html(
        reply,
        400,
        'vi',
        'Phiên đăng nhập hết hạn',
        `<h1>Phiên đăng nhập đã hết hạn</h1><p>Hãy quay lại ứng dụng và đăng nhập lại.</p><p lang="en">This sign-in has expired. Go back to the application and sign in again.</p><a class="button" href="/">Trang chủ / Home</a>`,
      );

    const loginPage = (uid: string, lang: Lang, o: { login?: string; error?: string } = {}) => {
      const t = T[lang];
      const other: Lang = lang === 'vi' ? 'en' : 'vi';
      const upstream = upstreamEnabled(ctx)
        ? `<p class="or">${t.or}</p><a class="button" href="/oidc/interaction/${uid}/upstream">${escapeHtml(t.upstream(ctx.config.UPSTREAM_OIDC_NAME))}</a>`
        : '';
      return `<h1>${t.signIn}</h1>${errorBox(o.error)}
        <form method="post" action="/oidc/interaction/${uid}/login" novalidate>${hidden('lang', lang)}
          <label for="login">${t.login}</label>
          <input id="login" name="login" autocomplete="username" required value="${escapeHtml(o.login ?? '')}" ${o.login ? '' : 'autofocus'}>
          <label for="password">${t.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required ${o.login ? 'autofocus' : ''}>
          <button class="primary" type="submit">${t.submit}</button>
        </form>${upstream}
        <div class="links"><a href="/account/forgot-password?lang=${lang}">${t.forgot}</a><a href="/account/register?lang=${lang}">${t.register}</a>
        <a href="/oidc/interaction/${uid}?lang=${other}" lang="${other}">${T[other].otherLang === 'English' ? 'Tiếng Việt' : 'English'}</a></div>`;
    };

    const totpPage = async (uid: string, lang: Lang, person: Person, pending: Pending, error?: string) => {
      const t = T[lang];
      const form = `<form method="post" action="/oidc/interaction/${uid}/totp" novalidate>${hidden('lang', lang)}
          <label for="code">${t.totpCode}</label>
          <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus>
          <button class="primary" type="submit">${t.confirm}</button></form>`;
      if (!pending.enrollSecret)
        return `<h1>${t.totpTitle}</h1>${errorBox(error)}<p class="note">${t.totpHelp}</p>${form}`;
      const secret = ctx.sealer.open(pending.enrollSecret);
      const qr = await QRCode.toDataURL(totpUri(secret, person.email ?? person.phone ?? person.fullName), {
        margin: 1,
        width: 200,
      });
      return `<h1>${t.enrollTitle}</h1>${errorBox(error)}<p class="note">${t.enrollHelp}</p>
        <img class="qr" src="${qr}" alt="QR"><p>${t.secret}: <code data-testid="totp-secret">${secret}</code></p>${form}`;
    };

    const linkPage = (uid: string, lang: Lang, candidate: Person, error?: string) => {
      const t = T[lang];
      const who = mask.email(candidate.email) ?? mask.phone(candidate.phone) ?? candidate.fullName;
      const help = t.linkHelp(ctx.config.UPSTREAM_OIDC_NAME, mask.cccd(candidate.cccd) ?? '', who);
      return `<h1>${t.linkTitle}</h1>${errorBox(error)}<p>${escapeHtml(help)}</p>
        <form method="post" action="/oidc/interaction/${uid}/upstream-link" novalidate>${hidden('lang', lang)}${hidden('decision', 'link')}
          <label for="password">${t.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
          <button class="primary" type="submit">${t.linkConfirm}</button></form>
        <form method="post" action="/oidc/interaction/${uid}/upstream-not-mine">${hidden('lang', lang)}${hidden('decision', 'not-mine')}
          <button type="submit">${t.linkNotMine}</button></form>`;
    };

    /** After the password: officials go on to the second factor, everyone else is signed in. */
    const afterPassword = async (
      req: FastifyRequest,
      reply: FastifyReply,
      uid: string,
      person: Person,
      lang: Lang,
      method: 'password' | 'upstream' = 'password',
    ) => {
      const roles = await rolesOf(db, person.id);
      // Officials always pass a second factor (enrolling at first sign-in); citizens when they turned it on.
      if (roles.length === 0 && !person.totpEnabledAt) {
        const how = method === 'upstream' ? `upstream:${ctx.config.UPSTREAM_OIDC_NAME}` : 'password';
        await recordLogin(database, person, how, req.ip);
        // RFC 8176 has no value for a federated sign-in; "fed" says the upstream authenticated the person.
        return finish(req, reply, {
          login: { accountId: person.id, amr: [method === 'upstream' ? 'fed' : 'pwd'] },
        });
      }
      const enrollSecret = person.totpEnabledAt ? null : ctx.sealer.seal(newTotpSecret());
      await putPending(db, 'CqsPendingLogin', uid, {
        personId: person.id,
        enrollSecret,
        attempts: 0,
        method,
      } satisfies Pending);
      return reply.redirect(`/oidc/interaction/${uid}?lang=${lang}`, 303);
    };

    app.get(
      '/oidc/interaction/:uid',
      { schema: { hide: true, params: uidParams, querystring: langQuery } },
      async (req, reply) => {
        const { uid } = req.params;
        let d: Awaited<ReturnType<typeof details>>;
        try {
          d = await details(req, reply);
        } catch {
          return expired(reply);
        }
        if (d.uid !== uid) return expired(reply);
        const lang = langOf(req.query.lang ?? d.params.ui_locales);
        const t = T[lang];
        if (d.prompt.name === 'login') {
          // An upstream account to confirm, or a second factor to give: both in one read.
          const states = await getPendings(db, ['CqsUpstreamLink', 'CqsPendingLogin'], uid);
          const candidate = await linkCandidate(ctx, states.CqsUpstreamLink);
          if (candidate) return html(reply, 200, lang, t.linkTitle, linkPage(uid, lang, candidate));
          const pending = states.CqsPendingLogin as Pending | undefined;
          if (pending) {
            const person = await getPerson(db, pending.personId);
            return html(reply, 200, lang, t.totpTitle, await totpPage(uid, lang, person, pending));
          }
          return html(reply, 200, lang, t.signIn, loginPage(uid, lang));
        }
        if (d.prompt.name === 'consent') {
          const client = await provider.Client.find(String(d.params.client_id));
          const scopes = String(d.params.scope ?? '')
            .split(' ')
            .filter(Boolean);
          const name = escapeHtml(client?.clientName ?? String(d.params.client_id));
          return html(
            reply,
            200,
            lang,
            t.consentTitle(name),
            `<h1>${t.consentTitle(name)}</h1><p>${t.consentScopes}</p><ul>${scopes.map((s) => `<li>${escapeHtml(t.scope[s] ?? s)}</li>`).join('')}</ul>
          <form method="post" action="/oidc/interaction/${uid}/consent">${hidden('lang', lang)}
          <button class="primary" name="decision" value="allow" type="submit">${t.allow}</button>
          <button name="decision" value="deny" type="submit">${t.deny}</button></form>`,
          );
        }
        return expired(reply);
      },
    );

    app.post(
      '/oidc/interaction/:uid/login',
      {
        schema: {
          hide: true,
          params: uidParams,
          body: z.object({
            login: z.string().max(254).default(''),
            password: z.string().max(200).default(''),
            lang: z.string().optional(),
          }),
        },
      },
      async (req, reply) => {
        const { uid } = req.params;
        const lang = langOf(req.body.lang);
        try {
          const d = await details(req, reply);
          if (d.uid !== uid || d.prompt.name !== 'login') return expired(reply);
        } catch {
          return expired(reply);
        }
        try {
          const person = await authenticate(
            database,
            { login: req.body.login.trim(), password: req.body.password, ip: req.ip },
            ctx.loginPolicy,
          );
          return await afterPassword(req, reply, uid, person, lang);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const message = lang === 'en' ? (e.detail?.en ?? e.spec.en) : (e.detail?.vi ?? e.spec.vi);
          const wait = retryAfterOf(e);
          if (wait !== undefined) reply.header('retry-after', String(wait));
          return html(
            reply,
            e.status,
            lang,
            T[lang].signIn,
            loginPage(uid, lang, { login: req.body.login, error: message }),
          );
        }
      },
    );

    app.post(
      '/oidc/interaction/:uid/totp',
      {
        schema: {
          hide: true,
          params: uidParams,
          body: z.object({ code: z.string().max(20).default(''), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const { uid } = req.params;
        const lang = langOf(req.body.lang);
        try {
          const d = await details(req, reply);
          if (d.uid !== uid) return expired(reply);
        } catch {
          return expired(reply);
        }
        const pending = await getPending<Pending>(db, 'CqsPendingLogin', uid);
        if (!pending) return reply.redirect(`/oidc/interaction/${uid}?lang=${lang}`, 303);
        const person = await getPerson(db, pending.personId);
        const secret = pending.enrollSecret
          ? ctx.sealer.open(pending.enrollSecret)
          : ctx.sealer.open(person.totpSecret!);
        const step = checkTotp(secret, req.body.code, pending.enrollSecret ? null : person.totpLastStep);
        if (step === null) {
          const attempts = pending.attempts + 1;
          await recordAudit(db, {
            actorId: person.id,
            action: 'login.totp_failed',
            subjectType: 'person',
            subjectId: person.id,
            ip: req.ip,
            details: { attempts },
          });
          if (attempts >= MAX_TOTP_ATTEMPTS) {
            // Too many wrong codes: start again from the password, so codes cannot be guessed at leisure.
            await dropPending(db, 'CqsPendingLogin', uid);
            return html(
              reply,
              401,
              lang,
              T[lang].signIn,
              loginPage(uid, lang, {
                error:
                  lang === 'en'
                    ? 'Too many wrong codes; sign in again.'
                    : 'Nhập sai mã quá nhiều lần; hãy đăng nhập lại.',
              }),
            );
          }
          await putPending(db, 'CqsPendingLogin', uid, { ...pending, attempts });
          const message = lang === 'en' ? 'The code is wrong or expired.' : 'Mã không đúng hoặc đã hết hạn.';
          return html(
            reply,
            401,
            lang,
            T[lang].totpTitle,
            await totpPage(uid, lang, person, pending, message),
          );
        }
        await inTransaction(database, async (tx) => {
          await tx
            .update(persons)
            .set(
              pending.enrollSecret
                ? { totpSecret: pending.enrollSecret, totpEnabledAt: new Date(), totpLastStep: step }
                : { totpLastStep: step },
            )
            .where(eq(persons.id, person.id));
          personChanged(tx, person.id);
          if (pending.enrollSecret) {
            await appendAudit(tx, {
              actorId: person.id,
              action: 'totp.enabled',
              subjectType: 'person',
              subjectId: person.id,
              ip: req.ip,
            });
          }
        });
        await dropPending(db, 'CqsPendingLogin', uid);
        const first = pending.method === 'upstream' ? 'fed' : 'pwd';
        await recordLogin(database, person, `${pending.method}+totp`, req.ip);
        return finish(req, reply, { login: { accountId: person.id, amr: [first, 'otp'] } });
      },
    );

    app.post(
      '/oidc/interaction/:uid/consent',
      {
        schema: {
          hide: true,
          params: uidParams,
          body: z.object({ decision: z.enum(['allow', 'deny']), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        let d: Awaited<ReturnType<typeof details>>;
        try {
          d = await details(req, reply);
          if (d.uid !== req.params.uid || d.prompt.name !== 'consent') return expired(reply);
        } catch {
          return expired(reply);
        }
        if (req.body.decision === 'deny') {
          return finish(req, reply, {
            error: 'access_denied',
            error_description: 'The user denied the request',
          });
        }
        const accountId = d.session!.accountId;
        const clientId = String(d.params.client_id);
        const grant = d.grantId
          ? await provider.Grant.find(d.grantId)
          : new provider.Grant({ accountId, clientId });
        const missing = d.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
        if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
        const grantId = await grant!.save();
        await recordAudit(db, {
          actorId: accountId,
          action: 'consent.granted',
          subjectType: 'oidc_client',
          subjectId: clientId,
          ip: req.ip,
          details: { scopes: missing.missingOIDCScope ?? [] },
        });
        return finish(req, reply, { consent: { grantId } });
      },
    );

    app.get(
      '/oidc/interaction/:uid/upstream',
      { schema: { hide: true, params: uidParams } },
      async (req, reply) => {
        try {
          const d = await details(req, reply);
          if (d.uid !== req.params.uid) return expired(reply);
          return reply.redirect(await startUpstream(ctx, req.params.uid), 303);
        } catch {
          return expired(reply);
        }
      },
    );

    // The upstream sends the browser back here, outside the interaction cookie's path: hop to a path under it.
    app.get(
      '/oidc/upstream/callback',
      { schema: { hide: true, querystring: z.object({ state: z.string().max(200) }).passthrough() } },
      async (req, reply) => {
        const state = await getPending<{ uid: string }>(db, 'CqsUpstreamState', req.query.state);
        if (!state) return expired(reply);
        const query = req.url.slice(req.url.indexOf('?'));
        return reply.redirect(`/oidc/interaction/${state.uid}/upstream-return${query}`, 303);
      },
    );

    app.get(
      '/oidc/interaction/:uid/upstream-return',
      {
        schema: {
          hide: true,
          params: uidParams,
          querystring: z.object({ state: z.string().max(200) }).passthrough(),
        },
      },
      async (req, reply) => {
        let uiLocales: unknown;
        try {
          const d = await details(req, reply);
          if (d.uid !== req.params.uid) return expired(reply);
          uiLocales = d.params.ui_locales;
        } catch {
          return expired(reply);
        }
        const lang = langOf(uiLocales);
        try {
          const query = req.url.slice(req.url.indexOf('?'));
          const outcome = await finishUpstream(ctx, req.params.uid, query, req.ip);
          if ('confirm' in outcome) {
            return html(reply, 200, lang, T[lang].linkTitle, linkPage(req.params.uid, lang, outcome.confirm));
          }
          return await afterPassword(req, reply, req.params.uid, outcome.person, lang, 'upstream');
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          return html(
            reply,
            e.status,
            lang,
            T[lang].signIn,
            loginPage(req.params.uid, lang, {
              error: lang === 'en' ? (e.detail?.en ?? e.spec.en) : (e.detail?.vi ?? e.spec.vi),
            }),
          );
        }
      },
    );

    // "It is my account" (with its password) and "it is not mine" post to their own addresses, so
    // each form carries only what it needs.
    for (const [path, decision] of [
      ['upstream-link', 'link'],
      ['upstream-not-mine', 'not-mine'],
    ] as const) {
      app.post(
        `/oidc/interaction/:uid/${path}`,
        {
          schema: {
            hide: true,
            params: uidParams,
            body: z
              .object({ password: z.string().max(200).default(''), lang: z.string().optional() })
              .passthrough(),
          },
        },
        async (req, reply) => {
          const { uid } = req.params;
          const lang = langOf(req.body.lang);
          try {
            const d = await details(req, reply);
            if (d.uid !== uid || d.prompt.name !== 'login') return expired(reply);
          } catch {
            return expired(reply);
          }
          try {
            const answer = decision === 'not-mine' ? ('not-mine' as const) : { password: req.body.password };
            const person = await confirmUpstreamLink(ctx, uid, answer, req.ip);
            return await afterPassword(req, reply, uid, person, lang, 'upstream');
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            const message = lang === 'en' ? (e.detail?.en ?? e.spec.en) : (e.detail?.vi ?? e.spec.vi);
            const candidate = await pendingLinkCandidate(ctx, uid);
            if (!candidate)
              return html(reply, e.status, lang, T[lang].signIn, loginPage(uid, lang, { error: message }));
            return html(reply, e.status, lang, T[lang].linkTitle, linkPage(uid, lang, candidate, message));
          }
        },
      );
    }
  };
