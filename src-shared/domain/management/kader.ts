/**
 * Kader posyandu (domain.md §1.5): three levels and the 25 basic skills in five groups by life
 * stage. The skill list is a versioned reference set: it follows the Kemenkes 2023 guide
 * "25 Keterampilan Dasar Kader Posyandu Bidang Kesehatan" as transcribed by secondary sources
 * [GK: re-check the wording against the guide]. Stored skill codes never change meaning.
 */
import type { ReferenceSet } from '../reference';
import type { Label } from '../refusal';

export const KADER_LEVELS = ['purwa', 'madya', 'utama'] as const;
export type KaderLevel = (typeof KADER_LEVELS)[number];
export const KADER_LEVEL_LABELS: Record<KaderLevel, Label> = {
  purwa: { id: 'Purwa', en: 'Purwa (basic)' },
  madya: { id: 'Madya', en: 'Madya (intermediate)' },
  utama: { id: 'Utama', en: 'Utama (advanced)' },
};

export const KADER_SKILL_GROUPS = ['posyandu', 'balita', 'bumil', 'remaja', 'dewasa'] as const;
export type KaderSkillGroup = (typeof KADER_SKILL_GROUPS)[number];
export const KADER_SKILL_GROUP_LABELS: Record<KaderSkillGroup, Label> = {
  posyandu: { id: 'Pengelolaan posyandu', en: 'Running the posyandu' },
  balita: { id: 'Bayi dan balita', en: 'Infants and under-fives' },
  bumil: { id: 'Ibu hamil dan menyusui', en: 'Pregnant and breastfeeding women' },
  remaja: { id: 'Usia sekolah dan remaja', en: 'School-age children and adolescents' },
  dewasa: { id: 'Usia dewasa dan lansia', en: 'Adults and elderly' },
};

export interface KaderSkill {
  /** `K01`…`K25`. */
  readonly code: string;
  readonly group: KaderSkillGroup;
  readonly label: Label;
}

export interface KaderSkillSet extends ReferenceSet {
  readonly skills: readonly KaderSkill[];
}

const skill = (code: string, group: KaderSkillGroup, id: string, en: string): KaderSkill => ({
  code,
  group,
  label: { id, en },
});

