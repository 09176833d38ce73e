import type { FoundPerson } from '../api';

/** The applicant as typed at the counter (empty strings for what is not given). */
export interface ApplicantDraft {
  fullName: string;
  cccd: string;
  phone: string;
  email: string;
  addressDetail: string;
  addressCommuneCode: string | null;
}

export const emptyApplicant: ApplicantDraft = {
  fullName: '',
  cccd: '',
  phone: '',
  email: '',
  addressDetail: '',
  addressCommuneCode: null,
};

export function fromPerson(p: FoundPerson): ApplicantDraft {
  return {
    fullName: p.fullName,
    cccd: p.cccd,
    phone: p.phone ?? '',
    email: p.email ?? '',
    addressDetail: p.addressDetail ?? '',
    addressCommuneCode: p.addressCommuneCode,
  };
}

export type ApplicantField = 'fullName' | 'cccd' | 'phone' | 'email' | 'addressDetail';
export type Problems = Partial<Record<ApplicantField | 'procedure' | 'competentAgency' | 'desk', string>>;

const CCCD = /^\d{12}$/;
const PHONE = /^0\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the applicant, as message keys of the workspace namespace. */
export function applicantProblems(a: ApplicantDraft): Problems {
  const p: Problems = {};
  const name = a.fullName.trim();
  if (name.length < 2) p.fullName = 'intake.errors.fullName';
  const cccd = a.cccd.replace(/\s+/g, '');
  const phone = a.phone.replace(/[\s.]+/g, '');
  if (cccd && !CCCD.test(cccd)) p.cccd = 'intake.errors.cccd';
  if (phone && !PHONE.test(phone)) p.phone = 'intake.errors.phone';
  if (!cccd && !phone) p.phone = 'intake.errors.contact';
  if (a.email.trim() && !EMAIL.test(a.email.trim())) p.email = 'intake.errors.email';
  return p;
}

/** The applicant as the API takes it. */
export function applicantBody(a: ApplicantDraft) {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    fullName: a.fullName.trim().replace(/\s+/g, ' '),
    cccd: orNull(a.cccd.replace(/\s+/g, '')),
    phone: orNull(a.phone.replace(/[\s.]+/g, '')),
    email: orNull(a.email),
    addressCommuneCode: a.addressCommuneCode,
    addressDetail: orNull(a.addressDetail),
  };
}
