/**
 * The one-stop forms of Circular 01/2018 (now 03/2025) as PDFs, rebuilt on request from the
 * dossier and the event that issued each one, so a reprint says what was issued then.
 */
import { DossierErrors } from '../errors.ts';
import type { NoticeForm } from '../lifecycle.ts';
import type { DossierContext } from '../service.ts';
import { type DossierRow, type EventRow, loadFormData } from './data.ts';
import { FORM_01_TITLE, form01 } from './form-01.ts';
import { form02, form03, form04, form05, NOTICE_TITLES } from './notices.ts';

export const FORM_NUMBERS = ['01', '02', '03', '04', '05'] as const satisfies readonly NoticeForm[];

const TITLES: Record<NoticeForm, string> = { '01': FORM_01_TITLE, ...NOTICE_TITLES };
const RENDER = { '02': form02, '03': form03, '04': form04, '05': form05 } as const;

/** The latest event that issued `form` (a second supplement request gives a new Form 02). */
function issuingEvent(events: EventRow[], form: NoticeForm): EventRow | null {
  return events.findLast((e) => e.data.form === form) ?? null;
}

function notIssued(form: NoticeForm, why: { vi: string; en: string }) {
  return DossierErrors.create('FORM_NOT_ISSUED', {
    vi: `Chưa có mẫu ${form} «${TITLES[form]}»: ${why.vi}`,
    en: `Form ${form} has not been issued: ${why.en}`,
  });
}

/** The PDF of `form` for a dossier the caller may view (checked by the caller). */
export async function renderDossierForm(
  ctx: DossierContext,
  dossier: DossierRow,
  form: NoticeForm,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const data = await loadFormData(ctx, dossier);
  const event = issuingEvent(data.events, form);
  let bytes: Uint8Array;
  if (form === '01') {
    if (!dossier.code || !dossier.receivedAt) {
      throw notIssued(form, {
        vi: 'hồ sơ chưa được tiếp nhận nên chưa có mã hồ sơ và ngày hẹn trả.',
        en: 'the dossier has not been received, so it has no code or appointment yet.',
      });
    }
    bytes = await form01(data, event);
  } else {
    if (!event) {
      throw notIssued(form, {
        vi: 'hồ sơ chưa có bước xử lý nào ban hành phiếu này.',
        en: 'no step of this dossier issued that form.',
      });
    }
    bytes = await RENDER[form](data, event);
  }
  // Before receipt there is no code: the id still names the file uniquely.
  return { bytes, fileName: `${dossier.code ?? dossier.id}-mau-${form}.pdf` };
}
