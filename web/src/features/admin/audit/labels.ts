import { useTranslation } from 'react-i18next';
import '../i18n';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The server answers its latest entries, at most 500 a request. */
export function auditPath(action: string, subject: string): string {
  const params = new URLSearchParams({ limit: '500' });
  if (action) params.set('action', action);
  if (subject) params.set('subject', subject);
  return `/api/identity/audit?${params}`;
}

/** The actions the platform writes to its audit trail (the server's `appendAudit` calls). */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.totp_failed',
  'login.refused_locked',
  'account.locked',
  'account.unlocked',
  'person.created',
  'person.disabled',
  'person.enabled',
  'personal_data.read',
  'role.granted',
  'role.revoked',
  'session.revoked',
  'password.changed',
  'password.reset_requested',
  'totp.enabled',
  'email.verified',
  'assurance.raised',
  'cccd.released',
  'upstream.linked',
  'consent.granted',
  'organization.registered',
  'client.registered',
  'signing_key.rotated',
  'procedure.versioned',
  'procedure.enabled',
  'procedure.disabled',
  'catalog.imported',
  'admin_units.imported',
  'calendar.schedule_replaced',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

const SUBJECT_TYPES = [
  'person',
  'procedure',
  'oidc_client',
  'organization',
  'calendar_year',
  'catalog',
  'admin_units',
  'signing_key',
] as const;
type SubjectType = (typeof SUBJECT_TYPES)[number];

const isAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
const isSubjectType = (s: string): s is SubjectType => (SUBJECT_TYPES as readonly string[]).includes(s);

/**
 * Audit codes in words; a code this page does not know yet is shown as it is. `agencyName` names
 * the agency of a role grant (the trail keeps its id).
 */
export function useAuditLabels(agencyName: (id: string) => string | undefined) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  return {
    action: (a: string) =>
      isAction(a) ? t(`audit.actions.${a.replace('.', '_') as Underscored<AuditAction>}`) : a,
    subjectType: (s: string | null) => (s === null ? '—' : isSubjectType(s) ? t(`audit.subjects.${s}`) : s),
    /** The few details worth a glance ("Vai trò: Cán bộ một cửa"), not the raw JSON. */
    details: (d: Record<string, unknown>) => {
      const parts: string[] = [];
      if (typeof d.role === 'string') {
        const role = [
          'counter_officer',
          'specialist',
          'leader',
          'agency_admin',
          'dx_office',
          'system_admin',
        ].includes(d.role)
          ? tApp(`roles.${d.role as 'leader'}`)
          : d.role;
        const agency = typeof d.agencyId === 'string' ? agencyName(d.agencyId) : undefined;
        parts.push(agency ? t('audit.details.roleAt', { role, agency }) : t('audit.details.role', { role }));
      }
      if (typeof d.version === 'number') parts.push(t('audit.details.version', { n: d.version }));
      if (typeof d.method === 'string') parts.push(t('audit.details.method', { method: d.method }));
      if (typeof d.entries === 'number') parts.push(t('audit.details.entries', { n: d.entries }));
      if (typeof d.via === 'string') parts.push(t('audit.details.via', { via: d.via }));
      return parts.join(' · ');
    },
  };
}

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;
