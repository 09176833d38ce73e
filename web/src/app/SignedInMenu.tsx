import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, SignOutIcon, UserIcon } from '../ui/icons';
import { describeRole, initials, type Me, useAuth } from './auth';
import { Link } from './router';

/**
 * The signed-in person's menu. Mantine's Menu brings its positioning engine (~30 kB gzip), so it
 * is its own chunk: anonymous visitors, most of the traffic, never download it.
 */
export function SignedInMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { signOut } = useAuth();
  const firstRole = me.roles[0];
  const roleLine = firstRole ? describeRole(t, firstRole, i18n.language) : null;

  return (
    // No focus placeholder: axe flags the empty element Mantine adds as a menu child (aria-required-children).
    <Menu
      position="bottom-end"
      width={300}
      shadow="md"
      offset={6}
      withinPortal
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <UnstyledButton className="cqs-user-button" data-testid="user-menu">
          <Avatar color="brand" variant="filled" radius="xl" size={40} aria-hidden="true">
            {initials(me.fullName)}
          </Avatar>
          {/* Visible from tablets up; on a phone only the initials show, but the name stays the button's name. */}
          <span className="cqs-user-text">
            <span className="cqs-user-name">{me.fullName}</span>
            {roleLine && <span className="cqs-user-role">{roleLine}</span>}
          </span>
          <ChevronDownIcon />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <div className="cqs-user-card">
          <Text fw={700}>{me.fullName}</Text>
          {roleLine && (
            <Text fz="sm" c="dimmed">
              {roleLine}
            </Text>
          )}
          {me.email && (
            <Text fz="sm" c="dimmed">
              {me.email}
            </Text>
          )}
        </div>
        <Menu.Divider />
        <Menu.Item component={Link} href="/tai-khoan" leftSection={<UserIcon size={18} />}>
          {t('auth.account')}
        </Menu.Item>
        <Menu.Item leftSection={<SignOutIcon size={18} />} onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
