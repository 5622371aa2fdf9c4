import type { Klaster, Profession } from '@shared/domain/codes/service';
import { addDays, ageOn, isIsoDate } from '@shared/domain/dates';
import {
  estimateSasaran,
  KADER_SKILL_CODES,
  SASARAN_CONSTANTS_DEFAULT,
  SASARAN_GROUPS,
  type EmploymentStatus,
  type KaderLevel,
  type PosyanduStratum,
} from '@shared/domain/management';
import type { DemoContext, DemoStep } from './context';
import { FEMALE_NAMES, MALE_NAMES, SECOND_NAMES } from './names';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface StaffPlan {
  profession: Profession;
  title: (name: string) => string;
  sex: 'L' | 'P' | 'any';
  count: number;
  klaster: Klaster;
  /** The first of this profession leads the klaster. */
  leads?: boolean;
  education: string;
}

/** About 27 staff of a rural puskesmas (domain.md §4 SDM), with the ILP klaster they serve. */
const STAFF: StaffPlan[] = [
  {
    profession: 'dokter',
    title: (n) => `dr. ${n}`,
    sex: 'any',
    count: 3,
    klaster: 'k3',
    leads: true,
    education: 'profesi',
  },
  {
    profession: 'dokter_gigi',
    title: (n) => `drg. ${n}`,
    sex: 'P',
    count: 1,
    klaster: 'lintas',
    education: 'profesi',
  },
  {
    profession: 'bidan',
    title: (n) => `${n}, A.Md.Keb`,
    sex: 'P',
    count: 8,
    klaster: 'k2',
    leads: true,
    education: 'd3',
  },
  {
    profession: 'perawat',
    title: (n) => `${n}, S.Kep., Ners`,
    sex: 'any',
    count: 6,
    klaster: 'k3',
    education: 'profesi',
  },
  {
    profession: 'tenaga_gizi',
    title: (n) => `${n}, S.Gz`,
    sex: 'P',
    count: 1,
    klaster: 'k2',
    education: 's1',
  },
  {
    profession: 'sanitarian',
    title: (n) => `${n}, A.Md.KL`,
    sex: 'L',
    count: 1,
    klaster: 'k4',
    leads: true,
    education: 'd3',
  },
  {
    profession: 'promkes',
    title: (n) => `${n}, S.KM`,
    sex: 'any',
    count: 1,
    klaster: 'k1',
    education: 's1',
  },
  {
    profession: 'apoteker',
    title: (n) => `apt. ${n}, S.Farm`,
    sex: 'P',
    count: 1,
    klaster: 'lintas',
    leads: true,
    education: 'profesi',
  },
  {
    profession: 'tenaga_farmasi',
    title: (n) => `${n}, A.Md.Farm`,
    sex: 'P',
    count: 1,
    klaster: 'lintas',
    education: 'd3',
  },
  {
    profession: 'atlm',
    title: (n) => `${n}, A.Md.AK`,
    sex: 'any',
    count: 1,
    klaster: 'lintas',
    education: 'd3',
  },
  {
    profession: 'perekam_medis',
    title: (n) => `${n}, A.Md.RMIK`,
    sex: 'any',
    count: 1,
    klaster: 'k1',
    education: 'd3',
  },
  {
    profession: 'epidemiolog',
    title: (n) => `${n}, S.KM`,
    sex: 'any',
    count: 1,
    klaster: 'k4',
    education: 's1',
  },
  {
    profession: 'administrasi',
    title: (n) => n,
    sex: 'any',
    count: 1,
    klaster: 'k1',
    leads: true,
    education: 'sma',
  },
];

const STATUSES: [EmploymentStatus, number][] = [
  ['pns', 5],
  ['pppk', 3],
  ['blud', 2],
  ['kontrak', 2],
];

const TRAININGS = [
  ['Pelatihan kader posyandu ILP', 'Puskesmas'],
  ['Orientasi 25 keterampilan dasar kader', 'Dinkes Kabupaten Garut'],
  ['Pelatihan pemantauan pertumbuhan balita', 'Puskesmas'],
  ['Skrining PTM di posyandu', 'Puskesmas'],
  ['Kelas ibu hamil untuk kader', 'Bidan desa'],
] as const;

