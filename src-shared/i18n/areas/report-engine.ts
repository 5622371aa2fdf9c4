import type { AreaMessages } from './types';

/** The indicator engine (issue #8): refusals and the words of the report workbook. */
const id = {
  'error.report.futurePeriod': 'bulan {period} belum dimulai; pilih bulan ini atau sebelumnya',
  'error.report.unknownCode': 'indikator {code} tidak dikenal',
  'error.report.notComputable': 'indikator {code} belum dapat dihitung dari data yang tercatat',
  'error.report.unknownKey': 'baris {key} tidak ada di laporan (pilih desa, total atau luar)',
  'field.key': 'Baris laporan',
  'field.window': 'Rentang',

  'report.xlsx.title': 'Laporan bulanan {cluster}',
  'report.xlsx.facility': 'Puskesmas {name} ({kode})',
  'report.xlsx.period': 'Bulan laporan: {period} · kumulatif Januari s.d. {period}',
  'report.xlsx.generated': 'Dibuat {at} · definisi indikator versi {version}',
  'report.xlsx.desaCode': 'Kode desa',
  'report.xlsx.desa': 'Desa/kelurahan',
  'report.xlsx.target': 'Sasaran',
  'report.xlsx.denominator': 'Penyebut',
  'report.xlsx.month': 'Bulan ini',
  'report.xlsx.ytd': 'Kumulatif',
  'report.xlsx.pctMonth': '% bulan ini',
  'report.xlsx.pctYtd': '% kumulatif',
  'report.xlsx.pctTarget': '% sasaran',
  'report.xlsx.total': 'Total wilayah kerja',
  'report.xlsx.luar': 'Luar wilayah',
  'report.xlsx.notComputable': 'Belum dapat dihitung: {reason}',
  'report.xlsx.notes': 'Catatan indikator',
  'report.xlsx.noData':
    'Sel kosong = tidak ada data tercatat (bukan nol). Persentase dihitung ulang dari pembilang dan penyebut, tidak dijumlahkan.',
  'report.cluster.k2-ibu': 'Klaster 2 – Ibu',
  'report.cluster.k2-anak': 'Klaster 2 – Anak',
  'report.cluster.k2-imunisasi': 'Klaster 2 – Imunisasi',
  'report.cluster.k2-gizi': 'Klaster 2 – Gizi',
  'report.cluster.k3': 'Klaster 3 – Dewasa & lansia',
  'report.cluster.spm': 'SPM Bidang Kesehatan',
} as const;

const en: AreaMessages<typeof id> = {
  'error.report.futurePeriod': 'month {period} has not started yet; choose this month or earlier',
  'error.report.unknownCode': 'unknown indicator {code}',
  'error.report.notComputable': 'indicator {code} cannot be computed from the recorded data yet',
  'error.report.unknownKey': 'row {key} is not in the report (choose a desa, total or luar)',
  'field.key': 'Report row',
  'field.window': 'Range',

  'report.xlsx.title': 'Monthly report {cluster}',
  'report.xlsx.facility': 'Puskesmas {name} ({kode})',
  'report.xlsx.period': 'Report month: {period} · year to date January to {period}',
  'report.xlsx.generated': 'Generated {at} · indicator definitions version {version}',
  'report.xlsx.desaCode': 'Desa code',
  'report.xlsx.desa': 'Desa/kelurahan',
  'report.xlsx.target': 'Target',
  'report.xlsx.denominator': 'Denominator',
  'report.xlsx.month': 'This month',
  'report.xlsx.ytd': 'Year to date',
  'report.xlsx.pctMonth': '% this month',
  'report.xlsx.pctYtd': '% year to date',
  'report.xlsx.pctTarget': '% of target',
  'report.xlsx.total': 'Total of the service area',
  'report.xlsx.luar': 'Outside the service area',
  'report.xlsx.notComputable': 'Cannot be computed yet: {reason}',
  'report.xlsx.notes': 'Indicator notes',
  'report.xlsx.noData':
    'Empty cell = nothing recorded (not zero). Percentages are recomputed from numerator and denominator, never summed.',
  'report.cluster.k2-ibu': 'Cluster 2 – Mothers',
  'report.cluster.k2-anak': 'Cluster 2 – Children',
  'report.cluster.k2-imunisasi': 'Cluster 2 – Immunisation',
  'report.cluster.k2-gizi': 'Cluster 2 – Nutrition',
  'report.cluster.k3': 'Cluster 3 – Adults & elderly',
  'report.cluster.spm': 'Minimum service standards (SPM)',
};

export const reportEngine = { id, en };
