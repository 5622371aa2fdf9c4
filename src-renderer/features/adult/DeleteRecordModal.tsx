import { Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useInvalidateAdult } from './hooks';

type DeleteChannel =
  | 'adult.screening.delete'
  | 'adult.patient.delete'
  | 'adult.kontrol.delete'
  | 'adult.lansia.delete';

/** A soft delete with its reason (nothing clinical is removed for good). */
export function DeleteRecordModal({
  opened,
  onClose,
  channel,
  record,
  onDeleted,
}: {
  opened: boolean;
  onClose: () => void;
  channel: DeleteChannel;
  record: { id: string; version: number };
  onDeleted?: () => void;
}) {
  const t = useT();
  const invalidate = useInvalidateAdult();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const result = await invoke(channel, { id: record.id, version: record.version, reason });
    if (!result.ok) return setError(result.error.message);
    setReason('');
    invalidate();
    notifications.show({ color: 'teal', message: t('adult.deleted') });
    onClose();
    onDeleted?.();
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('adult.delete.title')}>
      <Text size="sm" mb="sm">
        {t('adult.delete.body')}
      </Text>
      <Textarea
        label={t('field.reason')}
        autoFocus
        withAsterisk
        value={reason}
        error={error}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" disabled={!reason.trim()} onClick={() => void remove()}>
          {t('adult.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
