import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import { fileSize, vnDateTime } from '../format';
import type { WalletItem } from '../model';

/**
 * "Kho giấy tờ": the person's earlier electronic results, any of which may stand for a component
 * instead of uploading it again (once-only; the server records it as reused).
 */
export function WalletPicker({
  items,
  componentName,
  onPick,
  onClose,
}: {
  items: WalletItem[];
  componentName: string;
  onPick: (item: WalletItem) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('dossiers');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('files.walletTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('files.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('files.walletFor', { name: componentName })}</Text>
        <ul className="cqs-file-list">
          {items.map((item) => (
            <li key={item.file.id}>
              <div className="cqs-file-name">
                <Text fw={600}>{item.file.label}</Text>
                <Text size="sm" c="dimmed">
                  {pickLocalized(item.procedureName, i18n.language)}
                  {item.dossierCode ? ` · ${item.dossierCode}` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {item.file.fileName} · {fileSize(item.file.sizeBytes, i18n.language)} ·{' '}
                  {vnDateTime(item.file.uploadedAt, i18n.language)}
                </Text>
              </div>
              <Button variant="light" onClick={() => onPick(item)}>
                {t('files.useThis')}
              </Button>
            </li>
          ))}
        </ul>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('files.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
