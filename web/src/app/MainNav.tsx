import { Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { Link, usePath } from './router';

const OFFICIAL_ROLES = new Set(['counter_officer', 'specialist', 'leader']);
const ADMIN_ROLES = new Set(['system_admin', 'agency_admin']);
// The roles the policy gives digital-transformation rights (dx.view) to.
const DX_ROLES = new Set(['specialist', 'leader', 'dx_office']);
// The roles the policy gives statistics rights (statistics.view) to.
const STATS_ROLES = new Set(['leader', 'dx_office']);

/**
 * The sections a person may go to: the catalogue and tracking for everyone, their own dossiers
 * when signed in, the workspace for officials, administration for admins.
 */
export function MainNav() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const path = usePath();
  const me = state.status === 'signedIn' ? state.me : null;
  const links: { href: string; label: string; exact?: boolean }[] = [
    { href: '/thu-tuc', label: t('nav.catalog') },
    { href: '/tra-cuu', label: t('nav.track') },
  ];
  if (me)
    links.push(
      { href: '/ho-so', label: t('nav.myDossiers') },
      { href: '/thong-bao', label: t('nav.notifications') },
    );
  if (me?.roles.some((r) => OFFICIAL_ROLES.has(r.role)))
    links.push({ href: '/can-bo', label: t('nav.workspace') });
  if (me?.roles.some((r) => STATS_ROLES.has(r.role)))
    links.push({ href: '/thong-ke', label: t('nav.statistics') });
  if (me?.roles.some((r) => DX_ROLES.has(r.role)))
    // One entry on a phone's crowded bar: the plan and the scorecards open from its dashboard.
    links.push({ href: '/chuyen-doi-so', label: t('nav.dxDashboard') });
  if (me?.roles.some((r) => ADMIN_ROLES.has(r.role)))
    links.push({ href: '/quan-tri', label: t('nav.admin') });
  return (
    <nav className="cqs-nav" aria-label={t('nav.label')}>
      <Container size="lg">
        <Group gap={4} wrap="wrap">
          {links.map((l) => {
            const current = path === l.href || (!l.exact && path.startsWith(`${l.href}/`));
            return (
              <Link
                key={l.href}
                href={l.href}
                className="cqs-nav-link"
                aria-current={current ? 'page' : undefined}
              >
                {l.label}
              </Link>
            );
          })}
        </Group>
      </Container>
    </nav>
  );
}