function personName(ctx: DemoContext, sex: 'L' | 'P'): string {
  const first = ctx.rng.pick(sex === 'L' ? MALE_NAMES : FEMALE_NAMES);
  const second = ctx.rng.pick(SECOND_NAMES);
  return first === second ? first : `${first} ${second}`;
}

/** A NIK consistent with birth date and sex (women's day + 40), serials from 9001 (staff). */
function staffNik(ctx: DemoContext, sex: 'L' | 'P', birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const region = ctx.facility.districtCode.replace(/\./g, '');
  return `${region}${pad(sex === 'P' ? d + 40 : d)}${pad(m)}${pad(y % 100)}${pad(serial, 4)}`;
}

/** A NIP: birth date, TMT (year-month at 23–30), sex digit, serial. */
function nip(ctx: DemoContext, birthDate: string, sex: 'L' | 'P'): string {
  const birthYear = Number(birthDate.slice(0, 4));
  const tmtYear = Math.min(Number(ctx.today.slice(0, 4)) - 1, birthYear + ctx.rng.int(23, 30));
  return `${birthDate.replace(/-/g, '')}${tmtYear}${pad(ctx.rng.pick([1, 2, 3, 4, 10]))}${sex === 'L' ? 1 : 2}${pad(ctx.rng.int(1, 40), 3)}`;
}