export const KADER_SKILLS_2023: KaderSkillSet = {
  id: 'kader.keterampilan-dasar.2023',
  title: '25 keterampilan dasar kader posyandu bidang kesehatan',
  validFrom: '2023-01-01',
  source:
    'Kemenkes 2023, Pedoman 25 Keterampilan Dasar Kader Posyandu (domain.md §1.5) [GK: wording from secondary sources]',
  skills: [
    skill(
      'K01',
      'posyandu',
      'Menjelaskan paket layanan posyandu untuk seluruh siklus hidup',
      'Explain the posyandu services for every life stage',
    ),
    skill('K02', 'posyandu', 'Melakukan pencatatan dan pelaporan', 'Record and report'),
    skill('K03', 'posyandu', 'Melakukan kunjungan rumah', 'Make home visits'),
    skill('K04', 'posyandu', 'Melakukan komunikasi efektif', 'Communicate effectively'),
    skill(
      'K05',
      'balita',
      'Menjelaskan penggunaan Buku KIA bagian balita',
      'Explain the child section of the KIA book',
    ),
    skill(
      'K06',
      'balita',
      'Menyuluh ASI eksklusif dan MP-ASI kaya protein hewani sesuai umur',
      'Counsel on exclusive breastfeeding and animal-protein-rich complementary feeding',
    ),
    skill(
      'K07',
      'balita',
      'Menimbang berat badan dan mengukur panjang/tinggi badan, lingkar kepala dan LiLA',
      'Weigh and measure length/height, head and arm circumference',
    ),
    skill(
      'K08',
      'balita',
      'Menjelaskan hasil penimbangan dan pengukuran serta tindak lanjutnya',
      'Explain weighing and measuring results and what follows',
    ),
    skill(
      'K09',
      'balita',
      'Menjelaskan imunisasi rutin lengkap dan jadwalnya',
      'Explain complete routine immunisation and its schedule',
    ),
    skill(
      'K10',
      'balita',
      'Mengenali tanda bahaya bayi dan balita sakit serta merujuknya',
      'Recognise danger signs in sick infants and children and refer them',
    ),
    skill(
      'K11',
      'balita',
      'Menjelaskan pemberian vitamin A dan obat cacing',
      'Explain vitamin A and deworming',
    ),
    skill(
      'K12',
      'bumil',
      'Menjelaskan penggunaan Buku KIA bagian ibu hamil, bersalin dan nifas',
      'Explain the maternal section of the KIA book',
    ),
    skill(
      'K13',
      'bumil',
      'Menjelaskan Isi Piringku dan tablet tambah darah bagi ibu hamil dan menyusui',
      'Explain balanced meals and iron tablets for pregnant and breastfeeding women',
    ),
    skill(
      'K14',
      'bumil',
      'Mengukur LiLA ibu hamil dan menjelaskan hasilnya',
      "Measure a pregnant woman's arm circumference and explain the result",
    ),
    skill(
      'K15',
      'bumil',
      'Mengenali tanda bahaya kehamilan, persalinan dan nifas',
      'Recognise danger signs in pregnancy, delivery and the postpartum period',
    ),
    skill(
      'K16',
      'bumil',
      'Mengingatkan pemeriksaan kehamilan 6 kali dan KB pascapersalinan',
      'Remind of six antenatal visits and postpartum family planning',
    ),
    skill(
      'K17',
      'remaja',
      'Menjelaskan Isi Piringku dan gizi seimbang usia sekolah dan remaja',
      'Explain balanced nutrition for school-age children and adolescents',
    ),
    skill(
      'K18',
      'remaja',
      'Menimbang berat badan, mengukur tinggi badan dan LiLA remaja',
      'Weigh adolescents and measure height and arm circumference',
    ),
    skill(
      'K19',
      'remaja',
      'Menjelaskan pencegahan anemia dan tablet tambah darah remaja putri',
      'Explain anaemia prevention and iron tablets for adolescent girls',
    ),
    skill(
      'K20',
      'remaja',
      'Menjelaskan bahaya perilaku berisiko dan kesehatan jiwa remaja',
      'Explain risky behaviour and adolescent mental health',
    ),
    skill(
      'K21',
      'dewasa',
      'Menimbang berat badan, mengukur tinggi badan, lingkar perut dan tekanan darah',
      'Weigh and measure height, waist circumference and blood pressure',
    ),
    skill(
      'K22',
      'dewasa',
      'Mewawancarai faktor risiko penyakit tidak menular',
      'Interview for non-communicable disease risk factors',
    ),
    skill(
      'K23',
      'dewasa',
      'Melakukan skrining gejala TBC dan menjelaskan rujukannya',
      'Screen for TB symptoms and explain referral',
    ),
    skill(
      'K24',
      'dewasa',
      'Melakukan skrining lansia sederhana (SKILAS)',
      'Carry out the simple elderly screening (SKILAS)',
    ),
    skill(
      'K25',
      'dewasa',
      'Menjelaskan hasil pengukuran dan tindak lanjut usia dewasa dan lansia',
      'Explain measurement results and follow-up for adults and elderly',
    ),
  ],
};

export const KADER_SKILL_CODES = KADER_SKILLS_2023.skills.map((s) => s.code);

/** Skills mastered per group, in group order: `{ group, done, total }`. */
export function skillProgress(
  codes: readonly string[],
  set: KaderSkillSet = KADER_SKILLS_2023,
): { group: KaderSkillGroup; done: number; total: number }[] {
  const have = new Set(codes);
  return KADER_SKILL_GROUPS.map((group) => {
    const inGroup = set.skills.filter((s) => s.group === group);
    return {
      group,
      done: inGroup.filter((s) => have.has(s.code)).length,
      total: inGroup.length,
    };
  });
}
