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

  'backup.title': 'Cadangan data',
  'backup.tab.list': 'Daftar cadangan',
  'backup.tab.settings': 'Pengaturan cadangan',
  'backup.now': 'Backup sekarang',
  'backup.now.help':
    'Membuat cadangan seluruh data saat ini. Salinan diperiksa keutuhannya sebelum masuk daftar; pekerjaan lain dapat berjalan terus.',
  'backup.progress.label': 'Kemajuan pencadangan',
  'backup.progress.waiting': 'Memulai pencadangan…',
  'backup.created': 'Cadangan dibuat: {at}, {size}.',
  'backup.created.second': 'Salinan juga disimpan di folder kedua ({dir}).',
  'backup.created.secondFailed':
    'Salinan ke folder kedua tidak dibuat: {message}. Cadangan di folder data tetap ada.',
  'backup.created.pruned': '{count} cadangan lama dihapus menurut aturan penyimpanan.',
  'backup.summary.retention': 'Disimpan: {daily} hari terakhir dan {monthly} bulan terakhir',
  'backup.summary.secondDir': 'Folder kedua: {dir}',
  'backup.summary.noSecondDir': 'Folder kedua: belum diatur',
  'backup.summary.encrypted': 'Enkripsi: aktif',
  'backup.summary.plain': 'Enkripsi: tidak aktif',
  'backup.summary.change': 'Ubah pengaturan',
  'backup.last': 'Cadangan terakhir: {at} ({ago})',
  'backup.last.none': 'Belum ada cadangan data.',
  'backup.last.old':
    'Cadangan terakhir lebih dari 2 hari yang lalu. Buat cadangan sekarang agar pekerjaan beberapa hari ini tidak hilang bila komputer rusak.',
  'backup.last.noneHelp':
    'Buat cadangan pertama sekarang. Setelah itu cadangan harian dibuat otomatis setiap hari saat aplikasi dibuka.',
  'backup.age.today': 'hari ini',
  'backup.age.yesterday': 'kemarin',
  'backup.age.days': '{days} hari lalu',
  'backup.card.open': 'Buka Cadangan data',
  'backup.list.empty':
    'Belum ada cadangan. Tekan "Backup sekarang" untuk membuat yang pertama; setelah itu cadangan harian dibuat otomatis.',
  'backup.col.createdAt': 'Tanggal cadangan',
  'backup.col.kind': 'Jenis',
  'backup.col.content': 'Isi',
  'backup.col.schema': 'Skema',
  'backup.col.size': 'Ukuran',
  'backup.col.status': 'Lokasi dan status',
  'backup.col.actions': 'Tindakan',
  'backup.records': '{persons} penduduk · {total} baris',
  'backup.noFacility': '(fasilitas belum diisi)',
  'backup.encrypted': 'Terenkripsi',
  'backup.notRestorable':
    'Dibuat Siklus yang lebih baru (skema {schema}): tidak dapat dipulihkan di versi ini.',
  'backup.verify': 'Periksa',
  'backup.verify.ok': 'Cadangan {at} baik: isinya dibuka dan diperiksa utuh.',
  'backup.verify.hashOnly':
    'Sidik berkas cadangan {at} cocok. Isinya terenkripsi dan tidak dibuka karena frasa sandi tidak tersedia.',
  'backup.verify.failed': 'Cadangan {at} bermasalah: {problems}',
  'backup.restore': 'Pulihkan',
  'backup.restore.title': 'Pulihkan data dari cadangan ini?',
  'backup.restore.confirm': 'Ya, pulihkan cadangan ini',
  'backup.restore.recoveryHelp':
    'Berkas basis data yang rusak dipindahkan ke folder backup/disisihkan (tidak dihapus) agar dapat diperiksa petugas TI. Data cadangan ini menggantikannya, lalu Anda masuk lagi.',
  'backup.restore.lost':
    'Pekerjaan yang dicatat setelah {at} tidak ada di cadangan ini. Data itu tetap tersimpan di basis data yang disisihkan.',
  'backup.restore.lostRecovery':
    'Pekerjaan yang dicatat setelah {at} tidak ada di cadangan ini. Sebelum memulihkan, tekan "Selamatkan data yang terbaca" agar petugas TI dapat mengambilnya dari berkas yang rusak.',
  'backup.restore.passphraseSaved': 'Kosongkan untuk memakai frasa sandi yang tersimpan.',
  'backup.restored':
    'Data dipulihkan dari cadangan {at}. Data sebelumnya disisihkan di {keptAside}. Silakan masuk lagi.',
  'backup.restored.noAside': 'Data dipulihkan dari cadangan {at}. Silakan masuk lagi.',
  'backup.restarting': 'Aplikasi dimulai ulang dengan data yang dipulihkan…',
  'backup.preview.createdAt': 'Tanggal cadangan',
  'backup.preview.kind': 'Jenis',
  'backup.preview.facility': 'Fasilitas',
  'backup.preview.schema': 'Versi skema',
  'backup.preview.schemaValue': '{schema} (dibuat Siklus {app})',
  'backup.preview.size': 'Ukuran berkas',
  'backup.preview.location': 'Lokasi',
  'backup.preview.records': 'Jumlah data',
  'backup.preview.total': 'Seluruh baris',
  'backup.table.person': 'Penduduk',
  'backup.table.desa': 'Desa/kelurahan',
  'backup.table.posyandu': 'Posyandu',
  'backup.table.nakes': 'Tenaga kesehatan',
  'backup.table.app_user': 'Pengguna',
  'backup.table.facility': 'Fasilitas',
  'backup.table.audit_log': 'Catatan audit',
  'backup.settings.saved': 'Pengaturan cadangan disimpan.',
  'backup.settings.retention': 'Penyimpanan',
  'backup.settings.secondDir': 'Folder kedua',
  'backup.settings.encryption': 'Enkripsi',
  'backup.secondDir.placeholder': 'mis. E:\\Cadangan Siklus',
  'backup.secondDir.pick': 'Pilih folder…',
  'backup.secondDir.available': 'Folder ini dapat dipakai sekarang.',
  'backup.secondDir.unavailable': 'Folder ini tidak tersedia sekarang: {reason}',
  'backup.secondDir.missing':
    'Folder kedua {dir} tidak tersedia sekarang ({reason}). Pasang flashdisk atau hard disk-nya sebelum pencadangan berikutnya.',
  'backup.passphrase.help':
    'Paling sedikit 10 karakter. Catat dan simpan di tempat aman di luar komputer ini.',
  'backup.passphrase.saved': 'Frasa sandi sudah tersimpan. Isi hanya bila ingin menggantinya.',
  'backup.encrypt.on': 'Enkripsi cadangan dengan frasa sandi',

  'system.title': 'Info & log',
  'system.dbSize': 'Ukuran basis data',
  'system.logDir': 'Folder log',
  'system.lastBackup': 'Cadangan terakhir',
  'system.logs.help':
    'Log harian disimpan di folder log dan diputar otomatis. Isinya hanya nama permintaan, waktu dan galat: tanpa nama, NIK atau nilai klinis.',
  'system.diagnostics': 'Ringkasan diagnostik',
  'system.diagnostics.help':
    'Berisi versi, ukuran, jumlah baris per tabel, cadangan terakhir dan peringatan terakhir; tanpa data pribadi. Kirimkan ke petugas TI bila diminta.',
  'system.copy': 'Salin ringkasan diagnostik',
  'system.copied': 'Disalin ke papan klip.',
  'system.copyFailed': 'Tidak dapat menyalin otomatis: pilih teksnya lalu tekan Ctrl+C.',

  'recovery.newest': 'Cadangan terbaru yang baik',
  'recovery.restore': 'Pulihkan cadangan ini',
  'recovery.others': 'Cadangan lain',
  'recovery.none':
    'Tidak ada cadangan yang dapat dipulihkan. Jangan hapus berkas apa pun di folder data; hubungi petugas TI. "Periksa berkas rusak" dan "Selamatkan data yang terbaca" di bawah membantu mereka.',
  'recovery.tooNew.advice':
    'Bila komputer ini baru saja memakai Siklus versi lebih baru, pasang kembali versi itu: data tetap utuh. Pulihkan cadangan lama hanya bila itu tidak mungkin.',
  'recovery.details': 'Keterangan untuk petugas TI',
  'recovery.dataDir': 'Folder data',
  'recovery.error': 'Pesan galat',
  'recovery.schema': 'Skema berkas {found}, aplikasi ini {supported}',
  'recovery.copy': 'Salin keterangan galat',
  'recovery.inspect': 'Periksa berkas rusak',
  'recovery.inspect.help':
    'Membuka berkas yang rusak hanya-baca dan menghitung baris yang masih terbaca. Berkas tidak diubah.',
  'recovery.inspect.opened': 'Berkas dapat dibuka hanya-baca (skema {schema}).',
  'recovery.inspect.notOpened': 'Berkas tidak dapat dibuka: {message}',
  'recovery.inspect.check': 'Hasil pemeriksaan SQLite',
  'recovery.inspect.unreadable': 'tidak terbaca',
  'recovery.inspect.noTables':
    'Daftar tabel di dalam berkas ikut rusak, jadi tidak ada tabel yang dapat dihitung ({message}).',
  'recovery.salvage.noSchema':
    'Tidak ada baris yang dapat disalin: daftar tabel di dalam berkas ikut rusak ({message}). Data hanya dapat kembali dari cadangan.',
  'recovery.salvage': 'Selamatkan data yang terbaca',
  'recovery.salvage.help':
    'Menyalin setiap baris yang masih terbaca ke berkas terpisah untuk petugas TI (misalnya pekerjaan sejak cadangan terakhir). Berkas yang rusak hanya dibaca.',
  'recovery.salvage.done': 'Data yang terbaca disalin ke {file}.',
  'recovery.salvage.stopped': 'berhenti: {error}',
  'recovery.col.table': 'Tabel',
  'recovery.col.rows': 'Baris terbaca',
  'recovery.loadFailed': 'Keadaan pemulihan tidak dapat dibaca: {message}',

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

  'backup.title': 'Data backups',
  'backup.tab.list': 'Backups',
  'backup.tab.settings': 'Backup settings',
  'backup.now': 'Back up now',
  'backup.now.help':
    'Makes a backup of all current data. The copy is checked for integrity before it is listed; other work can go on.',
  'backup.progress.label': 'Backup progress',
  'backup.progress.waiting': 'Starting the backup…',
  'backup.created': 'Backup made: {at}, {size}.',
  'backup.created.second': 'A copy was also saved in the second folder ({dir}).',
  'backup.created.secondFailed':
    'No copy was made in the second folder: {message}. The backup in the data folder exists.',
  'backup.created.pruned': '{count} old backups were removed by the retention rule.',
  'backup.summary.retention': 'Kept: the last {daily} days and the last {monthly} months',
  'backup.summary.secondDir': 'Second folder: {dir}',
  'backup.summary.noSecondDir': 'Second folder: not set',
  'backup.summary.encrypted': 'Encryption: on',
  'backup.summary.plain': 'Encryption: off',
  'backup.summary.change': 'Change settings',
  'backup.last': 'Last backup: {at} ({ago})',
  'backup.last.none': 'No data backup yet.',
  'backup.last.old':
    'The last backup is more than 2 days old. Make a backup now so the last few days of work are not lost if the computer fails.',
  'backup.last.noneHelp':
    'Make the first backup now. After that a daily backup is made automatically each day when the app is opened.',
  'backup.age.today': 'today',
  'backup.age.yesterday': 'yesterday',
  'backup.age.days': '{days} days ago',
  'backup.card.open': 'Open Data backups',
  'backup.list.empty':
    'No backups yet. Press "Back up now" to make the first one; after that daily backups are made automatically.',
  'backup.col.createdAt': 'Backup date',
  'backup.col.kind': 'Kind',
  'backup.col.content': 'Contents',
  'backup.col.schema': 'Schema',
  'backup.col.size': 'Size',
  'backup.col.status': 'Location and status',
  'backup.col.actions': 'Actions',
  'backup.records': '{persons} residents · {total} rows',
  'backup.noFacility': '(facility not set)',
  'backup.encrypted': 'Encrypted',
  'backup.notRestorable':
    'Made by a newer Siklus (schema {schema}): cannot be restored by this version.',
  'backup.verify': 'Verify',
  'backup.verify.ok': 'Backup {at} is good: its contents were opened and checked intact.',
  'backup.verify.hashOnly':
    'The fingerprint of backup {at} matches. Its contents are encrypted and were not opened because no passphrase is available.',
  'backup.verify.failed': 'Backup {at} has problems: {problems}',
  'backup.restore': 'Restore',
  'backup.restore.title': 'Restore the data from this backup?',
  'backup.restore.confirm': 'Yes, restore this backup',
  'backup.restore.recoveryHelp':
    'The damaged database file is moved to the backup/disisihkan folder (not deleted) so IT staff can examine it. This backup’s data replaces it, then you sign in again.',
  'backup.restore.lost':
    'Work recorded after {at} is not in this backup. That data stays in the database that is set aside.',
  'backup.restore.lostRecovery':
    'Work recorded after {at} is not in this backup. Before restoring, press "Salvage readable data" so IT staff can recover it from the damaged file.',
  'backup.restore.passphraseSaved': 'Leave empty to use the stored passphrase.',
  'backup.restored':
    'The data was restored from the backup of {at}. The previous data was set aside in {keptAside}. Please sign in again.',
  'backup.restored.noAside': 'The data was restored from the backup of {at}. Please sign in again.',
  'backup.restarting': 'The app is restarting with the restored data…',
  'backup.preview.createdAt': 'Backup date',
  'backup.preview.kind': 'Kind',
  'backup.preview.facility': 'Facility',
  'backup.preview.schema': 'Schema version',
  'backup.preview.schemaValue': '{schema} (made by Siklus {app})',
  'backup.preview.size': 'File size',
  'backup.preview.location': 'Location',
  'backup.preview.records': 'Records',
  'backup.preview.total': 'All rows',
  'backup.table.person': 'Residents',
  'backup.table.desa': 'Villages',
  'backup.table.posyandu': 'Posyandu',
  'backup.table.nakes': 'Health workers',
  'backup.table.app_user': 'Users',
  'backup.table.facility': 'Facility',
  'backup.table.audit_log': 'Audit entries',
  'backup.settings.saved': 'Backup settings saved.',
  'backup.settings.retention': 'Retention',
  'backup.settings.secondDir': 'Second folder',
  'backup.settings.encryption': 'Encryption',
  'backup.secondDir.placeholder': 'e.g. E:\\Siklus Backups',
  'backup.secondDir.pick': 'Choose folder…',
  'backup.secondDir.available': 'This folder can be used now.',
  'backup.secondDir.unavailable': 'This folder is not available now: {reason}',
  'backup.secondDir.missing':
    'The second folder {dir} is not available now ({reason}). Plug in its USB stick or disk before the next backup.',
  'backup.passphrase.help':
    'At least 10 characters. Write it down and keep it somewhere safe away from this computer.',
  'backup.passphrase.saved': 'A passphrase is already stored. Fill in only to replace it.',
  'backup.encrypt.on': 'Encrypt backups with a passphrase',

  'system.title': 'Info & logs',
  'system.dbSize': 'Database size',
  'system.logDir': 'Log folder',
  'system.lastBackup': 'Last backup',
  'system.logs.help':
    'Daily logs are kept in the log folder and rotated automatically. They hold only request names, times and errors: no names, NIK or clinical values.',
  'system.diagnostics': 'Diagnostic summary',
  'system.diagnostics.help':
    'Holds versions, sizes, rows per table, the last backups and recent warnings; no personal data. Send it to IT staff when asked.',
  'system.copy': 'Copy diagnostic summary',
  'system.copied': 'Copied to the clipboard.',
  'system.copyFailed': 'Could not copy automatically: select the text and press Ctrl+C.',

  'recovery.newest': 'Newest good backup',
  'recovery.restore': 'Restore this backup',
  'recovery.others': 'Other backups',
  'recovery.none':
    'There is no backup that can be restored. Do not delete any file in the data folder; contact IT staff. "Inspect the damaged file" and "Salvage readable data" below help them.',
  'recovery.tooNew.advice':
    'If this computer recently used a newer version of Siklus, install that version again: the data is intact. Restore an older backup only when that is not possible.',
  'recovery.details': 'Details for IT staff',
  'recovery.dataDir': 'Data folder',
  'recovery.error': 'Error message',
  'recovery.schema': 'File schema {found}, this app {supported}',
  'recovery.copy': 'Copy error details',
  'recovery.inspect': 'Inspect the damaged file',
  'recovery.inspect.help':
    'Opens the damaged file read-only and counts the rows that can still be read. The file is not changed.',
  'recovery.inspect.opened': 'The file opens read-only (schema {schema}).',
  'recovery.inspect.notOpened': 'The file cannot be opened: {message}',
  'recovery.inspect.check': 'SQLite check result',
  'recovery.inspect.unreadable': 'unreadable',
  'recovery.inspect.noTables':
    'The table list inside the file is damaged too, so no table can be counted ({message}).',
  'recovery.salvage.noSchema':
    'No rows could be copied: the table list inside the file is damaged too ({message}). The data can only come back from a backup.',
  'recovery.salvage': 'Salvage readable data',
  'recovery.salvage.help':
    'Copies every row that can still be read into a separate file for IT staff (e.g. the work since the last backup). The damaged file is only read.',
  'recovery.salvage.done': 'The readable data was copied to {file}.',
  'recovery.salvage.stopped': 'stopped: {error}',
  'recovery.col.table': 'Table',
  'recovery.col.rows': 'Rows read',
  'recovery.loadFailed': 'The recovery state could not be read: {message}',

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
