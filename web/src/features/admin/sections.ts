import type { AdminAccess } from './access';

/** The administration's sections: path segment (`/quan-tri/co-quan`), i18n key, who may open it. */
export const SECTIONS = [
  { slug: 'co-quan', key: 'agencies', systemOnly: false },
  { slug: 'nguoi-dung', key: 'users', systemOnly: false },
  { slug: 'thu-tuc', key: 'procedures', systemOnly: true },
  { slug: 'lich-nghi', key: 'holidays', systemOnly: true },
  { slug: 'ung-dung', key: 'clients', systemOnly: true },
  { slug: 'nhat-ky', key: 'audit', systemOnly: true },
] as const;

export type Section = (typeof SECTIONS)[number];
export type SectionKey = Section['key'];

export const sectionBySlug = (slug: string | undefined): Section | undefined =>
  SECTIONS.find((s) => s.slug === slug);

export const sectionHref = (key: SectionKey): string =>
  `/quan-tri/${SECTIONS.find((s) => s.key === key)!.slug}`;

export const mayOpen = (section: Section, access: AdminAccess): boolean =>
  access.system || !section.systemOnly;

/**
 * Where `/quan-tri` opens: the organisation tree for a system admin; the staff list for an agency
 * admin, whose daily work it is.
 */
export const defaultSection = (access: AdminAccess): Section =>
  sectionBySlug(access.system ? 'co-quan' : 'nguoi-dung')!;
