import { Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../lib/i18n';

/** Ask for the reason of a soft delete. */
export function DeleteDialog({
  title,
  opened,
  onClose,
  onConfirm,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<string | null>;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Text size="sm" mb="sm">
        {t('child.delete.body')}
      </Text>
      <Textarea
        label={t('field.reason')}
        withAsterisk
        data-autofocus
        value={reason}
        error={error}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={busy}
          disabled={!reason.trim()}
          onClick={() => {
            setBusy(true);
            void onConfirm(reason.trim()).then((problem) => {
              setBusy(false);
              if (problem) setError(problem);
              else close();
            });
          }}
        >
          {t('child.action.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
