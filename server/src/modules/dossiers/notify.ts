import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { vietnamMsOfDay } from '../../platform/calendar/vietnam-time.ts';
import { cachedVersionOf, versionOf } from '../catalog/procedures.ts';
import { agencies } from '../identity/schema.ts';
import { type BilingualText, enqueueNotification, type NotificationInput } from '../notifications/service.ts';
import type { DossierAction, DossierEvent } from './lifecycle.ts';
import type { dossiers } from './schema.ts';

type Row = typeof dossiers.$inferSelect;
type Notice = { kind: string; title: BilingualText; body: BilingualText };
type Context = { procedure: BilingualText; desk: BilingualText };
type Compose = (dossier: Row, event: DossierEvent, context: Context) => Notice;

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm in Vietnam time, whatever the server's time zone. */
export function vietnamDateTime(instant: Date): string {
  const [y, m, d] = vietnamDateOf(instant).split('-');
  const minutes = Math.floor(vietnamMsOfDay(instant) / 60_000);
  return `${d}/${m}/${y} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const when = (instant: Date | null): BilingualText =>
  instant
    ? { vi: vietnamDateTime(instant), en: `${vietnamDateTime(instant)} (Vietnam time)` }
    : { vi: '(chưa xác định)', en: '(not set)' };

const dateIn = (value: unknown): Date | null => {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
  return null;
};
const textIn = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The procedure's name at the dossier's version and the receiving desk's name: two small reads, in
 * the caller's transaction, or (`cached`) from this process's catalogue cache.
 */
async function contextOf(tx: Tx | Db, dossier: Row, cached = false): Promise<Context> {
  const procedure = cached ? await cachedVersionOf(tx as Db, dossier) : await versionOf(tx, dossier);
  const [desk] = await tx
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, dossier.receivingAgencyId));
  return {
    procedure: procedure
      ? { vi: procedure.name.vi, en: procedure.name.en ?? procedure.name.vi }
      : { vi: 'thủ tục hành chính', en: 'administrative procedure' },
    desk: desk
      ? { vi: desk.name.vi, en: desk.name.en ?? desk.name.vi }
      : { vi: 'Bộ phận Một cửa', en: 'the one-stop desk' },
  };
}

function received(d: Row, _e: DossierEvent, c: Context): Notice {
  const at = when(d.receivedAt);
  const due = when(d.dueAt);
  return {
    kind: 'dossier.received',
    title: { vi: `Hồ sơ ${d.code} đã được tiếp nhận`, en: `Dossier ${d.code} received` },
    body: {
      vi: `${c.desk.vi} đã tiếp nhận hồ sơ «${c.procedure.vi}» của ông/bà lúc ${at.vi}.\nMã hồ sơ: ${d.code}.\nNgày hẹn trả kết quả: ${due.vi}.\nÔng/bà theo dõi tiến độ bằng mã hồ sơ trên Cổng dịch vụ công; khi có kết quả, hệ thống sẽ báo cho ông/bà.`,
      en: `${c.desk.en} received your dossier “${c.procedure.en}” at ${at.en}.\nDossier code: ${d.code}.\nResult due: ${due.en}.\nFollow its progress with the code on the public service portal; you will be told when the result is ready.`,
    },
  };
}

function supplementRequested(d: Row, e: DossierEvent, c: Context): Notice {
  const items = Array.isArray(e.data.items)
    ? e.data.items.filter((i): i is string => typeof i === 'string')
    : [];
  const list = items.map((i) => `- ${i}`).join('\n');
  const reason = textIn(e.data.reason);
  const where: BilingualText =
    d.channel === 'online'
      ? {
          vi: `trực tuyến trên trang hồ sơ của Cổng dịch vụ công hoặc tại ${c.desk.vi}`,
          en: `online on the dossier's page of the public service portal or at ${c.desk.en}`,
        }
      : { vi: `tại ${c.desk.vi}`, en: `at ${c.desk.en}` };
  const why = reason ? { vi: `\nLý do: ${reason}`, en: `\nReason: ${reason}` } : { vi: '', en: '' };
  if (e.data.phase === 'processing') {
    const paused = when(e.at);
    const due = when(d.dueAt);
    return {
      kind: 'dossier.supplement_requested',
      title: { vi: `Hồ sơ ${d.code} cần bổ sung`, en: `Dossier ${d.code}: more documents needed` },
      body: {
        vi: `Để giải quyết hồ sơ «${c.procedure.vi}» (mã ${d.code}), ông/bà vui lòng bổ sung:\n${list}${why.vi}\nNộp bổ sung ${where.vi}.\nThời hạn giải quyết tạm dừng từ ${paused.vi} trong khi chờ bổ sung, nên ngày hẹn trả ${due.vi} không còn áp dụng. Khi nhận đủ hồ sơ bổ sung, thời hạn giải quyết được tính lại từ đầu và ngày hẹn trả mới hiển thị trên trang hồ sơ.`,
        en: `To decide your dossier “${c.procedure.en}” (code ${d.code}), please supply:\n${list}${why.en}\nDeliver them ${where.en}.\nThe processing time is paused from ${paused.en} while we wait, so the due date ${due.en} no longer applies. Once the complete supplement arrives the processing time starts again in full; the new due date will show on the dossier's page.`,
      },
    };
  }
  const filed = when(d.createdAt);
  return {
    kind: 'dossier.supplement_requested',
    title: {
      vi: `Hồ sơ «${short(c.procedure.vi)}» cần bổ sung trước khi tiếp nhận`,
      en: `Dossier “${short(c.procedure.en)}”: more documents needed before intake`,
    },
    body: {
      vi: `Hồ sơ «${c.procedure.vi}» ông/bà nộp lúc ${filed.vi} chưa đủ để tiếp nhận. Ông/bà vui lòng bổ sung:\n${list}${why.vi}\nNộp bổ sung ${where.vi}. Hồ sơ được tiếp nhận, cấp mã và tính thời hạn giải quyết khi đã đủ thành phần.`,
      en: `Your dossier “${c.procedure.en}” filed at ${filed.en} is not complete enough to be received. Please supply:\n${list}${why.en}\nDeliver them ${where.en}. The dossier gets its code and its processing time starts once it is complete.`,
    },
  };
}

