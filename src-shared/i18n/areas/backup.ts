import type { AreaMessages } from './types';

/** Backups, restore, recovery mode and the "Info & log" page. */
const id = {
  'error.RECOVERY_MODE':
    'Basis data tidak dapat dibuka, aplikasi berjalan dalam mode pemulihan. Pulihkan dari cadangan terlebih dahulu.',
  'error.backup.notFound': 'Cadangan {id} tidak ditemukan di folder cadangan aplikasi.',
  'error.backup.busy': 'Pencadangan lain sedang berjalan. Tunggu sampai selesai.',
  'error.backup.failed': 'Pencadangan gagal: {reason}. Basis data tidak diubah.',
  'error.backup.passphraseMissing': 'Cadangan ini terenkripsi: masukkan frasa sandinya.',
  'error.backup.passphraseWrong': 'Frasa sandi salah: cadangan tidak dapat dibuka.',
  'error.backup.passphraseRequired': 'isi frasa sandi untuk menyalakan enkripsi',
  'error.backup.refused':
    'Cadangan tidak dapat dipulihkan: {reason}. Basis data yang sekarang tidak diubah.',
  'error.backup.noneRestorable': 'Tidak ada cadangan yang baik untuk dipulihkan.',
  'error.backup.notRecovery':
    'Aplikasi tidak dalam mode pemulihan. Pemulihan dilakukan oleh admin dari menu Cadangan.',
  'error.backup.secondDir.relative': 'harus alamat folder lengkap (mis. E:\\Cadangan)',
  'error.backup.secondDir.inside': 'tidak boleh di dalam folder data aplikasi',
  'error.backup.secondDir.unavailable': 'tidak dapat dipakai: {reason}',
  'error.backup.pickUnavailable': 'Pemilihan folder hanya tersedia di aplikasi desktop.',
  'error.backup.restarting': 'Aplikasi sedang dimulai ulang dengan data yang dipulihkan.',
  'error.backup.salvage': 'Data tidak dapat diselamatkan dari berkas yang rusak: {reason}.',

  'backup.progress.copy': 'Menyalin basis data',
  'backup.progress.check': 'Memeriksa salinan',
  'backup.progress.hash': 'Menghitung sidik berkas',
  'backup.progress.encrypt': 'Mengenkripsi salinan',
  'backup.progress.second': 'Menyalin ke folder kedua',
  'backup.progress.done': 'Cadangan selesai',

  'backup.kind.harian': 'Harian (otomatis)',
  'backup.kind.manual': 'Manual',
  'backup.kind.pra-migrasi': 'Sebelum pembaruan skema',
  'backup.status.ok': 'Baik',
  'backup.status.hilang': 'Berkas hilang',
  'backup.status.rusak': 'Berkas rusak',
  'backup.location.utama': 'Folder data',
  'backup.location.kedua': 'Folder kedua',

  'backup.help.retention':
    'Cadangan harian dibuat otomatis saat aplikasi pertama dibuka setiap hari. Disimpan: satu cadangan per hari untuk {daily} hari terakhir dan satu per bulan untuk {monthly} bulan terakhir; yang lebih lama dihapus otomatis.',
  'backup.help.secondDir':
    'Folder kedua (mis. flashdisk atau hard disk eksternal) menerima salinan setiap cadangan. Jika folder itu tidak tersedia saat pencadangan, cadangan di folder data tetap dibuat dan Anda diberi tahu.',
  'backup.help.encryption':
    'Enkripsi melindungi salinan cadangan yang dibawa keluar dari komputer ini (flashdisk hilang atau dipinjam orang). Kuncinya diturunkan dari frasa sandi admin (age, scrypt); berkas dapat dibuka dengan program age standar: age -d berkas.sqlite3.age. Akibatnya: tanpa frasa sandi, cadangan TIDAK dapat dipulihkan oleh siapa pun, termasuk tim Siklus. Simpan frasa sandi di tempat aman di luar komputer ini. Frasa sandi disimpan di basis data aplikasi agar cadangan harian berjalan otomatis, jadi enkripsi tidak melindungi data di komputer ini sendiri. Tanpa enkripsi, siapa pun yang memegang flashdisk dapat membaca data pasien.',
  'backup.help.restore':
    'Memulihkan mengganti seluruh data dengan isi cadangan yang dipilih. Basis data yang sekarang tidak dihapus: disisihkan ke folder backup/disisihkan. Setelah itu aplikasi dimulai ulang dan semua pengguna harus masuk lagi.',

  'recovery.title': 'Mode pemulihan',
  'recovery.help':
    'Basis data tidak dapat dibuka dengan aman. Tidak ada data yang diubah. Pilih cadangan terbaru yang baik untuk dipulihkan; berkas yang rusak disisihkan (tidak dihapus) agar dapat diperiksa petugas TI.',
  'recovery.reason.corrupt': 'Berkas basis data rusak.',
  'recovery.reason.missing':
    'Berkas basis data tidak ada, padahal ada cadangan. Pulihkan cadangan terbaru; aplikasi tidak memulai data baru di atas data puskesmas.',
  'recovery.reason.unreadable': 'Berkas basis data tidak dapat dibaca.',
  'recovery.reason.tooNew':
    'Basis data dibuat oleh Siklus versi yang lebih baru. Sebaiknya perbarui aplikasi; memulihkan cadangan lama akan kehilangan data yang lebih baru.',
  'recovery.reason.migrationFailed': 'Pembaruan skema basis data gagal.',
  'recovery.reason.openFailed': 'Basis data tidak dapat dibuka.',

  'field.keepDaily': 'Simpan cadangan harian (hari)',
  'field.keepMonthly': 'Simpan cadangan bulanan (bulan)',
  'field.secondDir': 'Folder kedua',
  'field.encrypt': 'Enkripsi cadangan',
  'field.passphrase': 'Frasa sandi cadangan',
  'field.passphraseConfirm': 'Ulangi frasa sandi',
  'field.location': 'Lokasi cadangan',
  'field.taskId': 'Tugas',
} as const;

