import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';

/** "Toàn trình" (filed, followed and returned online) or "Một phần" (some step in person). */
export function OnlineBadge({ type, long = false }: { type: string; long?: boolean }) {
  const { t } = useTranslation('catalog');
  const full = type === 'full';
  const label = full
    ? t(long ? 'online.fullLong' : 'online.full')
    : t(long ? 'online.partialLong' : 'online.partial');
  return (
    // Dark shades: the badge text must read at 4.5:1 (a light orange does not).
    <Badge variant={full ? 'filled' : 'outline'} color={full ? 'teal.9' : '#a63c06'} tt="none" size="md">
      {label}
    </Badge>
  );
}

const knownLevels = ['province', 'commune', 'ministry', 'other'] as const;

/** "Cấp tỉnh", "Cấp xã", …: who does it. */
export function LevelBadges({ levels }: { levels: string[] }) {
  const { t } = useTranslation('catalog');
  return (
    <>
      {levels.map((level) => {
        const known = knownLevels.find((l) => l === level);
        return (
          <Badge key={level} variant="light" color="brand" tt="none" size="md">
            {known ? t(`level.${known}`) : level}
          </Badge>
        );
      })}
    </>
  );
}

/** The levels in a sentence: "Cấp tỉnh, Cấp xã". */
export function useLevelText(): (levels: string[]) => string {
  const { t } = useTranslation('catalog');
  return (levels) =>
    levels
      .map((level) => {
        const known = knownLevels.find((l) => l === level);
        return known ? t(`level.${known}`) : level;
      })
      .join(', ');
}