function resultReady(d: Row, _e: DossierEvent, c: Context): Notice {
  const at = when(d.finishedAt);
  return {
    kind: 'dossier.result_ready',
    title: { vi: `Kết quả hồ sơ ${d.code} đã sẵn sàng`, en: `Dossier ${d.code}: result ready` },
    body: {
      vi: `Hồ sơ «${c.procedure.vi}» (mã ${d.code}) đã có kết quả lúc ${at.vi}.\nÔng/bà nhận kết quả theo hình thức đã đăng ký: tại ${c.desk.vi} (mang theo giấy tờ tùy thân và mã hồ sơ), qua bưu chính, hoặc bản điện tử trên Cổng dịch vụ công.`,
      en: `Your dossier “${c.procedure.en}” (code ${d.code}) has its result since ${at.en}.\nCollect it the way you chose: at ${c.desk.en} (bring an identity document and the dossier code), by post, or electronically on the public service portal.`,
    },
  };
}

function refused(d: Row, e: DossierEvent, c: Context): Notice {
  const reason = textIn(e.data.reason) ?? '';
  return {
    kind: 'dossier.refused',
    title: { vi: `Hồ sơ ${d.code} bị từ chối giải quyết`, en: `Dossier ${d.code} refused` },
    body: {
      vi: `Cơ quan có thẩm quyền từ chối giải quyết hồ sơ «${c.procedure.vi}» (mã ${d.code}).\nLý do: ${reason}\nVăn bản trả lời đã sẵn sàng: ông/bà nhận tại ${c.desk.vi} hoặc trên Cổng dịch vụ công. Nếu không đồng ý, ông/bà có quyền khiếu nại theo quy định của pháp luật.`,
      en: `The competent authority refused to resolve your dossier “${c.procedure.en}” (code ${d.code}).\nReason: ${reason}\nThe written answer is ready at ${c.desk.en} and on the public service portal. If you disagree you may lodge a complaint as the law provides.`,
    },
  };
}

