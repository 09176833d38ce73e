import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import type { Agency } from '../api';
import { searchKey } from '../format';

export interface AuthorityPickerProps {
  agencies: Agency[];
  /** Commune-level procedures are decided by a commune's People's Committee. */
  communeLevel: boolean;
  /** The procedure's levels: only an authority of one of them may decide it (the server checks too). */
  levels: readonly string[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/**
 * The authority that decides, when the catalogue does not name one: for a commune-level procedure
 * the committee of the commune chosen (any desk of the province takes any commune's dossiers).
 */
export function AuthorityPicker({
  agencies,
  communeLevel,
  levels,
  value,
  onChange,
  error,
}: AuthorityPickerProps) {
  const { t, i18n } = useTranslation('workspace');
  const options = useMemo(
    () =>
      agencies
        .filter((a) =>
          communeLevel
            ? a.kind === 'commune_committee'
            : a.kind !== 'service_center' && a.kind !== 'one_stop_desk' && levels.includes(a.level),
        )
        .map((a) => ({ value: a.id, label: pickLocalized(a.name, i18n.language) })),
    [agencies, communeLevel, levels, i18n.language],
  );
  const keys = useMemo(() => new Map(options.map((o) => [o.value, searchKey(o.label)])), [options]);
  return (
    <Select
      id="competent-agency"
      label={communeLevel ? t('intake.committee') : t('intake.authority')}
      description={communeLevel ? t('intake.committeeHelp') : t('intake.authorityHelp')}
      placeholder={t('fields.agencyPlaceholder')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      limit={50}
      nothingFoundMessage={t('fields.noAgency')}
      filter={({ options: list, search }) => {
        const k = searchKey(search.trim());
        return list.filter((o) => 'value' in o && (keys.get(o.value) ?? '').includes(k));
      }}
      error={error}
      required
    />
  );
}
