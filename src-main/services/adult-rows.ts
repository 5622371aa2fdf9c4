import type {
  AdultKontrolRow,
  AdultLansiaRow,
  AdultScreeningInput,
  AdultScreeningRow,
  CardLineDto,
} from '@shared/contract';
import type {
  Adherence,
  BarthelScores,
  CardLine,
  Complication,
  FamilyHistory,
  FollowUp,
  GlucoseTest,
  Medicine,
  PumaCardInput,
  ResultCard,
  ResultCode,
  SkilasAnswers,
  SkilasDomain,
} from '@shared/domain/adult';
import type { ServicePlace } from '@shared/domain/codes/service';
import type { AdultKontrolTable, AdultLansiaTable, AdultScreeningTable } from '../db/schema-adult';
import type { Selectable } from 'kysely';

/** JSON text column → value (null stays null). */
export function parseJson<T>(text: string | null | undefined): T | null {
  return text === null || text === undefined ? null : (JSON.parse(text) as T);
}

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const flag = (v: boolean | null | undefined): number | null =>
  v === undefined || v === null ? null : v ? 1 : 0;

type ScreeningValues = {
  screenedOn: string;
  place: ServicePlace;
  posyanduId: string | null;
  performerId: string | null;
  notes: string | null;
  tekananDarah?: { readings: { systolic: number; diastolic: number }[] } | undefined;
  gulaDarah?: { test: GlucoseTest; value: number; symptoms?: boolean | undefined } | undefined;
  antropometri?: { beratKg: number; tinggiCm: number } | undefined;
  lingkarPerutCm?: number | undefined;
  kolesterolTotal?: number | undefined;
  merokok?:
    { status: 'tidak' | 'mantan' | 'aktif'; terpaparAsapRokok?: boolean | undefined } | undefined;
  aktivitasMenitPerMinggu?: number | undefined;
  porsiSayurBuahPerHari?: number | undefined;
  alkohol?: 'tidak' | 'ya' | undefined;
  riwayatKeluarga?: FamilyHistory | undefined;
  iva?: 'negatif' | 'positif' | 'curiga_kanker' | undefined;
  sadanis?: 'normal' | 'kelainan' | undefined;
  puma?: PumaCardInput | undefined;
  srq20?: boolean[] | undefined;
};

/** The card line as stored and sent (labels are looked up by code on screen). */
export function lineDto(line: CardLine): CardLineDto {
  return {
    section: line.section,
    code: line.code,
    followUp: line.followUp,
    ...(line.risk !== undefined ? { risk: line.risk } : {}),
    ...(line.detail && (line.detail.id || line.detail.en) ? { detail: line.detail } : {}),
    referenceSetId: line.referenceSetId,
  };
}

/** Screening values and their card → the table's columns. */
export function screeningColumns(values: ScreeningValues, card: ResultCard) {
  const r = card.results;
  const readings = values.tekananDarah?.readings ?? [];
  const gula = r.gulaDarah?.[0];
  return {
    screened_on: values.screenedOn,
    place: values.place,
    posyandu_id: values.place === 'posyandu' ? values.posyanduId : null,
    performer_id: values.performerId,
    notes: values.notes,
    age_years: card.ageYears,
    berat_kg: values.antropometri?.beratKg ?? null,
    tinggi_cm: values.antropometri?.tinggiCm ?? null,
    imt: r.imt?.imt ?? null,
    imt_code: r.imt?.code ?? null,
    lingkar_perut_cm: values.lingkarPerutCm ?? null,
    lingkar_perut_code: r.lingkarPerut?.code ?? null,
    td1_sistolik: readings[0]?.systolic ?? null,
    td1_diastolik: readings[0]?.diastolic ?? null,
    td2_sistolik: readings[1]?.systolic ?? null,
    td2_diastolik: readings[1]?.diastolic ?? null,
    td_sistolik: r.tekananDarah?.systolic ?? null,
    td_diastolik: r.tekananDarah?.diastolic ?? null,
    td_code: r.tekananDarah?.code ?? null,
    td_positif: flag(r.tekananDarah?.screeningPositive),
    gula_test: gula?.test ?? null,
    gula_value: gula?.value ?? null,
    gula_gejala: flag(values.gulaDarah?.symptoms),
    gula_code: gula?.code ?? null,
    kolesterol_total: values.kolesterolTotal ?? null,
    kolesterol_code: r.kolesterol?.code ?? null,
    merokok: values.merokok?.status ?? null,
    terpapar_asap: flag(values.merokok?.terpaparAsapRokok),
    aktivitas_menit: values.aktivitasMenitPerMinggu ?? null,
    aktivitas_code: r.aktivitas?.code ?? null,
    sayur_buah_porsi: values.porsiSayurBuahPerHari ?? null,
    sayur_buah_code: r.sayurBuah?.code ?? null,
    alkohol: values.alkohol ?? null,
    riwayat_keluarga: values.riwayatKeluarga ? JSON.stringify(values.riwayatKeluarga) : null,
    iva: values.iva ?? null,
    sadanis: values.sadanis ?? null,
    puma_answers: values.puma ? JSON.stringify(values.puma) : null,
    puma_score: r.puma?.score ?? null,
    puma_code: r.puma?.code ?? null,
    srq20_answers: values.srq20 ? JSON.stringify(values.srq20) : null,
    srq20_score: r.srq20?.score ?? null,
    srq20_code: r.srq20?.code ?? null,
    srq20_ide_bunuh_diri: r.srq20 ? flag(r.srq20.suicidalThoughts) : null,
    follow_up: card.overall ?? null,
    result_lines: JSON.stringify(card.lines.map(lineDto)),
    reference_sets: JSON.stringify(card.referenceSetIds),
  };
}

