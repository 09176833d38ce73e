import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoAccounts } from '../seed/demo.ts';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

/**
 * Registration leaks and blocks (issue 25, finding 7). Behind one proxy hop (TRUST_PROXY=1),
 * so each test registers "from" its own address and the per-address limit of one does not
 * spill into another. Mails land in `s.mails`.
 */
describeEachEngine(
  'identity: self-registration answers alike, holds nothing, and is rate-limited',
  { seed: true },
  (ctx) => {
    const s = useListeningApp(ctx, () => ({ TRUST_PROXY: '1' }));
    beforeAll(async () => {
      await seedDemoAccounts(ctx.database, ctx.config);
    });

    // Nguyễn Văn An already has an account with this e-mail, phone and CCCD.
    const an = { email: 'nguyenvanan@demo.cqs.example', phone: '0912345678', cccd: '008090001234' };
    const password = 'Hoa-Sen-Vang-2026';

    const registerFrom = async (address: string, body: Record<string, string>) => {
      const res = await fetch(`${s.url}/api/identity/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ fullName: 'Người Đăng Ký', password, ...body }),
      });
      return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
    };
    const pageFrom = async (address: string, body: Record<string, string>) => {
      const res = await fetch(`${s.url}/account/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
        body: new URLSearchParams({ fullName: 'Người Đăng Ký', password, ...body }).toString(),
      });
      return { status: res.status, html: await res.text() };
    };
    const mailsTo = (to: string, since: number) => s.mails.slice(since).filter((m) => m.to === to);
    const linkIn = (text: string) => /https?:\/\/\S+\/account\/verify-email\?token=[\w-]+/.exec(text)?.[0];
    const verify = (link: string) =>
      fetch(link).then(async (r) => ({ status: r.status, html: await r.text() }));
    const persons = async (where: { email?: string; cccd?: string }) =>
      (
        await ctx.database.rows<{ n: number }>(
          where.email
            ? sql`SELECT count(*)::int AS n FROM identity_person WHERE email = ${where.email}`
            : sql`SELECT count(*)::int AS n FROM identity_person WHERE cccd = ${where.cccd!}`,
        )
      )[0]!.n;

    it('prevents registration from telling whether a CCCD, phone or e-mail has an account', async () => {
      const fresh = await registerFrom('198.51.100.1', {
        email: 'moi.hoan.toan@example.vn',
        cccd: '001200077777',
      });
      const withCccd = await registerFrom('198.51.100.1', {
        email: 'ke.do.tham.1@example.vn',
        cccd: an.cccd,
      });
      const withPhone = await registerFrom('198.51.100.1', {
        email: 'ke.do.tham.2@example.vn',
        phone: an.phone,
      });
      const since = s.mails.length;
      const withEmail = await registerFrom('198.51.100.1', { email: an.email });
      for (const answer of [fresh, withCccd, withPhone, withEmail]) {
        expect(answer.status, answer.body).toBe(202);
        expect(JSON.parse(answer.body)).toEqual({ status: 'check_email' });
      }
      // The HTML form answers alike too.
      const pages = [
        await pageFrom('198.51.100.2', { email: 'moi.nua@example.vn' }),
        await pageFrom('198.51.100.2', { email: 'ke.do.tham.3@example.vn', cccd: an.cccd }),
        await pageFrom('198.51.100.2', { email: an.email }),
      ];
      for (const page of pages) {
        expect(page.status).toBe(202);
        expect(page.html).toBe(pages[0]!.html);
      }
      // What differs goes to the owner's mailbox: "you already have an account", no new link.
      const toOwner = mailsTo(an.email, since).filter((m) => !m.subject.startsWith('Có người đăng ký'));
      expect(toOwner.map((m) => m.subject)).toEqual([
        'Bạn đã có tài khoản Chính quyền số / You already have an account',
        'Bạn đã có tài khoản Chính quyền số / You already have an account',
      ]);
      expect(toOwner.some((m) => linkIn(m.text))).toBe(false);
      // The owner heard of each attempt with their CCCD or phone (two through the API, one through the form).
      const notices = s.mails.filter((m) => m.to === an.email && m.subject.startsWith('Có người đăng ký'));
      expect(notices).toHaveLength(3);
      expect(notices[0]!.text).toContain('số CCCD');
      expect(notices.some((m) => m.text.includes('số điện thoại'))).toBe(true);
      // Opening the link with someone else's CCCD creates nothing and names the field.
      const probe = mailsTo('ke.do.tham.1@example.vn', 0).at(-1)!;
      const opened = await verify(linkIn(probe.text)!);
      expect(opened.status).toBe(409);
      expect(opened.html).toContain('Số CCCD');
      expect(await persons({ email: 'ke.do.tham.1@example.vn' })).toBe(0);
      expect(await persons({ cccd: an.cccd })).toBe(1);
    });

    it('prevents a never-verified registration from holding a CCCD: its owner registers, and the first one expires', async () => {
      const cccd = '001200088888';
      // Someone registers the CCCD with their own e-mail and never opens the link…
      expect((await registerFrom('198.51.100.3', { email: 'giu.cho@example.vn', cccd })).status).toBe(202);
      expect(await persons({ cccd })).toBe(0);
      // …its owner registers it at once, opens the link, and has the account.
      const since = s.mails.length;
      expect((await registerFrom('198.51.100.4', { email: 'chu.that@example.vn', cccd })).status).toBe(202);
      const opened = await verify(linkIn(mailsTo('chu.that@example.vn', since)[0]!.text)!);
      expect(opened.status, opened.html).toBe(200);
      const [owner] = await ctx.database.rows<{ email: string; status: string }>(
        sql`SELECT email, status FROM identity_person WHERE cccd = ${cccd}`,
      );
      expect(owner).toEqual({ email: 'chu.that@example.vn', status: 'active' });
      // The first registration's link is past its lifetime (24 hours): refused, and swept away.
      await ctx.database.rows(
        sql`UPDATE identity_oidc_payload SET expires_at = now() - interval '1 minute' WHERE model = 'CqsRegistration'`,
      );
      const late = await verify(linkIn(mailsTo('giu.cho@example.vn', 0)[0]!.text)!);
      expect(late.status).toBe(400);
      expect(await persons({ email: 'giu.cho@example.vn' })).toBe(0);
      await registerFrom('198.51.100.5', { email: 'ai.do.khac@example.vn' });
      const left = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM identity_oidc_payload WHERE model = 'CqsRegistration' AND expires_at < now()`,
      );
      expect(left[0]!.n).toBe(0);
    });

    it('rate-limits registration per address: 25 in a burst are not all answered', async () => {
      const answers = [];
      for (let i = 0; i < 25; i++)
        answers.push(await registerFrom('203.0.113.99', { email: `loat.${i}@example.vn` }));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((st) => st === 202)).toHaveLength(20);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
      const refused = answers[24]!;
      expect(JSON.parse(refused.body).code).toBe('IDENTITY.TOO_MANY_ATTEMPTS');
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
      // Another address is not held up.
      expect((await registerFrom('203.0.113.100', { email: 'ben.canh@example.vn' })).status).toBe(202);
    });

    it('rate-limits registration per identifier: one CCCD, from many addresses', async () => {
      const cccd = '001200099999';
      const statuses = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await registerFrom(`192.0.2.${100 + i}`, { email: `so.cccd.${i}@example.vn`, cccd })).status,
        );
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    });
  },
);
