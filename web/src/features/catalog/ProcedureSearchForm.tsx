import { Button, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../ui/icons';
import './i18n';
import './search.css';

export interface ProcedureSearchFormProps {
  initial?: string;
  label: string;
  /** Larger on the home page, where it is the first thing to do. */
  size?: 'md' | 'lg';
  onSearch: (q: string) => void;
}

/**
 * The procedure search box (home page and catalogue). The server ignores accents and case, so
 * "dang ky khai sinh" finds "Đăng ký khai sinh"; a national code (1.001193) works too.
 */
export function ProcedureSearchForm({
  initial = '',
  label,
  size = 'md',
  onSearch,
}: ProcedureSearchFormProps) {
  const { t } = useTranslation('catalog');
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim().replace(/\s+/g, ' '));
  };
  return (
    <search>
      <form onSubmit={submit} className="cqs-search-form" data-size={size}>
        <TextInput
          type="search"
          size={size}
          label={label}
          description={t('search.description')}
          placeholder={t('search.placeholder')}
          leftSection={<SearchIcon />}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          className="cqs-search-input"
        />
        <Button type="submit" size={size} className="cqs-search-button">
          {t('search.submit')}
        </Button>
      </form>
    </search>
  );
}
