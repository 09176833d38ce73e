import { Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../ui/localized';
import { placeInSentence, useSite } from './site';

export function AppFooter() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const info = site.status === 'success' ? site.data : undefined;
  const platformName = info ? pickLocalized(info.platformName, i18n.language) : t('app.name');
  const contact = info?.contact;
  const year = new Date().getFullYear();

  return (
    <footer className="cqs-footer">
      <Container size="lg" py="xl">
        <Stack gap="md">
          {contact && (
            <section aria-labelledby="footer-contact">
              <Text id="footer-contact" component="h2" fw={700} fz="lg" mb="xs">
                {t('footer.contact')}
              </Text>
              {contact.agencyName && (
                <Text fw={600} mb="sm">
                  {pickLocalized(contact.agencyName, i18n.language)}
                </Text>
              )}
              <dl>
                {contact.address && (
                  <>
                    <dt>{t('footer.address')}</dt>
                    <dd>{contact.address}</dd>
                  </>
                )}
                {contact.phone && (
                  <>
                    <dt>{t('footer.phone')}</dt>
                    <dd>
                      <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                    </dd>
                  </>
                )}
                {contact.email && (
                  <>
                    <dt>{t('footer.email')}</dt>
                    <dd>
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </dd>
                  </>
                )}
                {contact.website && (
                  <>
                    <dt>{t('footer.website')}</dt>
                    <dd>
                      <a href={contact.website} rel="noopener">
                        {contact.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
            </section>
          )}
          <Text fz="sm" opacity={0.8}>
            {info
              ? t('footer.copyright', {
                  year,
                  platform: platformName,
                  place: placeInSentence(t, info.province),
                })
              : t('footer.copyrightShort', { year, platform: platformName })}
          </Text>
        </Stack>
      </Container>
    </footer>
  );
}
