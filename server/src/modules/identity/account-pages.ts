import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import type { IdentityContext } from './context.ts';
import { errorBox, escapeHtml, hidden, type Lang, langOf, sendPage, T } from './oidc/pages.ts';
import { register, verifyEmail } from './registration.ts';
import { requestPasswordReset, resetPassword } from './self-service.ts';
import { retryAfterOf } from './sign-in-limits.ts';

/** Server-rendered pages for registration, e-mail verification and password reset. */
export const accountPages =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody);
    const html = sendPage;
    const message = (e: DomainError, lang: Lang) => {
      // Each problem names its field, as the form labels it ("Email: Đã có tài khoản dùng thông tin này.").
      const labels: Record<string, string> = {
        fullName: T[lang].fullName,
        email: T[lang].email,
        phone: T[lang].phone,
        cccd: T[lang].cccd,
        dateOfBirth: T[lang].dateOfBirth,
        password: T[lang].password,
      };
      const fields = e.fieldErrors.map(
        (f) => `${labels[f.field] ?? f.field}: ${lang === 'en' ? f.en : f.vi}`,
      );
      const head = lang === 'en' ? (e.detail?.en ?? e.spec.en) : (e.detail?.vi ?? e.spec.vi);
      return [head, ...fields].join(' ');
    };
    const signInLink = (lang: Lang) =>
      `<a class="button" href="/auth/login?lang=${lang}">${T[lang].back}</a>`;
    const langQuery = z.object({ lang: z.string().optional() });

    const registerForm = (lang: Lang, v: Record<string, string> = {}, error?: string) => {
      const t = T[lang];
      const input = (name: string, label: string, type = 'text', extra = '') =>
        `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${escapeHtml(v[name] ?? '')}" ${extra}>`;
      return `<h1>${t.registerTitle}</h1>${errorBox(error)}<form method="post" action="/account/register" novalidate>${hidden('lang', lang)}
        ${input('fullName', t.fullName, 'text', 'autocomplete="name" required')}
        ${input('email', t.email, 'email', 'autocomplete="email" required')}
        ${input('phone', t.phone, 'tel', 'autocomplete="tel"')}
        ${input('cccd', t.cccd, 'text', 'inputmode="numeric" maxlength="12"')}
        ${input('dateOfBirth', t.dateOfBirth, 'date', 'autocomplete="bday"')}
        <label for="password">${t.newPassword}</label><input id="password" name="password" type="password" autocomplete="new-password" required>
        <button class="primary" type="submit">${t.registerTitle}</button></form>`;
    };

    app.get('/account/register', { schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
      const lang = langOf(req.query.lang);
      return html(reply, 200, lang, T[lang].registerTitle, registerForm(lang));
    });

    app.post(
      '/account/register',
      { schema: { hide: true, body: z.record(z.string(), z.string().max(300)) } },
      async (req, reply) => {
        const lang = langOf(req.body.lang);
        const b = req.body;
        try {
          await register(
            ctx,
            {
              fullName: b.fullName ?? '',
              email: b.email || null,
              phone: b.phone || null,
              cccd: b.cccd || null,
              dateOfBirth: b.dateOfBirth || null,
              password: b.password ?? '',
            },
            req.ip,
          );
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const wait = retryAfterOf(e);
          if (wait !== undefined) reply.header('retry-after', String(wait));
          const { password: _p, ...keep } = b;
          return html(
            reply,
            e.status,
            lang,
            T[lang].registerTitle,
            registerForm(lang, keep, message(e, lang)),
          );
        }
        // The same page whether or not the details already have an account (the mail differs).
        return html(
          reply,
          202,
          lang,
          T[lang].registerTitle,
          `<h1>${T[lang].registerTitle}</h1><p role="status">${T[lang].registered}</p>`,
        );
      },
    );

    app.get(
      '/account/verify-email',
      {
        schema: {
          hide: true,
          querystring: z.object({ token: z.string().max(200), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const lang = langOf(req.query.lang);
        try {
          await verifyEmail(ctx, req.query.token, req.ip);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          return html(
            reply,
            e.status,
            lang,
            T[lang].registerTitle,
            `<h1>${T[lang].registerTitle}</h1>${errorBox(message(e, lang))}`,
          );
        }
        return html(
          reply,
          200,
          lang,
          T[lang].registerTitle,
          `<h1>${T[lang].registerTitle}</h1><p role="status">${T[lang].verified}</p>${signInLink(lang)}`,
        );
      },
    );

    const forgotForm = (lang: Lang, error?: string, email = '') => {
      const t = T[lang];
      return `<h1>${t.forgotTitle}</h1>${errorBox(error)}<p class="note">${t.forgotHelp}</p>
        <form method="post" action="/account/forgot-password" novalidate>${hidden('lang', lang)}
        <label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(email)}" autofocus>
        <button class="primary" type="submit">${t.send}</button></form>`;
    };

    app.get(
      '/account/forgot-password',
      { schema: { hide: true, querystring: langQuery } },
      async (req, reply) => {
        const lang = langOf(req.query.lang);
        return html(reply, 200, lang, T[lang].forgotTitle, forgotForm(lang));
      },
    );

    app.post(
      '/account/forgot-password',
      {
        schema: {
          hide: true,
          body: z.object({ email: z.string().max(254).default(''), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const lang = langOf(req.body.lang);
        try {
          await requestPasswordReset(ctx, req.body.email, req.ip);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const wait = retryAfterOf(e);
          if (wait !== undefined) reply.header('retry-after', String(wait));
          return html(
            reply,
            e.status,
            lang,
            T[lang].forgotTitle,
            forgotForm(lang, message(e, lang), req.body.email),
          );
        }
        return html(
          reply,
          200,
          lang,
          T[lang].forgotTitle,
          `<h1>${T[lang].forgotTitle}</h1><p role="status">${T[lang].sent}</p>${signInLink(lang)}`,
        );
      },
    );

    const resetForm = (lang: Lang, token: string, error?: string) => {
      const t = T[lang];
      return `<h1>${t.resetTitle}</h1>${errorBox(error)}<form method="post" action="/account/reset-password" novalidate>${hidden('lang', lang)}${hidden('token', token)}
        <label for="password">${t.newPassword}</label><input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
        <button class="primary" type="submit">${t.save}</button></form>`;
    };

    app.get(
      '/account/reset-password',
      {
        schema: {
          hide: true,
          querystring: z.object({ token: z.string().max(200), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const lang = langOf(req.query.lang);
        return html(reply, 200, lang, T[lang].resetTitle, resetForm(lang, req.query.token));
      },
    );

    app.post(
      '/account/reset-password',
      {
        schema: {
          hide: true,
          body: z.object({
            token: z.string().max(200),
            password: z.string().max(200),
            lang: z.string().optional(),
          }),
        },
      },
      async (req, reply) => {
        const lang = langOf(req.body.lang);
        try {
          await resetPassword(ctx, req.body.token, req.body.password, req.ip);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          return html(
            reply,
            e.status,
            lang,
            T[lang].resetTitle,
            resetForm(lang, req.body.token, message(e, lang)),
          );
        }
        return html(
          reply,
          200,
          lang,
          T[lang].resetTitle,
          `<h1>${T[lang].resetTitle}</h1><p role="status">${T[lang].resetDone}</p>${signInLink(lang)}`,
        );
      },
    );
  };
