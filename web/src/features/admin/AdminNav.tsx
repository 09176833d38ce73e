import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import type { AdminAccess } from './access';
import { mayOpen, SECTIONS, type Section } from './sections';
import './i18n';

/** The sections the person may open: a column beside the page on a desktop, a row above it on a tablet. */
export function AdminNav({ access, current }: { access: AdminAccess; current: Section | undefined }) {
  const { t } = useTranslation('admin');
  return (
    <nav className="cqs-admin-nav" aria-label={t('nav.label')}>
      <p className="cqs-admin-nav-title">{t('title')}</p>
      <ul>
        {SECTIONS.filter((s) => mayOpen(s, access)).map((s) => (
          <li key={s.slug}>
            <Link
              href={`/quan-tri/${s.slug}`}
              className="cqs-admin-nav-link"
              aria-current={current?.slug === s.slug ? 'page' : undefined}
            >
              {t(`sections.${s.key}.title`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
