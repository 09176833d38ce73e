import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import { type ComboboxItem, type OptionsFilter, Select, TextInput } from '@mantine/core';
import { type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../../admin-units/api';
import { searchKey } from '../../format';
import { EFormContext } from './context';

export interface CommuneSelectProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  value: unknown;
  onChange: (code: string | undefined) => void;
  /** The communes, when not read from the e-form around it. */
  communes?: AdminUnit[];
}

// Typing "tan trao" finds "Xã Tân Trào"; a 5-digit code finds its commune too.
const filter: OptionsFilter = ({ options, search }) => {
  const q = searchKey(search.trim());
  if (!q) return options;
  return (options as ComboboxItem[]).filter((o) => searchKey(o.label).includes(q) || o.value.startsWith(q));
};

/** A commune of the province (its 5-digit code is what the form keeps), searched by name without accents. */
export function CommuneSelect(props: CommuneSelectProps) {
  const form = useOptionalCommunes();
  const communes = props.communes ?? form;
  return <CommuneSelectView {...props} communes={communes} />;
}

function useOptionalCommunes(): AdminUnit[] | undefined {
  return useContext(EFormContext)?.communes;
}

function CommuneSelectView({ communes, value, onChange, ...field }: CommuneSelectProps) {
  const { t } = useTranslation('dossiers');
  const data = useMemo(() => (communes ?? []).map((c) => ({ value: c.code, label: c.name })), [communes]);
  const code = typeof value === 'string' ? value : '';
  // Without the list (still loading, or the server could not give it), the code can still be typed.
  if (!communes) {
    return (
      <TextInput
        {...field}
        size="md"
        inputMode="numeric"
        maxLength={5}
        value={code}
        onChange={(e) => onChange(e.currentTarget.value.trim() || undefined)}
        placeholder={t('eform.communeCode')}
      />
    );
  }
  return (
    <Select
      {...field}
      size="md"
      data={data}
      value={code || null}
      onChange={(v) => onChange(v ?? undefined)}
      searchable
      filter={filter}
      limit={60}
      clearable={!field.required}
      allowDeselect={false}
      placeholder={t('eform.communePlaceholder')}
      nothingFoundMessage={t('eform.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
