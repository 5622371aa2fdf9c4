import type { AreaMessages } from './types';

/**
 * The monthly bundle to Dinkes: keys, "Kirim ke Dinkes" (export, pre-flight, history) and the
 * Dinkes screens (Terima paket, Puskesmas, Kelengkapan, Rekap kabupaten).
 */
const id = {
  // Navigation (Dinkes mode)
  'nav.dinkes.import': 'Terima paket',
  'nav.dinkes.puskesmas': 'Puskesmas',
  'nav.dinkes.completeness': 'Kelengkapan',
  'nav.dinkes.recap': 'Rekap kabupaten',

  // Fields
  'field.keyPassphrase': 'Kata sandi kunci',
  'field.keyPassphraseConfirm': 'Ulangi kata sandi kunci',
  'field.recipientText': 'Kunci publik Dinkes',
  'field.recipient': 'Kunci publik Dinkes',
  'field.label': 'Keterangan',
  'field.period': 'Bulan laporan',
  'field.lock': 'Penguncian paket',
  'field.bundlePassphrase': 'Kata sandi paket',
  'field.bundlePassphraseConfirm': 'Ulangi kata sandi paket',
  'field.destination': 'Simpan ke',
  'field.folder': 'Folder tujuan',
  'field.lateDay': 'Batas tepat waktu',
  'field.files': 'Berkas paket',
  'field.pendingId': 'Kunci yang menunggu',
  'field.view': 'Tampilan',

  // Validation
  'validation.period': 'bulan harus ditulis TTTT-BB (mis. 2026-10)',
  'validation.keyPassphrase.min': 'paling sedikit 10 karakter',
  'validation.import.nothing': 'pilih berkas .siklus atau isi folder',

  // Errors
  'error.bundle.puskesmasOnly': 'Fitur ini hanya untuk aplikasi dalam mode puskesmas.',
  'error.bundle.dinkesOnly': 'Fitur ini hanya untuk aplikasi dalam mode Dinkes.',
  'error.bundle.recipientInvalid':
    'bukan kunci publik Dinkes yang sah: harus satu baris yang diawali "age1" (62 karakter). Periksa salah ketik.',
  'error.bundle.recipientNone': 'tidak ada kunci "age1…" di dalam teks atau berkas ini',
  'error.bundle.recipientSecret':
    'ini kunci RAHASIA Dinkes (AGE-SECRET-KEY-…), bukan kunci publik. Jangan dibagikan; minta Dinkes mengirim kunci publiknya (age1…).',
  'error.bundle.noDinkesKey': 'Kunci Dinkes belum dibuat. Buat di Pengaturan.',
  'error.bundle.locked': 'Kunci Dinkes masih terkunci. Buka dengan kata sandinya dahulu.',
  'error.bundle.busy': 'Pekerjaan paket lain sedang berjalan. Tunggu sampai selesai.',
  'error.bundle.noReportEngine':
    'Mesin laporan belum tersedia: laporan indikator bulanan belum dapat dibuat, jadi paket belum dapat dikirim.',
  'error.bundle.reportInvalid': 'Laporan indikator yang dibuat tidak sah; paket tidak dibuat.',
  'error.bundle.reportMismatch':
    'Laporan indikator dibuat untuk periode {period} / fasilitas {kode}, bukan untuk paket ini.',
  'error.bundle.folder.relative': 'harus alamat folder lengkap (mis. E:\\ atau /media/usb)',
  'error.bundle.folder.inside': 'tidak boleh di dalam folder data aplikasi',
  'error.bundle.folder.unavailable':
    'folder {folder} tidak ada atau tidak dapat ditulisi (flashdisk tercabut?)',
  'error.bundle.folder.write': 'berkas tidak dapat ditulis: {reason}. Tidak ada yang dicatat.',
  'error.bundle.folder.unreadable': 'folder {folder} tidak dapat dibaca',
  'error.bundle.folder.empty': 'tidak ada berkas .siklus di folder {folder}',
  'error.bundle.alreadyAcknowledged': 'Paket ini sudah ditandai diterima Dinkes.',
  'error.bundle.pickUnavailable':
    'Pemilihan folder hanya tersedia di aplikasi desktop; ketik alamat foldernya.',
  'error.bundle.exportFailed': 'Paket tidak dapat dibuat: {reason}. Tidak ada yang dicatat.',
  'error.bundle.pendingGone':
    'Paket yang menunggu konfirmasi sudah tidak ada (aplikasi dimulai ulang?). Impor berkasnya lagi.',

  // Progress
  'bundle.progress.preflight': 'Pemeriksaan awal',
  'bundle.progress.key': 'Membuka kunci tanda tangan',
  'bundle.progress.report': 'Menyusun laporan indikator',
  'bundle.progress.serialize': 'Menyusun data',
  'bundle.progress.sign': 'Menandatangani',
  'bundle.progress.zip': 'Memadatkan',
  'bundle.progress.encrypt': 'Mengenkripsi untuk Dinkes',
  'bundle.progress.save': 'Menyimpan berkas',
  'bundle.progress.done': 'Selesai',
  'bundle.progress.import': 'Memeriksa {file} ({index} dari {count})',

  // Import outcomes
  'bundle.import.applied':
    '{name}, {period} revisi {revision}: diterima ({records} data, {changed} baru atau berubah).',
  'bundle.import.replaced':
    '{name}, {period} revisi {revision}: diterima dan menggantikan revisi sebelumnya ({records} data, {changed} baru atau berubah).',
  'bundle.import.duplicate':
    '{name}, {period} revisi {revision}: paket yang sama sudah pernah diterima. Tidak ada perubahan.',
  'bundle.import.older':
    '{name}, {period}: paket ini revisi {revision}, lebih lama dari revisi {latest} yang sudah diterima. Tidak diterapkan.',
  'bundle.import.conflict':
    '{name}, {period}: revisi {revision} sudah diterima dengan isi yang berbeda. Tidak diterapkan; minta puskesmas membuat revisi baru.',
  'bundle.import.needsPassphrase':
    'Paket ini dikunci dengan kata sandi paket (puskesmas belum memakai kunci Dinkes). Isi kata sandi paket lalu coba lagi.',
  'bundle.import.signerMismatch':
    'Paket ditandatangani dengan kunci milik {owner}, tetapi mengaku dari {kode}. Paket ditolak.',
  'bundle.import.reportInvalid': 'Laporan indikator dalam paket tidak sah. Paket ditolak.',
  'bundle.import.reportMismatch':
    'Laporan indikator dalam paket untuk periode atau puskesmas lain. Paket ditolak.',
  'bundle.import.chainGap':
    'Paket sebelumnya dari puskesmas ini belum diterima (rantai paket terputus). Data tetap diterapkan; minta paket yang hilang.',
  'bundle.import.pendingFull':
    'Terlalu banyak paket menunggu konfirmasi sidik jari. Konfirmasi atau buang yang menunggu dahulu.',
  'bundle.import.unknownSigner':
    '{name} ({kode}) belum terdaftar. Cocokkan sidik jari kunci {fingerprint} dengan puskesmas sebelum mempercayainya.',
  'bundle.import.keyChanged':
    '{name} ({kode}) memakai kunci tanda tangan BARU ({fingerprint}). Percayai hanya bila puskesmas memang membuat kunci baru.',
  'bundle.import.cancelled': 'Dibatalkan sebelum diperiksa. Tidak ada yang diubah.',

  // Pre-flight
  'preflight.kode.missing': 'Kode puskesmas belum diisi',
  'preflight.kode.missing.detail':
    'Paket memerlukan kode fasilitas (kode puskesmas Kemenkes, kode registrasi, BPJS atau SATUSEHAT) yang dipakai Dinkes untuk mengenali puskesmas.',
  'preflight.kode.invalid': 'Kode fasilitas {kode} tidak dapat dipakai untuk nama berkas',
  'preflight.kode.fallback': 'Kode puskesmas Kemenkes belum diisi: paket memakai kode {kode}',
  'preflight.kode.fallback.detail':
    'Pastikan Dinkes mengenali puskesmas dengan kode ini; kode yang sudah dipakai sebaiknya tidak diganti.',
  'preflight.kode.ok': 'Kode puskesmas: {kode}',
  'preflight.signing.missing': 'Kunci tanda tangan puskesmas belum dibuat',
  'preflight.signing.missing.detail':
    'Admin membuatnya sekali di tab Kunci; Dinkes mengenali puskesmas dari kunci ini.',
  'preflight.signing.ok': 'Kunci tanda tangan siap (sidik jari {fingerprint})',
  'preflight.recipients.missing': 'Belum ada kunci publik Dinkes',
  'preflight.recipients.missing.detail':
    'Tanpa kunci Dinkes, paket hanya dapat dikunci dengan kata sandi paket yang disampaikan ke Dinkes lewat jalur lain (telepon).',
  'preflight.recipients.ok': 'Paket dienkripsi untuk {count} kunci Dinkes',
  'preflight.period.future': 'Bulan ini belum dimulai',
  'preflight.period.running': 'Bulan ini belum berakhir',
  'preflight.period.running.detail':
    'Data yang dicatat setelah paket dibuat akan dikirim sebagai revisi berikutnya.',
  'preflight.period.old': 'Bulan ini lebih dari dua tahun yang lalu',
  'preflight.period.ok': 'Bulan laporan sudah berakhir',
  'preflight.report.missing.detail':
    'Laporan indikator dibuat oleh modul Laporan. Hubungi pengelola Siklus untuk memperbarui aplikasi.',
  'preflight.report.failed': 'Laporan indikator tidak dapat dibuat: {reason}',
  'preflight.report.ok': 'Laporan indikator: {count} indikator ({computable} dapat dihitung)',
  'preflight.sasaran.ok': 'Sasaran tahun {year} terisi untuk semua desa',
  'preflight.sasaran.missing': 'Sasaran tahun {year} belum diisi ({count})',
  'preflight.sasaran.missing.detail':
    'Tanpa sasaran, cakupan desa ini tidak dapat dihitung di laporan dan rekap Dinkes.',
  'preflight.nik.ok': 'NIK: tidak ada peringatan ({count} penduduk diperiksa)',
  'preflight.nik.warnings': '{count} penduduk dengan NIK yang perlu diperiksa',
  'preflight.nik.warnings.detail':
    'NIK tidak cocok dengan jenis kelamin, tanggal lahir atau kode wilayah. Periksa kartu identitasnya; paket tetap dapat dikirim.',
  'preflight.unacknowledged': '{count} paket sebelumnya belum ditandai diterima Dinkes',
  'preflight.unacknowledged.detail':
    'Paket ini memuat lagi semua data sejak paket terakhir yang diterima; Dinkes tidak akan menghitungnya dua kali.',
  'preflight.checkFailed': 'Pemeriksaan {check} tidak dapat dijalankan',
  'preflight.link.settings': 'Buka Pengaturan',
  'preflight.link.keys': 'Buka tab Kunci',
  'preflight.link.sasaran': 'Buka Klaster 1',
  'preflight.link.persons': 'Buka Penduduk',
  'preflight.link.history': 'Buka Riwayat',

  // Kirim ke Dinkes (puskesmas)
  'bundle.tab.send': 'Kirim paket',
  'bundle.tab.history': 'Riwayat',
  'bundle.tab.keys': 'Kunci',
  'bundle.step.check': '1. Bulan dan pemeriksaan awal',
  'bundle.step.build': '2. Buat dan simpan paket',
  'bundle.revision': 'Revisi ke-{revision}',
  'bundle.since': '{records} data berubah sejak paket yang diterima Dinkes ({date})',
  'bundle.sinceAll': '{records} data (belum ada paket yang diterima Dinkes: semua data ikut)',
  'bundle.recheck': 'Periksa ulang',
  'bundle.items.more': 'dan {count} lainnya',
  'bundle.lock.recipients': 'Kunci Dinkes ({count})',
  'bundle.lock.passphrase': 'Kata sandi paket',
  'bundle.lock.passphrase.help':
    'Sampaikan kata sandi ini ke Dinkes lewat telepon, jangan bersama berkasnya.',
  'bundle.destination.folder': 'Folder atau flashdisk',
  'bundle.destination.download': 'Unduh berkas',
  'bundle.folder.help': 'Alamat lengkap folder, mis. E:\\ atau /media/flashdisk.',
  'bundle.folder.pick': 'Pilih folder…',
  'bundle.build': 'Buat paket',
  'bundle.blocked': 'Perbaiki dulu hal yang bertanda merah di pemeriksaan awal.',
  'bundle.adminOnly': 'Hanya admin yang dapat membuat dan mengirim paket.',
  'bundle.cancel': 'Batalkan',
  'bundle.cancelled': 'Pembuatan paket dibatalkan. Tidak ada yang dicatat.',
  'bundle.done.title': 'Paket siap dikirim',
  'bundle.done.saved': 'Tersimpan: {path}',
  'bundle.done.downloaded': 'Berkas {file} diunduh.',
  'bundle.done.next':
    'Kirim berkas ini ke Dinkes (flashdisk atau email). Setelah Dinkes mengonfirmasi, tandai "Dinkes sudah menerima" di Riwayat.',
  'bundle.sha256': 'SHA-256',
  'bundle.records': '{count} data',
  'bundle.history.empty': 'Belum ada paket. Buat paket pertama di tab Kirim paket.',
  'bundle.history.col.period': 'Bulan',
  'bundle.history.col.revision': 'Revisi',
  'bundle.history.col.file': 'Berkas',
  'bundle.history.col.created': 'Dibuat',
  'bundle.history.col.records': 'Data',
  'bundle.history.col.sha': 'SHA-256',
  'bundle.history.col.saved': 'Disimpan ke',
  'bundle.history.col.status': 'Status',
  'bundle.history.downloaded': 'diunduh',
  'bundle.history.passphraseLock': 'kata sandi',
  'bundle.history.received': 'Diterima Dinkes {date}',
  'bundle.history.waiting': 'Menunggu konfirmasi Dinkes',
  'bundle.ack': 'Dinkes sudah menerima',
  'bundle.ack.title': 'Tandai paket sudah diterima Dinkes?',
  'bundle.ack.body':
    '{file}: tandai hanya setelah Dinkes mengonfirmasi paket ini diterima dan dapat dibuka. Paket berikutnya hanya memuat data yang berubah setelah paket ini.',
  'bundle.ack.done': 'Ditandai diterima Dinkes',

  // Keys (puskesmas)
  'keys.signing.title': 'Kunci tanda tangan puskesmas',
  'keys.signing.intro':
    'Setiap paket ditandatangani dengan kunci ini, sehingga Dinkes tahu paket benar dari puskesmas ini dan tidak diubah. Kunci disimpan terenkripsi dengan kata sandi; tanpa kata sandi paket tidak dapat dibuat.',
  'keys.signing.create': 'Buat kunci tanda tangan',
  'keys.signing.created': 'Kunci tanda tangan dibuat',
  'keys.passphrase.help':
    'Paling sedikit 10 karakter. Simpan di tempat aman: kata sandi yang hilang tidak dapat dipulihkan.',
  'keys.fingerprint': 'Sidik jari',
  'keys.keyId': 'Nomor kunci',
  'keys.publicKey': 'Kunci publik',
  'keys.fingerprint.readOut':
    'Bacakan sidik jari ini ke petugas Dinkes saat paket pertama dikirim (lewat telepon).',
  'keys.recipients.title': 'Kunci publik Dinkes (tujuan paket)',
  'keys.recipients.intro':
    'Paket dienkripsi untuk kunci ini: hanya Dinkes yang dapat membukanya. Dinkes dapat memberi kunci cadangan; paket dapat dibuka dengan salah satunya.',
  'keys.recipients.empty': 'Belum ada kunci Dinkes. Tempel kunci publiknya atau muat berkasnya.',
  'keys.recipients.add': 'Tambahkan kunci Dinkes',
  'keys.recipients.added': 'Kunci Dinkes ditambahkan. Cocokkan sidik jarinya dengan Dinkes.',
  'keys.recipients.remove': 'Hapus',
  'keys.recipients.removed': 'Kunci Dinkes dihapus',
  'keys.recipients.placeholder': 'age1…',
  'keys.recipients.file': 'Muat berkas kunci Dinkes',
  'keys.recipients.drop': 'Tarik berkas dinkes-recipient.txt ke sini',
  'keys.recipients.verify':
    'Cocokkan sidik jari di atas dengan yang dibacakan Dinkes sebelum mengirim paket.',
  'keys.adminOnly': 'Hanya admin yang dapat membuat atau mengubah kunci.',

  // Keys (Dinkes)
  'keys.dinkes.title': 'Kunci Dinkes',
  'keys.dinkes.intro':
    'Puskesmas mengenkripsi paket untuk kunci publik ini; hanya kunci rahasia Dinkes (tersimpan terenkripsi dengan kata sandi) yang dapat membukanya.',
  'keys.dinkes.create': 'Buat kunci Dinkes',
  'keys.dinkes.created': 'Kunci Dinkes dibuat',
  'keys.dinkes.share':
    'Berikan kunci publik ini ke setiap puskesmas: sebagai teks, dengan kode QR, atau sebagai berkas. Bacakan sidik jarinya lewat telepon agar puskesmas dapat mencocokkannya.',
  'keys.dinkes.download': 'Unduh berkas kunci publik',
  'keys.dinkes.qr': 'Kode QR kunci publik Dinkes',
  'keys.dinkes.unlock': 'Buka kunci',
  'keys.dinkes.unlock.title': 'Buka kunci Dinkes',
  'keys.dinkes.unlock.help':
    'Kunci terbuka hanya untuk sesi ini dan dilupakan saat layar dikunci atau keluar.',
  'keys.dinkes.unlocked': 'Kunci Dinkes terbuka untuk sesi ini',
  'keys.dinkes.lock': 'Kunci lagi',
  'keys.dinkes.missing': 'Kunci Dinkes belum dibuat. Admin membuatnya di Pengaturan.',
  'keys.copy': 'Salin',
  'keys.copied': 'Disalin',

  // Dinkes home
  'dinkes.home.intro':
    'Siklus mode Dinkes menerima paket bulanan dari puskesmas, memeriksa keasliannya, dan menyusun rekap kabupaten.',
  'dinkes.home.puskesmas': 'Puskesmas terdaftar',
  'dinkes.home.lastMonth': 'Paket {period} diterima',
  'dinkes.home.key': 'Kunci Dinkes',
  'dinkes.home.keyReady': 'Siap (sidik jari {fingerprint})',
  'dinkes.home.start': 'Langkah berikut',

  // Import screen
  'import.title': 'Terima paket',
  'import.drop': 'Tarik berkas .siklus ke sini',
  'import.drop.or': 'atau',
  'import.choose': 'Pilih berkas…',
  'import.folder.title': 'Impor semua paket di sebuah folder',
  'import.folder.run': 'Impor folder',
  'import.folder.placeholder': 'Alamat folder, mis. E:\\ atau /media/flashdisk',
  'import.passphrase.help':
    'Hanya untuk paket dari puskesmas yang belum memakai kunci Dinkes (kata sandi disampaikan lewat telepon).',
  'import.retryPassphrase': 'Coba lagi dengan kata sandi',
  'import.results': 'Hasil impor',
  'import.col.file': 'Berkas',
  'import.col.puskesmas': 'Puskesmas',
  'import.col.period': 'Bulan',
  'import.col.revision': 'Revisi',
  'import.col.outcome': 'Hasil',
  'import.col.message': 'Keterangan',
  'import.outcome.applied': 'Diterima',
  'import.outcome.replaced': 'Revisi diterima',
  'import.outcome.duplicate': 'Sudah ada',
  'import.outcome.older': 'Revisi lama',
  'import.outcome.conflict': 'Bentrok',
  'import.outcome.unknownSigner': 'Menunggu konfirmasi',
  'import.outcome.needsPassphrase': 'Perlu kata sandi',
  'import.outcome.refused': 'Ditolak',
  'import.pending.title': 'Kunci puskesmas menunggu konfirmasi',
  'import.pending.new': '{name} ({kode}) belum terdaftar',
  'import.pending.changed': '{name} ({kode}) memakai kunci baru',
  'import.pending.previous':
    'Kunci yang terdaftar sampai sekarang: sidik jari {fingerprint}. Percayai kunci baru hanya bila puskesmas memang membuatnya.',
  'import.pending.howto':
    'Telepon puskesmas dan minta petugasnya membacakan sidik jari di layar Kirim ke Dinkes → Kunci. Percayai hanya bila sama persis.',
  'import.pending.files': 'Paket yang ditahan: {files}',
  'import.pending.confirm': 'Sidik jari cocok: percayai dan impor',
  'import.pending.discard': 'Buang',
  'import.pending.adminOnly': 'Hanya admin yang dapat mempercayai kunci puskesmas.',
  'import.history': 'Riwayat penerimaan',
  'import.history.empty': 'Belum ada paket yang diterima.',
  'import.history.chainGap': 'paket sebelumnya belum diterima',
  'import.status.applied': 'berlaku',
  'import.status.superseded': 'diganti revisi',
  'import.col.received': 'Diterima',
  'import.col.records': 'Data',

  // Puskesmas registry
  'registry.title': 'Puskesmas',
  'registry.empty':
    'Belum ada puskesmas. Puskesmas terdaftar saat paket pertamanya diterima dan sidik jari kuncinya dikonfirmasi di Terima paket.',
  'registry.col.kode': 'Kode',
  'registry.col.name': 'Nama puskesmas',
  'registry.col.fingerprint': 'Sidik jari kunci',
  'registry.col.confirmed': 'Dipercaya sejak',
  'registry.col.bundles': 'Paket',
  'registry.col.records': 'Data',
  'registry.col.last': 'Paket terakhir',
  'registry.detail.codes': 'Kode lain',
  'registry.detail.imports': 'Paket yang diterima',

  // Completeness
  'completeness.title': 'Kelengkapan laporan',
  'completeness.empty':
    'Belum ada puskesmas terdaftar. Puskesmas muncul di sini setelah paket pertamanya diterima.',
  'completeness.legend.received': 'Diterima tepat waktu',
  'completeness.legend.late': 'Terlambat',
  'completeness.legend.revised': 'Ada revisi',
  'completeness.legend.missing': 'Belum masuk (lewat batas)',
  'completeness.legend.notDue': 'Belum jatuh tempo',
  'completeness.legend.open': 'Bulan berjalan',
  'completeness.legend.before': 'Sebelum memakai Siklus',
  'completeness.deadline': 'Tepat waktu: diterima paling lambat tanggal {day} bulan berikutnya.',
  'completeness.cell.received': 'Diterima {date}',
  'completeness.cell.revised': 'revisi {revision}, terakhir {date}',
  'completeness.cell.missing': 'Belum masuk; batas {date}',
  'completeness.cell.notDue': 'Belum masuk; batas {date}',
  'completeness.cell.open': 'Bulan belum berakhir',
  'completeness.cell.before': 'Sebelum paket pertama puskesmas ini',
  'completeness.total': 'Masuk',
  'completeness.settings.title': 'Kelengkapan laporan',
  'completeness.settings.help':
    'Paket yang diterima setelah tanggal ini di bulan berikutnya ditandai terlambat.',
  'completeness.settings.saved': 'Batas tepat waktu disimpan',
  'completeness.lateDay.suffix': 'bulan berikutnya',

  // Recap
  'recap.title': 'Rekap kabupaten',
  'recap.view.puskesmas': 'Per puskesmas',
  'recap.view.desa': 'Per desa',
  'recap.allClusters': 'Semua klaster',
  'recap.xlsx': 'Unduh Excel',
  'recap.reporting': 'Laporan masuk: {count} dari {total} puskesmas',
  'recap.missingList': 'Belum masuk: {names}',
  'recap.definitions':
    'Laporan dihitung dengan versi definisi indikator yang berbeda ({versions}); bandingkan dengan hati-hati.',
  'recap.empty': 'Belum ada laporan puskesmas untuk bulan ini.',
  'recap.notComputable': 'Belum dapat dihitung di: {names}',
  'recap.partial': 'sebagian tanpa data',
  'recap.luar': 'Luar wilayah (semua puskesmas)',
  'recap.total': 'Total kabupaten',
  'recap.noData': 'tidak ada data',
  'recap.col.code': 'Kode',
  'recap.col.indicator': 'Indikator',
  'recap.col.puskesmas': 'Puskesmas',
  'recap.col.desa': 'Desa/kelurahan',
  'recap.col.kode': 'Kode puskesmas',
  'recap.col.target': 'Sasaran',
  'recap.col.month': 'Bulan ini',
  'recap.col.ytd': 'Kumulatif',
  'recap.col.monthNum': 'Bulan ini: pembilang',
  'recap.col.monthDen': 'Bulan ini: penyebut',
  'recap.col.monthValue': 'Bulan ini: nilai',
  'recap.col.ytdNum': 'Kumulatif: pembilang',
  'recap.col.ytdDen': 'Kumulatif: penyebut',
  'recap.col.ytdValue': 'Kumulatif: nilai',
  'recap.col.pctTarget': '% sasaran',
  'recap.col.numDen': 'Pembilang / penyebut',
  'recap.col.value': 'Nilai',
  'recap.col.cluster': 'Klaster',
  'recap.col.units': 'Dihitung',
  'recap.xlsx.title': 'Rekap indikator {period} — {cluster}',
  'recap.xlsx.reporting': 'Laporan masuk dari {count} dari {total} puskesmas',
  'recap.xlsx.generated':
    'Dibuat {date}. Persentase dihitung ulang dari jumlah pembilang dan penyebut.',

  // Bundle errors (Indonesian text as in src-main/bundle/errors.ts; a test keeps them equal)
  'bundleError.BUNDLE_FILE_UNREADABLE': 'Berkas paket tidak dapat dibaca dari disk.',
  'bundleError.BUNDLE_TOO_LARGE': 'Berkas ini terlalu besar untuk sebuah paket Siklus.',
  'bundleError.BUNDLE_NOT_AGE':
    'Berkas ini bukan paket Siklus (bukan berkas age). Pastikan yang dipilih adalah berkas .siklus dari puskesmas.',
  'bundleError.BUNDLE_TRUNCATED':
    'Paket terpotong: berkas berakhir sebelum waktunya. Minta puskesmas mengirim ulang berkas yang sama.',
  'bundleError.BUNDLE_CORRUPT':
    'Paket rusak, terpotong, atau telah diubah setelah dibuat (pemeriksaan enkripsi gagal). Minta puskesmas mengirim ulang berkas yang sama.',
  'bundleError.BUNDLE_WRONG_KEY': 'Paket ini tidak ditujukan untuk kunci Dinkes ini.',
  'bundleError.BUNDLE_PASSPHRASE_REQUIRED':
    'Paket ini dikunci dengan kata sandi, bukan dengan kunci Dinkes. Masukkan kata sandi paket.',
  'bundleError.BUNDLE_WRONG_PASSPHRASE': 'Kata sandi paket salah.',
  'bundleError.BUNDLE_ZIP_INVALID':
    'Isi paket tidak tersusun dengan benar (arsip zip rusak atau tidak baku).',
  'bundleError.BUNDLE_ZIP_LIMIT':
    'Isi paket melebihi batas aman (terlalu banyak berkas atau terlalu besar setelah dibuka).',
  'bundleError.BUNDLE_UNSAFE_PATH': 'Paket berisi nama berkas yang tidak aman (misalnya "../").',
  'bundleError.BUNDLE_DUPLICATE_ENTRY': 'Paket berisi nama berkas ganda.',
  'bundleError.BUNDLE_UNKNOWN_FILE': 'Paket berisi berkas yang tidak dikenal.',
  'bundleError.BUNDLE_MISSING_FILE': 'Paket tidak lengkap: ada berkas yang hilang.',
  'bundleError.BUNDLE_FORMAT_UNSUPPORTED':
    'Versi format paket ini tidak didukung. Perbarui aplikasi Siklus di Dinkes.',
  'bundleError.BUNDLE_MANIFEST_INVALID': 'Daftar isi paket (manifest.json) tidak sah.',
  'bundleError.BUNDLE_SIGNATURE_INVALID':
    'Tanda tangan puskesmas pada paket tidak sah: paket mungkin telah diubah.',
  'bundleError.BUNDLE_UNKNOWN_SIGNER':
    'Paket ditandatangani oleh kunci puskesmas yang belum dikenal. Cocokkan sidik jari kunci dengan puskesmas (misalnya lewat telepon) sebelum mempercayainya.',
  'bundleError.BUNDLE_HASH_MISMATCH':
    'Isi berkas dalam paket tidak cocok dengan daftar isi: paket telah diubah.',
  'bundleError.BUNDLE_RECORD_COUNT_MISMATCH':
    'Jumlah baris data tidak cocok dengan daftar isi paket.',
  'bundleError.BUNDLE_RECORDS_INVALID': 'Baris data dalam paket tidak sah.',
  'bundleError.BUNDLE_REPORT_INVALID': 'Laporan indikator dalam paket tidak sah.',
  'bundleError.BUNDLE_INTERNAL':
    'Terjadi kesalahan tak terduga saat memproses paket. Laporkan ke pengelola Siklus beserta berkasnya.',
  'bundleError.BUNDLE_INPUT_INVALID': 'Data untuk paket tidak sah.',
  'bundleError.BUNDLE_CANCELLED': 'Pembuatan atau pembacaan paket dibatalkan.',
  'bundleError.KEY_NOT_FOUND': 'Kunci belum dibuat di folder ini.',
  'bundleError.KEY_EXISTS': 'Kunci sudah ada di folder ini; kunci lama tidak ditimpa.',
  'bundleError.KEY_INVALID': 'Berkas kunci tidak sah atau rusak.',
  'bundleError.KEY_WRONG_PASSPHRASE': 'Kata sandi kunci salah.',
  'bundleError.KEY_PASSPHRASE_WEAK': 'Kata sandi terlalu pendek: minimal 10 karakter.',
  'bundleError.RECIPIENT_INVALID':
    'Kunci publik Dinkes tidak sah: harus berupa satu baris yang diawali "age1" (62 karakter).',
  'bundleError.SIGNER_INVALID':
    'Kunci publik puskesmas tidak sah: harus berupa satu baris yang diawali "RW".',
} as const;

