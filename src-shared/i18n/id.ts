/**
 * Kamus Bahasa Indonesia: the source of every key. English (`en.ts`) must provide the same keys;
 * the compiler checks it. Placeholders are written `{name}`.
 */
export const id = {
  'app.name': 'Siklus',
  'app.tagline': 'Pencatatan layanan puskesmas ILP',

  'nav.home': 'Beranda',
  'nav.persons': 'Penduduk',
  'nav.k1': 'Klaster 1 Manajemen',
  'nav.k2': 'Klaster 2 Ibu & Anak',
  'nav.k3': 'Klaster 3 Dewasa & Lansia',
  'nav.reports': 'Laporan',
  'nav.bundle': 'Kirim ke Dinkes',
  'nav.settings': 'Pengaturan',
  'nav.main': 'Menu utama',
  'nav.skip': 'Lewati ke isi',

  'common.language': 'Bahasa',
  'common.save': 'Simpan',
  'common.cancel': 'Batal',
  'common.back': 'Kembali',
  'common.next': 'Lanjut',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'common.none': 'Tidak ada',
  'common.yes': 'Ya',
  'common.no': 'Tidak',

  'home.title': 'Beranda',
  'home.welcome': 'Selamat datang di Siklus',
  'home.intro':
    'Siklus mencatat layanan puskesmas menurut klaster ILP, bekerja tanpa internet, dan menyiapkan laporan bulanan untuk Dinkes.',
  'home.system': 'Informasi sistem',
  'home.version': 'Versi aplikasi',
  'home.schema': 'Versi skema basis data',
  'home.dataDir': 'Folder data',
  'home.dbFile': 'Berkas basis data',
  'home.runtime': 'Berjalan di',
  'home.runtime.electron': 'Aplikasi desktop',
  'home.runtime.harness': 'Peramban (mode uji)',

  'pending.title': 'Belum tersedia',
  'pending.body':
    'Layar ini belum dibangun di versi ini. Tidak ada data contoh yang ditampilkan; fitur ini akan hadir di versi berikutnya.',
  'pending.planned': 'Yang akan ada di sini:',
  'pending.persons': 'Daftar penduduk, pencarian NIK dan nama, kartu orang per klaster.',
  'pending.k1': 'Sasaran per desa, kader, tenaga kesehatan, jejaring Pustu dan Posyandu.',
  'pending.k2': 'Kohort ibu, ANC K1–K6, persalinan, nifas, KB, pertumbuhan balita, imunisasi.',
  'pending.k3': 'Skrining PTM, register hipertensi dan DM, SKILAS dan ADL lansia.',
  'pending.reports': 'Laporan bulanan per desa, PWS, SPM, ekspor Excel dan cetak.',
  'pending.bundle': 'Paket bulanan terenkripsi dan bertanda tangan untuk Dinkes.',

  'settings.title': 'Pengaturan',
  'settings.language.help': 'Bahasa tampilan dan pesan kesalahan.',
  'settings.saved': 'Pengaturan disimpan',

  'error.title': 'Terjadi kesalahan',
  'error.UNKNOWN_CHANNEL': 'Permintaan tidak dikenal.',
  'error.BAD_SENDER': 'Permintaan ditolak: sumber tidak dikenal.',
  'error.UNAUTHENTICATED': 'Silakan masuk terlebih dahulu.',
  'error.FORBIDDEN': 'Peran Anda tidak diizinkan melakukan ini.',
  'error.INTERNAL': 'Terjadi kesalahan di aplikasi. Data yang sudah tersimpan aman; coba lagi.',
  'error.TRANSPORT': 'Tidak dapat menghubungi proses utama aplikasi.',

  'validation.required': 'wajib diisi',
  'validation.type.number': 'harus berupa angka',
  'validation.type.string': 'harus berupa teks',
  'validation.type.boolean': 'harus ya atau tidak',
  'validation.type.date': 'harus berupa tanggal',
  'validation.type.other': 'jenis isian tidak sesuai',
  'validation.choice': 'pilihan tidak valid',
  'validation.min.number': 'paling kecil {min}',
  'validation.min.exclusive': 'harus lebih dari {min}',
  'validation.max.number': 'paling besar {max}',
  'validation.max.exclusive': 'harus kurang dari {max}',
  'validation.min.string': 'paling sedikit {min} karakter',
  'validation.max.string': 'paling banyak {max} karakter',
  'validation.min.array': 'pilih paling sedikit {min}',
  'validation.max.array': 'paling banyak {max} pilihan',
  'validation.integer': 'harus bilangan bulat',
  'validation.format': 'format tidak valid',
  'validation.format.date': 'format tanggal tidak valid (TTTT-BB-HH)',
  'validation.format.email': 'alamat email tidak valid',
  'validation.unknownKeys': 'isian tidak dikenal: {keys}',
  'validation.invalid': 'isian tidak valid',

  'field.locale': 'Bahasa',
  'field.channel': 'Permintaan',
} as const;

export type MessageKey = keyof typeof id;
