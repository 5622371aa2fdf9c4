import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ageLabel } from './BackupPreview';
import { backupAge } from './lastBackup';

/** "Cadangan terakhir: 22-11-2026 09.15 (hari ini)", orange when older than two days. */
export function LastBackupLine({ lastBackupAt }: { lastBackupAt: string | null }) {
  const t = useT();
  const age = backupAge(lastBackupAt, new Date());
  if (!lastBackupAt || !age) {
    return (
      <Text size="sm" fw={600} c="orange.9" data-testid="last-backup" data-stale="true">
        {t('backup.last.none')}
      </Text>
    );
  }
  return (
    <Text
      size="sm"
      fw={600}
      c={age.stale ? 'orange.9' : 'teal.9'}
      data-testid="last-backup"
      data-stale={age.stale ? 'true' : 'false'}
    >
      {t('backup.last', { at: shortDateTime(lastBackupAt), ago: ageLabel(t, lastBackupAt) })}
    </Text>
  );
}

/** Beranda, for admins: when the last good backup was made, with a way to make one. */
export function LastBackupCard() {
  const t = useT();
  const list = useQuery({ queryKey: ['backup.list'], queryFn: () => call('backup.list') });
  if (!list.data) return null;
  const { lastBackupAt, secondDir } = list.data;
  const age = backupAge(lastBackupAt, new Date());
  const warn = !age || age.stale || (secondDir !== null && !secondDir.available);
  return (
    <Alert
      maw={820}
      color={warn ? 'orange' : 'teal'}
      variant="light"
      icon={warn ? <IconAlertTriangle size={20} /> : <IconDatabase size={20} />}
      aria-label={t('system.lastBackup')}
    >
      <Group justify="space-between" wrap="nowrap" align="center">
        <div>
          <LastBackupLine lastBackupAt={lastBackupAt} />
          {!age && (
            <Text size="sm" mt={2}>
              {t('backup.last.noneHelp')}
            </Text>
          )}
          {age?.stale && (
            <Text size="sm" mt={2}>
              {t('backup.last.old')}
            </Text>
          )}
          {secondDir && !secondDir.available && (
            <Text size="sm" mt={2} c="orange.9">
              {t('backup.secondDir.missing', {
                dir: secondDir.dir,
                reason: secondDir.message ?? '',
              })}
            </Text>
          )}
        </div>
        <Button
          component={Link}
          href="/pengaturan/cadangan"
          variant={warn ? 'filled' : 'light'}
          color={warn ? 'orange' : 'teal'}
          size="xs"
          style={{ flexShrink: 0 }}
        >
          {t('backup.card.open')}
        </Button>
      </Group>
    </Alert>
  );
}
