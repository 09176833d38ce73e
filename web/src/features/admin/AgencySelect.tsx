import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import { type ComboboxItem, type OptionsFilter, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../ui/localized';
import type { Agency } from './agencies/api';
import { fold } from './format';
import './i18n';

export interface AgencySelectProps {
  agencies: readonly Agency[];
  /** The agency's code, or null. */
  value: string | null;
  onChange: (code: string | null) => void;
  label: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  description?: string;
}

/** "so tu phap" finds "Sở Tư pháp tỉnh Tuyên Quang"; a code finds its agency too. */
const filter: OptionsFilter = ({ options, search }) => {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return (options as ComboboxItem[]).filter((o) => {
    const text = fold(`${o.label} ${o.value}`);
    return words.every((w) => text.includes(w));
  });
};

/** Picks one agency of the province by typing part of its name (a few hundred to choose from). */
export function AgencySelect({
  agencies,
  value,
  onChange,
  label,
  placeholder,
  error,
  required,
  clearable,
  description,
}: AgencySelectProps) {
  const { t, i18n } = useTranslation('admin');
  const data = useMemo(
    () => agencies.map((a) => ({ value: a.code, label: pickLocalized(a.name, i18n.language) })),
    [agencies, i18n.language],
  );
  return (
    <Select
      size="md"
      label={label}
      description={description}
      placeholder={placeholder ?? t('common.agencyPlaceholder')}
      data={data}
      value={value}
      onChange={(code) => onChange(code)}
      searchable
      clearable={clearable}
      filter={filter}
      limit={60}
      maxDropdownHeight={320}
      nothingFoundMessage={t('common.noAgencyFound')}
      error={error}
      required={required}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