const en: AreaMessages<typeof id> = {
  'error.RECOVERY_MODE':
    'The database could not be opened; the app is running in recovery mode. Restore from a backup first.',
  'error.backup.notFound': 'Backup {id} was not found in the app’s backup folders.',
  'error.backup.busy': 'Another backup is running. Wait until it finishes.',
  'error.backup.failed': 'Backup failed: {reason}. The database was not changed.',
  'error.backup.passphraseMissing': 'This backup is encrypted: enter its passphrase.',
  'error.backup.passphraseWrong': 'Wrong passphrase: the backup cannot be opened.',
  'error.backup.passphraseRequired': 'enter a passphrase to turn encryption on',
  'error.backup.refused':
    'This backup cannot be restored: {reason}. The current database was not changed.',
  'error.backup.noneRestorable': 'There is no good backup to restore.',
  'error.backup.notRecovery':
    'The app is not in recovery mode. An admin restores backups from the Backups menu.',
  'error.backup.secondDir.relative': 'must be a full folder path (e.g. E:\\Backups)',
  'error.backup.secondDir.inside': 'must not be inside the app’s data folder',
  'error.backup.secondDir.unavailable': 'cannot be used: {reason}',
  'error.backup.pickUnavailable': 'Choosing a folder is only available in the desktop app.',
  'error.backup.restarting': 'The app is restarting with the restored data.',
  'error.backup.salvage': 'No data could be salvaged from the damaged file: {reason}.',

  'backup.progress.copy': 'Copying the database',
  'backup.progress.check': 'Checking the copy',
  'backup.progress.hash': 'Computing the file fingerprint',
  'backup.progress.encrypt': 'Encrypting the copy',
  'backup.progress.second': 'Copying to the second folder',
  'backup.progress.done': 'Backup finished',

  'backup.kind.harian': 'Daily (automatic)',
  'backup.kind.manual': 'Manual',
  'backup.kind.pra-migrasi': 'Before a schema update',
  'backup.status.ok': 'Good',
  'backup.status.hilang': 'File missing',
  'backup.status.rusak': 'File damaged',
  'backup.location.utama': 'Data folder',
  'backup.location.kedua': 'Second folder',

  'backup.help.retention':
    'A daily backup is made automatically when the app is first opened each day. Kept: one backup per day for the last {daily} days and one per month for the last {monthly} months; older ones are removed automatically.',
  'backup.help.secondDir':
    'The second folder (e.g. a USB stick or external disk) receives a copy of every backup. If it is not available during a backup, the backup in the data folder is still made and you are told.',
  'backup.help.encryption':
    'Encryption protects backup copies taken away from this computer (a lost or borrowed USB stick). The key is derived from an admin passphrase (age, scrypt); the files open with the standard age program: age -d file.sqlite3.age. The consequence: without the passphrase NOBODY can restore the backups, not even the Siklus team. Keep the passphrase somewhere safe away from this computer. The passphrase is stored in the app’s database so daily backups run unattended, so encryption does not protect the data on this computer itself. Without encryption, anyone holding the USB stick can read patient data.',
  'backup.help.restore':
    'Restoring replaces all data with the chosen backup. The current database is not deleted: it is set aside in backup/disisihkan. The app then restarts and every user must sign in again.',

  'recovery.title': 'Recovery mode',
  'recovery.help':
    'The database cannot be opened safely. No data was changed. Choose the newest good backup to restore; the damaged file is set aside (not deleted) so IT staff can examine it.',
  'recovery.reason.corrupt': 'The database file is damaged.',
  'recovery.reason.missing':
    'The database file is missing although backups exist. Restore the newest backup; the app does not start afresh over the clinic’s data.',
  'recovery.reason.unreadable': 'The database file cannot be read.',
  'recovery.reason.tooNew':
    'The database was made by a newer version of Siklus. Prefer updating the app; restoring an older backup loses the newer data.',
  'recovery.reason.migrationFailed': 'The database schema update failed.',
  'recovery.reason.openFailed': 'The database cannot be opened.',

  'field.keepDaily': 'Keep daily backups (days)',
  'field.keepMonthly': 'Keep monthly backups (months)',
  'field.secondDir': 'Second folder',
  'field.encrypt': 'Encrypt backups',
  'field.passphrase': 'Backup passphrase',
  'field.passphraseConfirm': 'Repeat passphrase',
  'field.location': 'Backup location',
  'field.taskId': 'Task',
};

export const backup = { id, en };