const en: AreaMessages<typeof id> = {
  'nav.dinkes.import': 'Receive bundles',
  'nav.dinkes.puskesmas': 'Health centres',
  'nav.dinkes.completeness': 'Completeness',
  'nav.dinkes.recap': 'District recap',

  'field.keyPassphrase': 'Key passphrase',
  'field.keyPassphraseConfirm': 'Repeat key passphrase',
  'field.recipientText': 'Dinkes public key',
  'field.recipient': 'Dinkes public key',
  'field.label': 'Label',
  'field.period': 'Report month',
  'field.lock': 'Bundle lock',
  'field.bundlePassphrase': 'Bundle passphrase',
  'field.bundlePassphraseConfirm': 'Repeat bundle passphrase',
  'field.destination': 'Save to',
  'field.folder': 'Destination folder',
  'field.lateDay': 'On-time deadline',
  'field.files': 'Bundle files',
  'field.pendingId': 'Waiting key',
  'field.view': 'View',

  'validation.period': 'write the month as YYYY-MM (e.g. 2026-10)',
  'validation.keyPassphrase.min': 'at least 10 characters',
  'validation.import.nothing': 'choose .siklus files or enter a folder',

  'error.bundle.puskesmasOnly': 'This is only available when the app runs in health-centre mode.',
  'error.bundle.dinkesOnly': 'This is only available when the app runs in district (Dinkes) mode.',
  'error.bundle.recipientInvalid':
    'not a valid Dinkes public key: it must be one line starting with "age1" (62 characters). Check for typing errors.',
  'error.bundle.recipientNone': 'there is no "age1…" key in this text or file',
  'error.bundle.recipientSecret':
    'this is the Dinkes SECRET key (AGE-SECRET-KEY-…), not the public key. Never share it; ask Dinkes for its public key (age1…).',
  'error.bundle.noDinkesKey': 'The Dinkes key has not been created yet. Create it in Settings.',
  'error.bundle.locked': 'The Dinkes key is locked. Unlock it with its passphrase first.',
  'error.bundle.busy': 'Another bundle task is running. Wait until it finishes.',
  'error.bundle.noReportEngine':
    'The report engine is not available yet: the monthly indicator report cannot be made, so the bundle cannot be sent yet.',
  'error.bundle.reportInvalid': 'The indicator report produced is not valid; no bundle was made.',
  'error.bundle.reportMismatch':
    'The indicator report was made for period {period} / facility {kode}, not for this bundle.',
  'error.bundle.folder.relative': 'must be a full folder path (e.g. E:\\ or /media/usb)',
  'error.bundle.folder.inside': 'must not be inside the app’s data folder',
  'error.bundle.folder.unavailable':
    'folder {folder} does not exist or cannot be written (USB stick removed?)',
  'error.bundle.folder.write': 'the file could not be written: {reason}. Nothing was recorded.',
  'error.bundle.folder.unreadable': 'folder {folder} cannot be read',
  'error.bundle.folder.empty': 'there are no .siklus files in folder {folder}',
  'error.bundle.alreadyAcknowledged': 'This bundle is already marked as received by Dinkes.',
  'error.bundle.pickUnavailable':
    'Choosing a folder is only available in the desktop app; type the folder path.',
  'error.bundle.exportFailed': 'The bundle could not be made: {reason}. Nothing was recorded.',
  'error.bundle.pendingGone':
    'The bundles waiting for confirmation are gone (was the app restarted?). Import the files again.',

  'bundle.progress.preflight': 'Pre-flight check',
  'bundle.progress.key': 'Unlocking the signing key',
  'bundle.progress.report': 'Making the indicator report',
  'bundle.progress.serialize': 'Writing data',
  'bundle.progress.sign': 'Signing',
  'bundle.progress.zip': 'Compressing',
  'bundle.progress.encrypt': 'Encrypting for Dinkes',
  'bundle.progress.save': 'Saving the file',
  'bundle.progress.done': 'Done',
  'bundle.progress.import': 'Checking {file} ({index} of {count})',

  'bundle.import.applied':
    '{name}, {period} revision {revision}: received ({records} records, {changed} new or changed).',
  'bundle.import.replaced':
    '{name}, {period} revision {revision}: received, replacing the earlier revision ({records} records, {changed} new or changed).',
  'bundle.import.duplicate':
    '{name}, {period} revision {revision}: this same bundle was already received. Nothing changed.',
  'bundle.import.older':
    '{name}, {period}: this is revision {revision}, older than revision {latest} already received. Not applied.',
  'bundle.import.conflict':
    '{name}, {period}: revision {revision} was already received with different content. Not applied; ask the health centre for a new revision.',
  'bundle.import.needsPassphrase':
    'This bundle is locked with a bundle passphrase (the health centre has no Dinkes key yet). Enter the passphrase and try again.',
  'bundle.import.signerMismatch':
    'The bundle is signed with the key of {owner} but claims to come from {kode}. Refused.',
  'bundle.import.reportInvalid': 'The indicator report in the bundle is not valid. Refused.',
  'bundle.import.reportMismatch':
    'The indicator report in the bundle is for another period or health centre. Refused.',
  'bundle.import.chainGap':
    'The previous bundle of this health centre has not been received (the chain is broken). The data was applied; ask for the missing bundle.',
  'bundle.import.pendingFull':
    'Too many bundles are waiting for a fingerprint check. Confirm or discard those first.',
  'bundle.import.unknownSigner':
    '{name} ({kode}) is not registered. Compare the key fingerprint {fingerprint} with the health centre before trusting it.',
  'bundle.import.keyChanged':
    '{name} ({kode}) uses a NEW signing key ({fingerprint}). Trust it only if the health centre really made a new key.',
  'bundle.import.cancelled': 'Cancelled before it was checked. Nothing changed.',

  'preflight.kode.missing': 'The health-centre code is not set',
  'preflight.kode.missing.detail':
    'A bundle needs a facility code (Kemenkes health-centre code, registration, BPJS or SATUSEHAT code) that Dinkes uses to recognise the health centre.',
  'preflight.kode.invalid': 'Facility code {kode} cannot be used in a file name',
  'preflight.kode.fallback': 'No Kemenkes health-centre code: the bundle uses code {kode}',
  'preflight.kode.fallback.detail':
    'Make sure Dinkes knows the health centre by this code; a code in use should not change.',
  'preflight.kode.ok': 'Health-centre code: {kode}',
  'preflight.signing.missing': 'The health-centre signing key has not been created',
  'preflight.signing.missing.detail':
    'An admin creates it once in the Keys tab; Dinkes recognises the health centre by this key.',
  'preflight.signing.ok': 'Signing key ready (fingerprint {fingerprint})',
  'preflight.recipients.missing': 'No Dinkes public key yet',
  'preflight.recipients.missing.detail':
    'Without a Dinkes key the bundle can only be locked with a bundle passphrase, given to Dinkes another way (by phone).',
  'preflight.recipients.ok': 'The bundle is encrypted for {count} Dinkes key(s)',
  'preflight.period.future': 'This month has not started',
  'preflight.period.running': 'This month has not ended',
  'preflight.period.running.detail':
    'Data recorded after the bundle is made will be sent as the next revision.',
  'preflight.period.old': 'This month is more than two years ago',
  'preflight.period.ok': 'The report month has ended',
  'preflight.report.missing.detail':
    'The indicator report is made by the Reports module. Ask the Siklus maintainers for an update.',
  'preflight.report.failed': 'The indicator report could not be made: {reason}',
  'preflight.report.ok': 'Indicator report: {count} indicators ({computable} computable)',
  'preflight.sasaran.ok': 'Targets for {year} are set for every village',
  'preflight.sasaran.missing': 'Targets for {year} are missing ({count})',
  'preflight.sasaran.missing.detail':
    'Without a target the coverage of these villages cannot be computed in the report or the Dinkes recap.',
  'preflight.nik.ok': 'NIK: no warnings ({count} residents checked)',
  'preflight.nik.warnings': '{count} residents with a NIK to check',
  'preflight.nik.warnings.detail':
    'The NIK disagrees with the sex, birth date or region code. Check the identity card; the bundle can still be sent.',
  'preflight.unacknowledged': '{count} earlier bundle(s) not yet marked as received by Dinkes',
  'preflight.unacknowledged.detail':
    'This bundle carries again all data since the last bundle Dinkes received; Dinkes will not count it twice.',
  'preflight.checkFailed': 'Check {check} could not run',
  'preflight.link.settings': 'Open Settings',
  'preflight.link.keys': 'Open the Keys tab',
  'preflight.link.sasaran': 'Open Cluster 1',
  'preflight.link.persons': 'Open Residents',
  'preflight.link.history': 'Open History',

  'bundle.tab.send': 'Send bundle',
  'bundle.tab.history': 'History',
  'bundle.tab.keys': 'Keys',
  'bundle.step.check': '1. Month and pre-flight check',
  'bundle.step.build': '2. Make and save the bundle',
  'bundle.revision': 'Revision {revision}',
  'bundle.since': '{records} records changed since the bundle Dinkes received ({date})',
  'bundle.sinceAll': '{records} records (no bundle received by Dinkes yet: all data goes)',
  'bundle.recheck': 'Check again',
  'bundle.items.more': 'and {count} more',
  'bundle.lock.recipients': 'Dinkes key(s) ({count})',
  'bundle.lock.passphrase': 'Bundle passphrase',
  'bundle.lock.passphrase.help':
    'Give this passphrase to Dinkes by phone, never together with the file.',
  'bundle.destination.folder': 'Folder or USB stick',
  'bundle.destination.download': 'Download the file',
  'bundle.folder.help': 'The full folder path, e.g. E:\\ or /media/usb.',
  'bundle.folder.pick': 'Choose folder…',
  'bundle.build': 'Make bundle',
  'bundle.blocked': 'First fix the items marked red in the pre-flight check.',
  'bundle.adminOnly': 'Only an admin can make and send bundles.',
  'bundle.cancel': 'Cancel',
  'bundle.cancelled': 'Making the bundle was cancelled. Nothing was recorded.',
  'bundle.done.title': 'Bundle ready to send',
  'bundle.done.saved': 'Saved: {path}',
  'bundle.done.downloaded': 'File {file} downloaded.',
  'bundle.done.next':
    'Send this file to Dinkes (USB stick or e-mail). Once Dinkes confirms, mark it "Received by Dinkes" in History.',
  'bundle.sha256': 'SHA-256',
  'bundle.records': '{count} records',
  'bundle.history.empty': 'No bundles yet. Make the first one in the Send bundle tab.',
  'bundle.history.col.period': 'Month',
  'bundle.history.col.revision': 'Revision',
  'bundle.history.col.file': 'File',
  'bundle.history.col.created': 'Made',
  'bundle.history.col.records': 'Records',
  'bundle.history.col.sha': 'SHA-256',
  'bundle.history.col.saved': 'Saved to',
  'bundle.history.col.status': 'Status',
  'bundle.history.downloaded': 'downloaded',
  'bundle.history.passphraseLock': 'passphrase',
  'bundle.history.received': 'Received by Dinkes {date}',
  'bundle.history.waiting': 'Waiting for Dinkes to confirm',
  'bundle.ack': 'Received by Dinkes',
  'bundle.ack.title': 'Mark the bundle as received by Dinkes?',
  'bundle.ack.body':
    '{file}: mark it only after Dinkes confirms it was received and opens. The next bundle then carries only data changed after this one.',
  'bundle.ack.done': 'Marked as received by Dinkes',

  'keys.signing.title': 'Health-centre signing key',
  'keys.signing.intro':
    'Every bundle is signed with this key, so Dinkes knows it really comes from this health centre and was not changed. The key is stored encrypted with a passphrase; without it no bundle can be made.',
  'keys.signing.create': 'Create signing key',
  'keys.signing.created': 'Signing key created',
  'keys.passphrase.help':
    'At least 10 characters. Keep it somewhere safe: a lost passphrase cannot be recovered.',
  'keys.fingerprint': 'Fingerprint',
  'keys.keyId': 'Key number',
  'keys.publicKey': 'Public key',
  'keys.fingerprint.readOut':
    'Read this fingerprint out to the Dinkes officer when the first bundle is sent (by phone).',
  'keys.recipients.title': 'Dinkes public keys (bundle recipients)',
  'keys.recipients.intro':
    'Bundles are encrypted for these keys: only Dinkes can open them. Dinkes may give a backup key; either one opens the bundle.',
  'keys.recipients.empty': 'No Dinkes key yet. Paste its public key or load its file.',
  'keys.recipients.add': 'Add Dinkes key',
  'keys.recipients.added': 'Dinkes key added. Compare its fingerprint with Dinkes.',
  'keys.recipients.remove': 'Remove',
  'keys.recipients.removed': 'Dinkes key removed',
  'keys.recipients.placeholder': 'age1…',
  'keys.recipients.file': 'Load Dinkes key file',
  'keys.recipients.drop': 'Drop the dinkes-recipient.txt file here',
  'keys.recipients.verify':
    'Compare the fingerprint above with the one Dinkes reads out before sending bundles.',
  'keys.adminOnly': 'Only an admin can create or change keys.',

  'keys.dinkes.title': 'Dinkes key',
  'keys.dinkes.intro':
    'Health centres encrypt bundles for this public key; only the Dinkes secret key (stored encrypted with a passphrase) opens them.',
  'keys.dinkes.create': 'Create Dinkes key',
  'keys.dinkes.created': 'Dinkes key created',
  'keys.dinkes.share':
    'Give this public key to every health centre: as text, as a QR code or as a file. Read the fingerprint out by phone so they can compare it.',
  'keys.dinkes.download': 'Download public key file',
  'keys.dinkes.qr': 'QR code of the Dinkes public key',
  'keys.dinkes.unlock': 'Unlock',
  'keys.dinkes.unlock.title': 'Unlock the Dinkes key',
  'keys.dinkes.unlock.help':
    'The key stays unlocked for this session only and is forgotten when the screen locks or you sign out.',
  'keys.dinkes.unlocked': 'Dinkes key unlocked for this session',
  'keys.dinkes.lock': 'Lock again',
  'keys.dinkes.missing': 'The Dinkes key has not been created. An admin creates it in Settings.',
  'keys.copy': 'Copy',
  'keys.copied': 'Copied',

  'dinkes.home.intro':
    'Siklus in district mode receives the monthly bundles of health centres, checks that they are authentic, and builds the district recap.',
  'dinkes.home.puskesmas': 'Registered health centres',
  'dinkes.home.lastMonth': 'Bundles for {period} received',
  'dinkes.home.key': 'Dinkes key',
  'dinkes.home.keyReady': 'Ready (fingerprint {fingerprint})',
  'dinkes.home.start': 'Next steps',

  'import.title': 'Receive bundles',
  'import.drop': 'Drop .siklus files here',
  'import.drop.or': 'or',
  'import.choose': 'Choose files…',
  'import.folder.title': 'Import every bundle in a folder',
  'import.folder.run': 'Import folder',
  'import.folder.placeholder': 'Folder path, e.g. E:\\ or /media/usb',
  'import.passphrase.help':
    'Only for bundles from health centres without a Dinkes key yet (the passphrase is given by phone).',
  'import.retryPassphrase': 'Try again with the passphrase',
  'import.results': 'Import results',
  'import.col.file': 'File',
  'import.col.puskesmas': 'Health centre',
  'import.col.period': 'Month',
  'import.col.revision': 'Revision',
  'import.col.outcome': 'Result',
  'import.col.message': 'Details',
  'import.outcome.applied': 'Received',
  'import.outcome.replaced': 'Revision received',
  'import.outcome.duplicate': 'Already here',
  'import.outcome.older': 'Older revision',
  'import.outcome.conflict': 'Conflict',
  'import.outcome.unknownSigner': 'Waiting for confirmation',
  'import.outcome.needsPassphrase': 'Needs passphrase',
  'import.outcome.refused': 'Refused',
  'import.pending.title': 'Health-centre keys waiting for confirmation',
  'import.pending.new': '{name} ({kode}) is not registered',
  'import.pending.changed': '{name} ({kode}) uses a new key',
  'import.pending.previous':
    'The key registered until now: fingerprint {fingerprint}. Trust the new key only if the health centre really made it.',
  'import.pending.howto':
    'Call the health centre and ask them to read out the fingerprint shown in Send to Dinkes → Keys. Trust it only if it is exactly the same.',
  'import.pending.files': 'Bundles held: {files}',
  'import.pending.confirm': 'Fingerprint matches: trust and import',
  'import.pending.discard': 'Discard',
  'import.pending.adminOnly': 'Only an admin can trust a health-centre key.',
  'import.history': 'Bundles received',
  'import.history.empty': 'No bundles received yet.',
  'import.history.chainGap': 'previous bundle not received',
  'import.status.applied': 'in force',
  'import.status.superseded': 'replaced by a revision',
  'import.col.received': 'Received',
  'import.col.records': 'Records',

  'registry.title': 'Health centres',
  'registry.empty':
    'No health centres yet. A health centre is registered when its first bundle is received and its key fingerprint is confirmed in Receive bundles.',
  'registry.col.kode': 'Code',
  'registry.col.name': 'Health centre',
  'registry.col.fingerprint': 'Key fingerprint',
  'registry.col.confirmed': 'Trusted since',
  'registry.col.bundles': 'Bundles',
  'registry.col.records': 'Records',
  'registry.col.last': 'Last bundle',
  'registry.detail.codes': 'Other codes',
  'registry.detail.imports': 'Bundles received',

  'completeness.title': 'Report completeness',
  'completeness.empty':
    'No health centres registered yet. They appear here once their first bundle is received.',
  'completeness.legend.received': 'Received on time',
  'completeness.legend.late': 'Late',
  'completeness.legend.revised': 'Revised',
  'completeness.legend.missing': 'Missing (past deadline)',
  'completeness.legend.notDue': 'Not due yet',
  'completeness.legend.open': 'Month in progress',
  'completeness.legend.before': 'Before using Siklus',
  'completeness.deadline': 'On time: received by day {day} of the following month.',
  'completeness.cell.received': 'Received {date}',
  'completeness.cell.revised': 'revision {revision}, last {date}',
  'completeness.cell.missing': 'Missing; deadline {date}',
  'completeness.cell.notDue': 'Not received; deadline {date}',
  'completeness.cell.open': 'Month not over',
  'completeness.cell.before': 'Before this health centre’s first bundle',
  'completeness.total': 'Received',
  'completeness.settings.title': 'Report completeness',
  'completeness.settings.help':
    'Bundles received after this day of the following month are marked late.',
  'completeness.settings.saved': 'On-time deadline saved',
  'completeness.lateDay.suffix': 'of the following month',

  'recap.title': 'District recap',
  'recap.view.puskesmas': 'By health centre',
  'recap.view.desa': 'By village',
  'recap.allClusters': 'All clusters',
  'recap.xlsx': 'Download Excel',
  'recap.reporting': 'Reports in: {count} of {total} health centres',
  'recap.missingList': 'Not in yet: {names}',
  'recap.definitions':
    'Reports were computed with different indicator definition versions ({versions}); compare with care.',
  'recap.empty': 'No health-centre reports for this month yet.',
  'recap.notComputable': 'Not computable yet at: {names}',
  'recap.partial': 'some without data',
  'recap.luar': 'Outside the service areas (all health centres)',
  'recap.total': 'District total',
  'recap.noData': 'no data',
  'recap.col.code': 'Code',
  'recap.col.indicator': 'Indicator',
  'recap.col.puskesmas': 'Health centre',
  'recap.col.desa': 'Village',
  'recap.col.kode': 'Health-centre code',
  'recap.col.target': 'Target',
  'recap.col.month': 'This month',
  'recap.col.ytd': 'Year to date',
  'recap.col.monthNum': 'Month: numerator',
  'recap.col.monthDen': 'Month: denominator',
  'recap.col.monthValue': 'Month: value',
  'recap.col.ytdNum': 'YTD: numerator',
  'recap.col.ytdDen': 'YTD: denominator',
  'recap.col.ytdValue': 'YTD: value',
  'recap.col.pctTarget': '% of target',
  'recap.col.numDen': 'Numerator / denominator',
  'recap.col.value': 'Value',
  'recap.col.cluster': 'Cluster',
  'recap.col.units': 'Counted',
  'recap.xlsx.title': 'Indicator recap {period} — {cluster}',
  'recap.xlsx.reporting': 'Reports from {count} of {total} health centres',
  'recap.xlsx.generated':
    'Made {date}. Percentages are recomputed from summed numerators and denominators.',

  'bundleError.BUNDLE_FILE_UNREADABLE': 'The bundle file cannot be read from disk.',
  'bundleError.BUNDLE_TOO_LARGE': 'This file is too large for a Siklus bundle.',
  'bundleError.BUNDLE_NOT_AGE':
    'This file is not a Siklus bundle (not an age file). Make sure you chose a .siklus file from a health centre.',
  'bundleError.BUNDLE_TRUNCATED':
    'The bundle is cut short: the file ends too early. Ask the health centre to send the same file again.',
  'bundleError.BUNDLE_CORRUPT':
    'The bundle is damaged, cut short or was changed after it was made (the encryption check failed). Ask the health centre to send the same file again.',
  'bundleError.BUNDLE_WRONG_KEY': 'This bundle is not addressed to this Dinkes key.',
  'bundleError.BUNDLE_PASSPHRASE_REQUIRED':
    'This bundle is locked with a passphrase, not with the Dinkes key. Enter the bundle passphrase.',
  'bundleError.BUNDLE_WRONG_PASSPHRASE': 'Wrong bundle passphrase.',
  'bundleError.BUNDLE_ZIP_INVALID':
    'The bundle content is not laid out correctly (damaged or non-standard zip archive).',
  'bundleError.BUNDLE_ZIP_LIMIT':
    'The bundle content exceeds the safe limits (too many files or too large once opened).',
  'bundleError.BUNDLE_UNSAFE_PATH': 'The bundle contains an unsafe file name (such as "../").',
  'bundleError.BUNDLE_DUPLICATE_ENTRY': 'The bundle contains a file name twice.',
  'bundleError.BUNDLE_UNKNOWN_FILE': 'The bundle contains an unknown file.',
  'bundleError.BUNDLE_MISSING_FILE': 'The bundle is incomplete: a file is missing.',
  'bundleError.BUNDLE_FORMAT_UNSUPPORTED':
    'This bundle format version is not supported. Update Siklus at Dinkes.',
  'bundleError.BUNDLE_MANIFEST_INVALID':
    'The bundle’s table of contents (manifest.json) is not valid.',
  'bundleError.BUNDLE_SIGNATURE_INVALID':
    'The health centre’s signature on the bundle is not valid: the bundle may have been changed.',
  'bundleError.BUNDLE_UNKNOWN_SIGNER':
    'The bundle is signed by a health-centre key that is not known yet. Compare the key fingerprint with the health centre (e.g. by phone) before trusting it.',
  'bundleError.BUNDLE_HASH_MISMATCH':
    'A file in the bundle does not match the table of contents: the bundle was changed.',
  'bundleError.BUNDLE_RECORD_COUNT_MISMATCH':
    'The number of data lines does not match the bundle’s table of contents.',
  'bundleError.BUNDLE_RECORDS_INVALID': 'A data line in the bundle is not valid.',
  'bundleError.BUNDLE_REPORT_INVALID': 'The indicator report in the bundle is not valid.',
  'bundleError.BUNDLE_INTERNAL':
    'An unexpected error occurred while processing the bundle. Report it to the Siklus maintainers with the file.',
  'bundleError.BUNDLE_INPUT_INVALID': 'The data for the bundle is not valid.',
  'bundleError.BUNDLE_CANCELLED': 'Making or reading the bundle was cancelled.',
  'bundleError.KEY_NOT_FOUND': 'No key has been created in this folder yet.',
  'bundleError.KEY_EXISTS': 'A key already exists in this folder; the old key is not overwritten.',
  'bundleError.KEY_INVALID': 'The key file is not valid or is damaged.',
  'bundleError.KEY_WRONG_PASSPHRASE': 'Wrong key passphrase.',
  'bundleError.KEY_PASSPHRASE_WEAK': 'The passphrase is too short: at least 10 characters.',
  'bundleError.RECIPIENT_INVALID':
    'Invalid Dinkes public key: it must be one line starting with "age1" (62 characters).',
  'bundleError.SIGNER_INVALID':
    'Invalid health-centre public key: it must be one line starting with "RW".',
};

export const bundle = { id, en };
