import { sql } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { createDispatcher, type DispatcherLog } from '../src/modules/notifications/dispatcher.ts';
import { enqueueNotification } from '../src/modules/notifications/service.ts';
import type { Mail } from '../src/platform/mail.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';
import { freePort, useListeningApp } from './support/server.ts';
import { type Received, startSmtp, stopSmtp } from './support/smtp.ts';

/**
 * Notices to the applicant: written to the inbox and the outbox in the dossier's own transaction,
 * mailed after commit through a real SMTP server started here, and retried when it is down.
 */
const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online, 5 working days
const AN = 'nguyenvanan@demo.cqs.example';

type Notice = {
  id: string;
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link: string;
  createdAt: string;
  readAt: string | null;
};
type OutboxRow = {
  status: string;
  attempts: number;
  last_error: string | null;
  notification_id: string | null;
};

/** Polls `probe` until it returns something truthy (or the time is up, returning the last value). */
async function eventually<T>(probe: () => Promise<T> | T, wait = 5_000): Promise<T> {
  const deadline = Date.now() + wait;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `2026-10-12T16:00:00+07:00` → `12/10/2026 16:00`, the form the notices use. */
const vnDateTime = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
};

describeEachEngine(
  'notifications: the applicant hears of each step, in the inbox and by e-mail',
  { seed: true },
  (ctx) => {
    const received: Received[] = [];
    let smtpPort = 0;
    let smtp: SMTPServer | undefined;
    beforeAll(async () => {
      smtpPort = await freePort();
      smtp = await startSmtp(smtpPort, received);
    });
    afterAll(() => stopSmtp(smtp));
    const h = useListeningApp(ctx, () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }));

    const { ids, agencies, as } = useDemoSessions(ctx, h, [
      'nguyenvanan',
      'tranthibinh',
      'motcua',
      'lanhdao',
      'chuyenvien',
    ]);
    const command = async (who: string, id: string, body: Record<string, unknown>) => {
      const res = await as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: string; code: string; dueAt: string; status: string };
    };
    const fileOnline = async (who: string) => {
      const res = await as(who, {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: PROCEDURE, formData: { note: 'Xin cấp thẻ' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const inboxOf = async (who: string, query = '') => {
      const res = await as(who, { method: 'GET', url: `/api/notifications${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Notice[]; total: number; unread: number };
    };
    const mailTo = (address: string, contains: string) =>
      eventually(() => received.find((m) => m.to.includes(address) && m.subject.includes(contains)));
    const outboxOf = (subjectId: string) =>
      ctx.database.rows<OutboxRow>(sql`
      SELECT o.status, o.attempts, o.last_error, o.notification_id
      FROM notification_outbox o
      WHERE o.text LIKE ${`%/ho-so/${subjectId}%`}
      ORDER BY o.created_at`);
    const outboxCount = async () =>
      (await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification_outbox`))[0]!.n;

    let anDossier = '';
    let anCode = '';

    it('tells of the receipt with the code and due date, in the inbox and by e-mail', async () => {
      anDossier = await fileOnline('nguyenvanan');
      expect((await inboxOf('nguyenvanan')).total).toBe(0); // filing alone is no news
      const d = await command('motcua', anDossier, { type: 'receive' });
      anCode = d.code;
      const due = vnDateTime(d.dueAt);

      const inbox = await inboxOf('nguyenvanan');
      expect(inbox).toMatchObject({ total: 1, unread: 1 });
      const notice = inbox.items[0]!;
      expect(notice).toMatchObject({ kind: 'dossier.received', link: `/ho-so/${anDossier}`, readAt: null });
      expect(notice.title.vi).toBe(`Hồ sơ ${anCode} đã được tiếp nhận`);
      expect(notice.title.en).toContain(anCode);
      expect(notice.body.vi).toContain(`Ngày hẹn trả kết quả: ${due}`);
      expect(notice.body.vi).toContain('Cấp thẻ tư vấn viên pháp luật');
      expect(notice.body.en).toContain(`Result due: ${due} (Vietnam time)`);
      expect(notice.createdAt).toMatch(/\+07:00$/);

      const mail = await mailTo(AN, anCode);
      expect(mail, 'a mail to the applicant').toBeDefined();
      expect(mail!.subject).toBe(`Hồ sơ ${anCode} đã được tiếp nhận / Dossier ${anCode} received`);
      // Vietnamese first, English below, with a working link to the portal.
      expect(mail!.text.indexOf(`Ngày hẹn trả kết quả: ${due}`)).toBeLessThan(
        mail!.text.indexOf('Result due'),
      );
      expect(mail!.text).toContain(`Xem chi tiết: ${h.url}/ho-so/${anDossier}`);
      expect(mail!.text).not.toContain('{{');
      expect(await eventually(async () => (await outboxOf(anDossier))[0]?.status === 'sent')).toBe(true);
    });

    it('tells of a supplement request (with the items), an extension and the result', async () => {
      await command('lanhdao', anDossier, { type: 'assign', handlerId: ids.chuyenvien });
      await command('chuyenvien', anDossier, {
        type: 'request_supplement',
        items: ['Bản sao bằng cử nhân luật', 'Giấy chứng nhận hành nghề'],
        reason: 'Thiếu văn bằng',
      });
      const supplied = await command('nguyenvanan', anDossier, { type: 'supply' });
      const newDue = new Date(Date.parse(supplied.dueAt) + 3 * 86_400_000);
      await command('lanhdao', anDossier, {
        type: 'extend',
        newDueAt: newDue.toISOString(),
        reason: 'Cần xác minh văn bằng với cơ sở đào tạo',
      });
      await command('lanhdao', anDossier, { type: 'approve' });

      const inbox = await inboxOf('nguyenvanan');
      expect(inbox.items.map((n) => n.kind)).toEqual([
        'dossier.result_ready',
        'dossier.extended',
        'dossier.supplement_requested',
        'dossier.received',
      ]);
      const [ready, extended, supplement] = inbox.items;
      expect(supplement!.title.vi).toBe(`Hồ sơ ${anCode} cần bổ sung`);
      expect(supplement!.body.vi).toContain('- Bản sao bằng cử nhân luật\n- Giấy chứng nhận hành nghề');
      expect(supplement!.body.vi).toContain('Lý do: Thiếu văn bằng');
      expect(supplement!.body.vi).toContain('thời hạn giải quyết được tính lại từ đầu');
      expect(extended!.body.vi).toContain(
        `Ngày hẹn trả kết quả mới: ${vnDateTime(new Date(newDue.getTime() + 7 * 3_600_000).toISOString())}`,
      );
      expect(extended!.body.vi).toContain('xin lỗi');
      expect(ready!.title.vi).toBe(`Kết quả hồ sơ ${anCode} đã sẵn sàng`);
      expect(ready!.title.en).toBe(`Dossier ${anCode}: result ready`);

      const supplementMail = await mailTo(AN, `Hồ sơ ${anCode} cần bổ sung`);
      expect(supplementMail?.text).toContain('Giấy chứng nhận hành nghề');
      expect(await mailTo(AN, `Kết quả hồ sơ ${anCode} đã sẵn sàng`)).toBeDefined();
      expect(await mailTo(AN, 'hẹn lại ngày trả kết quả')).toBeDefined();
    });

    it('tells of a refusal at intake', async () => {
      const id = await fileOnline('tranthibinh');
      await command('motcua', id, { type: 'refuse_intake', reason: 'Hồ sơ không thuộc thẩm quyền của Sở' });
      const [notice] = (await inboxOf('tranthibinh')).items;
      expect(notice).toMatchObject({ kind: 'dossier.refused_at_intake', link: `/ho-so/${id}` });
      expect(notice!.body.vi).toContain('Lý do: Hồ sơ không thuộc thẩm quyền của Sở');
      expect(await mailTo('tranthibinh@demo.cqs.example', 'không được tiếp nhận')).toBeDefined();
    });

    it('mails a walk-in who has an address but no account, with no inbox row', async () => {
      const walkIn = 'khach.vanglai@example.vn';
      const res = await as('motcua', {
        method: 'POST',
        url: '/api/dossiers/counter',
        payload: {
          procedureCode: PROCEDURE,
          channel: 'direct',
          deskAgencyId: agencies.motcua,
          applicant: {
            fullName: 'Lê Văn Khách',
            cccd: null,
            phone: '0912345678',
            email: walkIn,
            addressCommuneCode: null,
            addressDetail: null,
          },
          formData: {},
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id, code } = res.json() as { id: string; code: string };
      const mail = await mailTo(walkIn, code);
      expect(mail?.text).toContain(`Mã hồ sơ: ${code}.`);
      const [rows] = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM notification WHERE subject_id = ${id}`,
      );
      expect(rows!.n).toBe(0);
      const outbox = await outboxOf(id);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.notification_id).toBeNull();
    });

    it('writes the outbox in the same transaction: a refused command or a rollback leaves none', async () => {
      const before = await outboxCount();
      const id = await fileOnline('tranthibinh');
      const early = await as('lanhdao', {
        method: 'POST',
        url: `/api/dossiers/${id}/commands`,
        payload: { type: 'approve' },
      });
      expect(early.statusCode).toBeGreaterThanOrEqual(400);
      await expect(
        inTransaction(ctx.database, async (tx) => {
          await enqueueNotification(tx, {
            recipientId: ids.tranthibinh!,
            email: 'tranthibinh@demo.cqs.example',
            kind: 'test.rolled_back',
            title: { vi: 'Không gửi', en: 'Not sent' },
            body: { vi: 'Không gửi', en: 'Not sent' },
            link: null,
            subjectId: null,
          });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await outboxCount()).toBe(before);
      const [kinds] = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM notification WHERE kind = 'test.rolled_back'`,
      );
      expect(kinds!.n).toBe(0);
    });

    it('keeps the mail while SMTP is down and sends it once the server is back', async () => {
      await stopSmtp(smtp);
      smtp = undefined;
      const id = await fileOnline('tranthibinh');
      const { code } = await command('motcua', id, { type: 'receive' });
      // The receipt is committed and answered even though the mail could not leave.
      const failed = await eventually(async () => {
        const [row] = await outboxOf(id);
        return row && row.attempts >= 1 && row.last_error ? row : undefined;
      });
      expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
      expect(failed!.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(received.some((m) => m.subject.includes(code))).toBe(false);

      smtp = await startSmtp(smtpPort, received);
      // Time passes until the retry is due; the next pass (the poll or a kick) sends it.
      await ctx.database.rows(
        sql`UPDATE notification_outbox SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'`,
      );
      h.app.jobs.wake();
      expect(await mailTo('tranthibinh@demo.cqs.example', code)).toBeDefined();
      const sent = await eventually(async () => {
        const [row] = await outboxOf(id);
        return row?.status === 'sent' ? row : undefined;
      });
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('lets only the recipient read their notices; pages newest first; marks all read', async () => {
      const mine = await inboxOf('nguyenvanan');
      const target = mine.items[0]!;
      const stranger = await as('tranthibinh', {
        method: 'POST',
        url: `/api/notifications/${target.id}/read`,
      });
      expect(stranger.statusCode).toBe(404);
      expect(stranger.json().code).toBe('NOTIFICATION.NOT_FOUND');
      expect((await inboxOf('nguyenvanan')).unread).toBe(mine.unread);

      const read = await as('nguyenvanan', { method: 'POST', url: `/api/notifications/${target.id}/read` });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().readAt).toMatch(/\+07:00$/);
      expect((await inboxOf('nguyenvanan')).unread).toBe(mine.unread - 1);

      const page = await inboxOf('nguyenvanan', '?limit=2&offset=1');
      expect(page.items.map((n) => n.id)).toEqual(mine.items.slice(1, 3).map((n) => n.id));
      expect(page.total).toBe(mine.total);

      const all = await as('nguyenvanan', { method: 'POST', url: '/api/notifications/read-all' });
      expect(all.json()).toEqual({ marked: mine.unread - 1 });
      expect((await inboxOf('nguyenvanan')).unread).toBe(0);
      expect((await inboxOf('tranthibinh')).unread).toBeGreaterThan(0); // someone else's untouched

      expect((await h.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    });
  },
);

describeEachEngine('notifications: the outbox dispatcher', {}, (ctx) => {
  const quiet: DispatcherLog = { warn: () => undefined, error: () => undefined };
  const enqueue = (email: string, kind = 'test.mail') =>
    inTransaction(ctx.database, (tx) =>
      enqueueNotification(tx, {
        recipientId: null,
        email,
        kind,
        title: { vi: 'Thử', en: 'Test' },
        body: { vi: 'Nội dung', en: 'Body' },
        link: '/ho-so/00000000-0000-7000-8000-000000000000',
        subjectId: null,
      }),
    );
  const rowOf = async (id: string) =>
    (
      await ctx.database.rows<OutboxRow>(
        sql`SELECT status, attempts, last_error, notification_id FROM notification_outbox WHERE id = ${id}`,
      )
    )[0]!;

  it('retries on its own poll with a growing delay, then sends', async () => {
    const tries: number[] = [];
    const sent: Mail[] = [];
    const dispatcher = createDispatcher(
      ctx.database,
      {
        describe: 'flaky',
        send: async (m) => {
          tries.push(Date.now());
          if (tries.length < 3) throw new Error('421 try again later');
          sent.push(m);
        },
      },
      quiet,
      { publicUrl: 'https://dichvucong.example.vn', pollMs: 20, baseDelayMs: 100 },
    );
    try {
      const { outboxId } = await enqueue('flaky@example.vn');
      dispatcher.kick();
      expect(await eventually(() => sent.length === 1)).toBe(true);
      expect(await rowOf(outboxId!)).toMatchObject({ status: 'sent', attempts: 3 });
      // 100 ms then 200 ms (±20 %): exponential backoff.
      expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(75);
      expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(155);
      expect(sent[0]!.text).toContain('https://dichvucong.example.vn/ho-so/');
    } finally {
      await dispatcher.close();
    }
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const dispatcher = createDispatcher(
      ctx.database,
      {
        describe: 'broken',
        send: async () => {
          throw new Error('550 mailbox unavailable');
        },
      },
      quiet,
      { publicUrl: 'http://localhost', pollMs: 10, baseDelayMs: 5, maxAttempts: 3 },
    );
    try {
      const { outboxId } = await enqueue('nobody@example.vn');
      dispatcher.kick();
      const row = await eventually(async () => {
        const r = await rowOf(outboxId!);
        return r.status === 'failed' ? r : undefined;
      });
      expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: '550 mailbox unavailable' });
    } finally {
      await dispatcher.close();
    }
  });

  it('sends each mail once when several nodes drain the same outbox', async () => {
    const sent: string[] = [];
    const node = () =>
      createDispatcher(
        ctx.database,
        {
          describe: 'memory',
          send: async (m) => {
            await new Promise((r) => setTimeout(r, 2));
            sent.push(m.to);
          },
        },
        quiet,
        { publicUrl: 'http://localhost', pollMs: 60_000, batchSize: 5 },
      );
    const nodes = [node(), node(), node()];
    try {
      const addresses = Array.from({ length: 40 }, (_, i) => `nguoi${i}@example.vn`);
      for (const a of addresses) await enqueue(a, 'test.many');
      // Their start-up passes may already be sending some: drain() waits for those too.
      await Promise.all(nodes.map((n) => n.drain()));
      expect(sent.sort()).toEqual([...addresses].sort());
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('skips an address that cannot be mailed, and keeps an inbox-only notice', async () => {
    const { outboxId } = await enqueue('not an address');
    expect(outboxId).toBeNull();
  });
});