type ScreeningRecord = Selectable<AdultScreeningTable>;

/** Stored columns → the form's values (to reopen a screening). */
export function screeningInputOf(s: ScreeningRecord): AdultScreeningInput {
  const readings = [
    [s.td1_sistolik, s.td1_diastolik],
    [s.td2_sistolik, s.td2_diastolik],
  ]
    .filter(([a, b]) => a !== null && b !== null)
    .map(([systolic, diastolic]) => ({ systolic: systolic!, diastolic: diastolic! }));
  const gejala = bool(s.gula_gejala);
  const passive = bool(s.terpapar_asap);
  return {
    screenedOn: s.screened_on,
    place: s.place as ServicePlace,
    posyanduId: s.posyandu_id,
    performerId: s.performer_id,
    notes: s.notes,
    tekananDarah: readings.length > 0 ? { readings } : undefined,
    gulaDarah:
      s.gula_test !== null && s.gula_value !== null
        ? {
            test: s.gula_test,
            value: s.gula_value,
            ...(gejala !== null ? { symptoms: gejala } : {}),
          }
        : undefined,
    antropometri:
      s.berat_kg !== null && s.tinggi_cm !== null
        ? { beratKg: s.berat_kg, tinggiCm: s.tinggi_cm }
        : undefined,
    lingkarPerutCm: s.lingkar_perut_cm ?? undefined,
    kolesterolTotal: s.kolesterol_total ?? undefined,
    merokok: s.merokok
      ? { status: s.merokok, ...(passive !== null ? { terpaparAsapRokok: passive } : {}) }
      : undefined,
    aktivitasMenitPerMinggu: s.aktivitas_menit ?? undefined,
    porsiSayurBuahPerHari: s.sayur_buah_porsi ?? undefined,
    alkohol: s.alkohol ?? undefined,
    riwayatKeluarga: parseJson<FamilyHistory>(s.riwayat_keluarga) ?? undefined,
    iva: (s.iva as ScreeningValues['iva']) ?? undefined,
    sadanis: (s.sadanis as ScreeningValues['sadanis']) ?? undefined,
    puma: parseJson<PumaCardInput>(s.puma_answers) ?? undefined,
    srq20: parseJson<boolean[]>(s.srq20_answers) ?? undefined,
  };
}

export interface PersonColumns {
  person_id: string;
  name: string;
  nik: string | null;
  sex: 'L' | 'P';
  birth_date: string;
  desa_name: string | null;
}

export function personPart(p: PersonColumns) {
  return {
    personId: p.person_id,
    name: p.name,
    nik: p.nik,
    sex: p.sex,
    birthDate: p.birth_date,
    desaName: p.desa_name,
  };
}

export function screeningRow(s: ScreeningRecord & PersonColumns): AdultScreeningRow {
  return {
    id: s.id,
    ...personPart(s),
    screenedOn: s.screened_on,
    ageYears: s.age_years,
    place: s.place as ServicePlace,
    systolic: s.td_sistolik,
    diastolic: s.td_diastolik,
    tdCode: s.td_code as ResultCode | null,
    gulaTest: s.gula_test,
    gulaValue: s.gula_value,
    gulaCode: s.gula_code as ResultCode | null,
    imt: s.imt,
    imtCode: s.imt_code as ResultCode | null,
    lingkarPerutCode: s.lingkar_perut_code as ResultCode | null,
    followUp: s.follow_up as FollowUp | null,
  };
}

export interface ServiceNames {
  posyandu_name: string | null;
  performer_name: string | null;
}

export function kontrolRow(k: Selectable<AdultKontrolTable> & ServiceNames): AdultKontrolRow {
  return {
    id: k.id,
    version: k.version,
    personId: k.person_id,
    visitOn: k.visit_on,
    place: k.place as ServicePlace,
    posyanduId: k.posyandu_id,
    posyanduName: k.posyandu_name,
    performerId: k.performer_id,
    performerName: k.performer_name,
    notes: k.notes,
    systolic: k.sistolik,
    diastolic: k.diastolik,
    tdCode: k.td_code as ResultCode | null,
    gulaTest: k.gula_test,
    gulaValue: k.gula_value,
    hba1c: k.hba1c,
    obat: parseJson<Medicine[]>(k.obat) ?? [],
    obatLain: k.obat_lain,
    kepatuhan: k.kepatuhan as Adherence | null,
    komplikasi: parseJson<Complication[]>(k.komplikasi) ?? [],
  };
}

export function lansiaRow(l: Selectable<AdultLansiaTable> & ServiceNames): AdultLansiaRow {
  return {
    id: l.id,
    version: l.version,
    personId: l.person_id,
    screenedOn: l.screened_on,
    ageYears: l.age_years,
    place: l.place as ServicePlace,
    posyanduId: l.posyandu_id,
    posyanduName: l.posyandu_name,
    performerId: l.performer_id,
    performerName: l.performer_name,
    notes: l.notes,
    skilasVersion: l.skilas_version,
    skilasPositive: parseJson<SkilasDomain[]>(l.skilas_positive),
    skilasRujuk: bool(l.skilas_rujuk),
    barthelVersion: l.barthel_version,
    barthelTotal: l.barthel_total,
    barthelCode: l.barthel_code as ResultCode | null,
  };
}

export function lansiaAnswers(l: Selectable<AdultLansiaTable>): {
  skilas?: SkilasAnswers;
  barthel?: BarthelScores;
} {
  const skilas = parseJson<SkilasAnswers>(l.skilas_answers);
  const barthel = parseJson<BarthelScores>(l.barthel_scores);
  return { ...(skilas ? { skilas } : {}), ...(barthel ? { barthel } : {}) };
}