function desaKinds(ctx: DemoContext): Map<string, string> {
  const rows = ctx.sqlite.prepare('SELECT id, kind FROM desa').all() as {
    id: string;
    kind: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/**
 * Klaster 1: the SDM register (some STR/SIP expiring soon, one expired), a Pustu per desa with
 * its bidan and perawat, the posyandu's kode/strata/ILP status, five kader per posyandu drawn
 * from the women of the desa, other FKTP of the area, and sasaran for this year (estimated from
 * the registry) and last year (as imported from Dinkes). Runs first: service steps need nakes.
 */
export const managementStep: DemoStep = {
  name: 'klaster-1',
  run(ctx) {
    const { rng, sqlite, today } = ctx;
    const year = Number(today.slice(0, 4));

    // --- Pustu, one per desa (not kelurahan).
    const kinds = desaKinds(ctx);
    const pustu: { id: string; desaId: string }[] = [];
    for (const desa of ctx.desa) {
      if (kinds.get(desa.id) === 'kelurahan') continue;
      const id = ctx.insert('pustu', {
        name: `Pustu ${desa.name}`,
        desa_id: desa.id,
        kode: null,
        address: `Kantor Desa ${desa.name}, ${desa.dusun[0] ?? ''}`.replace(/, $/, ''),
        phone: null,
        latitude: null,
        longitude: null,
        active: 1,
        notes: null,
      });
      pustu.push({ id, desaId: desa.id });
    }

    // --- Tenaga kesehatan.
    const expiries = [20, 55, 80, -12]; // days from today for four STR/SIP
    let serial = 9001;
    let bidanIndex = 0;
    let perawatIndex = 0;
    const staffCount = STAFF.reduce((n, s) => n + s.count, 0);
    // Four clinical staff (the administrator, last, has no STR) with a licence ending soon.
    const soon = new Set<number>();
    while (soon.size < expiries.length) soon.add(rng.int(0, staffCount - 2));
    const soonAt = [...soon];
    let index = 0;
    for (const plan of STAFF) {
      for (let i = 0; i < plan.count; i++, index++) {
        const sex: 'L' | 'P' = plan.sex === 'any' ? (rng.chance(0.5) ? 'L' : 'P') : plan.sex;
        const birthDate = addDays(today, -rng.int(24 * 365, 56 * 365));
        const status =
          plan.profession === 'dokter' && i === 2 ? 'internship' : rng.weighted(STATUSES);
        const hasNip = status === 'pns' || status === 'pppk';
        const clinical = plan.profession !== 'administrasi';
        const expiryIndex = soonAt.indexOf(index);
        const strLifetime = clinical && expiryIndex < 0 && rng.chance(0.3);
        const strExpiry =
          !clinical || strLifetime
            ? null
            : expiryIndex >= 0 && expiryIndex % 2 === 0
              ? addDays(today, expiries[expiryIndex]!)
              : addDays(today, rng.int(120, 4 * 365));
        const sipExpiry = !clinical
          ? null
          : expiryIndex >= 0 && expiryIndex % 2 === 1
            ? addDays(today, expiries[expiryIndex]!)
            : addDays(today, rng.int(120, 5 * 365));
        let pustuId: string | null = null;
        if (plan.profession === 'bidan' && i > 0) pustuId = pustu[bidanIndex++]?.id ?? null;
        if (plan.profession === 'perawat' && i > 1) pustuId = pustu[perawatIndex++ * 2]?.id ?? null;
        ctx.insert('nakes', {
          nik: staffNik(ctx, sex, birthDate, serial++),
          nip: hasNip ? nip(ctx, birthDate, sex) : null,
          name: plan.title(personName(ctx, sex)),
          sex,
          birth_date: birthDate,
          phone: `08${rng.int(11, 59)}${rng.int(1000, 9999)}${rng.int(1000, 9999)}`,
          profession: plan.profession,
          employment_status: status,
          education: plan.education,
          str_number: clinical
            ? `${rng.int(10, 99)} ${rng.int(1, 9)} ${rng.int(1000000, 9999999)}`
            : null,
          str_expiry: strExpiry,
          str_lifetime: strLifetime ? 1 : 0,
          sip_number: clinical
            ? `503/${rng.int(100, 999)}/SIP/DPMPTSP/${year - rng.int(0, 4)}`
            : null,
          sip_expiry: sipExpiry,
          klaster: plan.klaster,
          is_pj_klaster: plan.leads && i === 0 ? 1 : 0,
          satusehat_practitioner_id: rng.chance(0.6) ? `N${rng.int(10000000, 99999999)}` : null,
          active: 1,
          pustu_id: pustuId,
          notes: null,
        });
      }
    }

    // --- Posyandu: kode, strata, ILP status, and the Pustu of their desa.
    const strata: [PosyanduStratum, number][] = [
      ['pratama', 1],
      ['madya', 3],
      ['purnama', 4],
      ['mandiri', 2],
    ];
    const update = sqlite.prepare(
      'UPDATE posyandu SET kode = ?, stratum = ?, ilp = ?, pustu_id = ? WHERE id = ?',
    );
    const perDesa = new Map<string, number>();
    for (const p of ctx.posyandu) {
      const desa = ctx.desa.find((d) => d.id === p.desaId)!;
      const n = (perDesa.get(p.desaId) ?? 0) + 1;
      perDesa.set(p.desaId, n);
      update.run(
        `P${desa.code.replace(/\./g, '')}${pad(n)}`,
        rng.weighted(strata),
        rng.chance(0.7) ? 1 : 0,
        pustu.find((u) => u.desaId === p.desaId)?.id ?? null,
        p.id,
      );
    }

    // --- Kader: five per posyandu, from the women (and a few men) of the desa.
    const residents = sqlite
      .prepare(
        'SELECT id, nik, name, sex, birth_date, phone, desa_id FROM person WHERE deleted_at IS NULL AND desa_id IS NOT NULL AND nik IS NOT NULL ORDER BY id',
      )
      .all() as {
      id: string;
      nik: string;
      name: string;
      sex: 'L' | 'P';
      birth_date: string;
      phone: string | null;
      desa_id: string;
    }[];
    const adults = new Map<string, typeof residents>();
    for (const r of residents) {
      const age = ageOn(r.birth_date, today).years;
      if (age < 20 || age > 60) continue;
      const list = adults.get(r.desa_id) ?? [];
      list.push(r);
      adults.set(r.desa_id, list);
    }
    const taken = new Set<string>();
    for (const p of ctx.posyandu) {
      const candidates = adults.get(p.desaId) ?? [];
      for (let k = 0; k < 5; k++) {
        const women = candidates.filter((r) => r.sex === 'P' && !taken.has(r.id));
        const pool =
          rng.chance(0.9) && women.length > 0 ? women : candidates.filter((r) => !taken.has(r.id));
        const resident = pool.length > 0 ? rng.pick(pool) : null;
        if (resident) taken.add(resident.id);
        const sex = resident?.sex ?? 'P';
        const skills = KADER_SKILL_CODES.filter(() => rng.chance(0.45)).map((code) => ({
          code,
          date: addDays(today, -rng.int(30, 3 * 365)),
        }));
        const level: KaderLevel | null =
          skills.length >= 20
            ? 'utama'
            : skills.length >= 10
              ? 'madya'
              : skills.length > 0
                ? 'purwa'
                : null;
        const trainings = Array.from({ length: rng.int(0, 2) }, () => {
          const [name, organizer] = rng.pick(TRAININGS);
          return { name, date: addDays(today, -rng.int(60, 4 * 365)), organizer };
        }).sort((a, b) => a.date.localeCompare(b.date));
        const birthDate = resident?.birth_date ?? addDays(today, -rng.int(22 * 365, 55 * 365));
        ctx.insert('kader', {
          nik: resident?.nik ?? null,
          name: resident?.name ?? personName(ctx, sex),
          sex,
          birth_date: isIsoDate(birthDate) ? birthDate : null,
          phone:
            resident?.phone ?? `08${rng.int(11, 59)}${rng.int(1000, 9999)}${rng.int(1000, 9999)}`,
          desa_id: p.desaId,
          posyandu_id: p.id,
          level,
          skills: JSON.stringify(skills),
          trainings: JSON.stringify(trainings),
          active: rng.chance(0.94) ? 1 : 0,
          notes: null,
        });
      }
    }

    // --- Other FKTP of the area (their services for residents are entered as FKTP lain).
    const fktp: [string, string, string | null, number][] = [
      ['klinik', 'Klinik Pratama Medika Utama', 'dr. Hendra Gunawan', 1],
      ['pmb', 'PMB Bd. Nenden Sumarni', 'Nenden Sumarni, A.Md.Keb', 1],
      ['pmb', 'PMB Bd. Euis Rohayati', 'Euis Rohayati, S.Tr.Keb', 0],
      ['dpm', 'Praktik dr. Asep Saepulloh', 'dr. Asep Saepulloh', 1],
      ['dpmg', 'Praktik drg. Lilis Suryani', 'drg. Lilis Suryani', 0],
    ];
    for (const [kind, name, owner, bpjs] of fktp) {
      const desa = rng.pick(ctx.desa);
      ctx.insert('fktp', {
        kind,
        name,
        desa_id: desa.id,
        address: `Jl. Raya ${desa.name} No. ${rng.int(1, 120)}`,
        kode: bpjs ? `0102${rng.pick(['R', 'U', 'G'])}${pad(rng.int(1, 99), 3)}` : null,
        owner_name: owner,
        phone: `0262 ${rng.int(200000, 299999)}`,
        bpjs,
        shares_data: rng.chance(0.6) ? 1 : 0,
        active: 1,
        notes: null,
      });
    }

    // --- Sasaran: this year from the registry (PWS-KIA estimate), last year as from Dinkes.
    const counts = new Map(
      (
        sqlite
          .prepare(
            'SELECT desa_id, count(*) AS n FROM person WHERE deleted_at IS NULL AND desa_id IS NOT NULL GROUP BY desa_id',
          )
          .all() as { desa_id: string; n: number }[]
      ).map((r) => [r.desa_id, r.n]),
    );
    const constants = SASARAN_CONSTANTS_DEFAULT.values;
    for (const desa of ctx.desa) {
      const registered = counts.get(desa.id) ?? 0;
      if (registered === 0) continue;
      const thisYear = estimateSasaran(registered, constants);
      const lastYear = estimateSasaran(Math.round(registered * 0.988), constants);
      for (const group of SASARAN_GROUPS) {
        ctx.insert('sasaran', {
          year,
          desa_id: desa.id,
          group_code: group,
          value: thisYear[group],
          source: group === 'penduduk' ? 'registri' : 'estimasi',
          basis: JSON.stringify(
            group === 'penduduk'
              ? { counted: registered }
              : {
                  penduduk: registered,
                  constantsYear: year,
                  constantsRevision: 0,
                  constantsSet: SASARAN_CONSTANTS_DEFAULT.id,
                },
          ),
        });
        ctx.insert('sasaran', {
          year: year - 1,
          desa_id: desa.id,
          group_code: group,
          value: lastYear[group],
          source: 'impor',
          basis: JSON.stringify({ fileName: `sasaran-dinkes-${year - 1}.xlsx` }),
        });
      }
    }
  },
};
