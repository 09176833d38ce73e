import { Button, Text, type TextProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const LIMIT = 220;

/**
 * Catalogue texts (a component's name can be a whole paragraph of conditions) shortened to a few
 * lines, with a button to read all of it.
 */
export function LongText({ text, ...props }: { text: string } & TextProps) {
  const { t } = useTranslation('workspace');
  const [all, setAll] = useState(false);
  if (text.length <= LIMIT) return <Text {...props}>{text}</Text>;
  return (
    <Text {...props}>
      {all ? text : `${text.slice(0, LIMIT).trimEnd()}…`}{' '}
      <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} aria-expanded={all}>
        {all ? t('common.less') : t('common.more')}
      </Button>
    </Text>
  );
}