function extended(d: Row, e: DossierEvent, c: Context): Notice {
  const previous = when(dateIn(e.data.previousDueAt));
  const next = when(dateIn(e.data.newDueAt) ?? d.dueAt);
  const reason = textIn(e.data.reason) ?? '';
  return {
    kind: 'dossier.extended',
    title: {
      vi: `Hồ sơ ${d.code}: xin lỗi và hẹn lại ngày trả kết quả`,
      en: `Dossier ${d.code}: our apology and a new due date`,
    },
    body: {
      vi: `Chúng tôi thành thật xin lỗi ông/bà: hồ sơ «${c.procedure.vi}» (mã ${d.code}) không thể trả kết quả đúng hẹn ${previous.vi}.\nLý do: ${reason}\nNgày hẹn trả kết quả mới: ${next.vi}.`,
      en: `We sincerely apologise: your dossier “${c.procedure.en}” (code ${d.code}) cannot be decided by ${previous.en} as promised.\nReason: ${reason}\nNew due date: ${next.en}.`,
    },
  };
}

function refusedAtIntake(d: Row, e: DossierEvent, c: Context): Notice {
  const filed = when(d.createdAt);
  const reason = textIn(e.data.reason) ?? '';
  return {
    kind: 'dossier.refused_at_intake',
    title: {
      vi: `Hồ sơ «${short(c.procedure.vi)}» không được tiếp nhận`,
      en: `Dossier “${short(c.procedure.en)}” not accepted`,
    },
    body: {
      vi: `${c.desk.vi} từ chối tiếp nhận hồ sơ «${c.procedure.vi}» ông/bà nộp lúc ${filed.vi}.\nLý do: ${reason}\nÔng/bà có thể chuẩn bị lại hồ sơ theo hướng dẫn của thủ tục và nộp hồ sơ mới.`,
      en: `${c.desk.en} did not accept your dossier “${c.procedure.en}” filed at ${filed.en}.\nReason: ${reason}\nYou may prepare it again as the procedure describes and file a new dossier.`,
    },
  };
}

/** The steps an applicant is told of; the others (assign, consult, …) are the offices' business. */
const COMPOSERS: Partial<Record<DossierAction, Compose>> = {
  receive: received,
  request_supplement: supplementRequested,
  approve: resultReady,
  refuse: refused,
  extend: extended,
  refuse_intake: refusedAtIntake,
};

/**
 * Tells the applicant about the steps they must know of (receipt, supplement request, result
 * ready or refusal, extension, refusal at intake): inbox + e-mail outbox, in the caller's
 * transaction, so a notice exists exactly when the change it tells of was committed.
 */
export async function notifyApplicant(tx: Tx, dossier: Row, event: DossierEvent): Promise<void> {
  const notice = await noticeOf(tx, dossier, event);
  if (notice) await enqueueNotification(tx, notice, event.at);
}

/** What the applicant is told of `event`, if anything; `cached`: the names from this process's cache. */
export async function noticeOf(
  reader: Tx | Db,
  dossier: Row,
  event: DossierEvent,
  cached = false,
): Promise<NotificationInput | null> {
  const compose = COMPOSERS[event.type];
  const email = dossier.applicant.email;
  if (!compose || (!dossier.applicantId && !email)) return null;
  const notice = compose(dossier, event, await contextOf(reader, dossier, cached));
  return {
    recipientId: dossier.applicantId,
    email,
    ...notice,
    link: `/ho-so/${dossier.id}`,
    subjectId: dossier.id,
  };
}
