import { addDays, ageOn } from '@shared/domain/dates';
import { normalizeName } from '@shared/domain/identity';
import type { DemoContext, DemoPerson, DemoStep } from './context';
import { FEMALE_NAMES, MALE_NAMES, SECOND_NAMES } from './names';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Household sizes in a rural West Java kecamatan (roughly the Susenas shape). */
const HOUSEHOLD_SIZES: [number, number][] = [
  [1, 5],
  [2, 14],
  [3, 21],
  [4, 25],
  [5, 18],
  [6, 10],
  [7, 7],
];

/** A birth date `years` (+ a random part of a year) before `today`. */
function birthDateAged(ctx: DemoContext, years: number): string {
  return addDays(ctx.today, -Math.round(years * 365.25) - ctx.rng.int(0, 364));
}

function personName(ctx: DemoContext, sex: 'L' | 'P', young: boolean): string {
  const { rng } = ctx;
  const first = rng.pick(sex === 'L' ? MALE_NAMES : FEMALE_NAMES);
  const parts = [first];
  if (rng.chance(young ? 0.85 : 0.55)) {
    parts.push(
      rng.chance(0.5) ? rng.pick(SECOND_NAMES) : rng.pick(sex === 'L' ? MALE_NAMES : FEMALE_NAMES),
    );
  }
  if (young && rng.chance(0.25)) parts.push(rng.pick(SECOND_NAMES));
  return [...new Set(parts)].join(' ');
}

/**
 * Households of the wilayah kerja: a head, usually a spouse, children spaced 2–5 years, some
 * grandparents; NIK consistent with birth date and sex (women's day + 40); KK per household;
 * babies under two months without NIK but with the mother's.
 */
export function populationStep(target: number): DemoStep {
  return {
    name: 'penduduk',
    run(ctx) {
      const { rng, sqlite } = ctx;
      const serials = new Map<string, number>();
      const insertPerson = sqlite.prepare(`
        INSERT INTO person (id, nik, nik_ibu, mother_id, no_kk, name, name_search, sex, birth_date,
          birth_date_estimated, birth_place, desa_id, outside_address, rt, rw, address, phone,
          bpjs_no, posyandu_id, notes, delete_reason, created_at, updated_at, deleted_at, version,
          created_by, updated_by)
        VALUES (@id, @nik, @nik_ibu, @mother_id, @no_kk, @name, @name_search, @sex, @birth_date,
          @birth_date_estimated, @birth_place, @desa_id, NULL, @rt, @rw, @address, @phone,
          @bpjs_no, @posyandu_id, NULL, NULL, @at, @at, NULL, 1, @by, @by)`);
      const otherDistricts = ['320501', '320503', '320504', '320519'];
      // First names of mothers, for the "By. Ny. <name>" label of babies without a name yet.
      const firstNames = new Map<string, string>();

      function nik(sex: 'L' | 'P', birthDate: string, region: string): string {
        const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
        const prefix = `${region}${pad(sex === 'P' ? d + 40 : d)}${pad(m)}${pad(y % 100)}`;
        const serial = (serials.get(prefix) ?? 0) + 1;
        serials.set(prefix, serial);
        return `${prefix}${pad(serial, 4)}`;
      }

      let household = 0;
      while (ctx.persons.length < target) {
        household += 1;
        const size = Math.min(rng.weighted(HOUSEHOLD_SIZES), target - ctx.persons.length);
        const desa = rng.pick(ctx.desa);
        const rw = rng.int(1, desa.rwCount);
        const rt = rng.int(1, desa.rtPerRw);
        const region = rng.chance(0.94)
          ? ctx.facility.districtCode.replace(/\./g, '')
          : rng.pick(otherDistricts);
        const dusun = desa.dusun[(rw - 1) % desa.dusun.length] ?? '';
        const kkDate = birthDateAged(ctx, rng.int(0, 12));
        const [ky, km, kd] = kkDate.split('-').map(Number) as [number, number, number];
        const noKk = `${region}${pad(kd)}${pad(km)}${pad(ky % 100)}${pad(household % 10000, 4)}`;
        const villagePosyandu = ctx.posyandu.filter((p) => p.desaId === desa.id);
        const posyandu = villagePosyandu.length ? rng.pick(villagePosyandu).id : null;

        const members: {
          sex: 'L' | 'P';
          age: number;
          role: 'head' | 'spouse' | 'child' | 'elder';
        }[] = [];
        // A single person is often elderly; a woman heading a household lives without a spouse.
        const headSex: 'L' | 'P' =
          size === 1 ? (rng.chance(0.55) ? 'P' : 'L') : rng.chance(0.9) ? 'L' : 'P';
        const headAge =
          size === 1
            ? rng.chance(0.6)
              ? rng.int(60, 88)
              : rng.int(20, 59)
            : rng.weighted([
                [rng.int(21, 34), 3],
                [rng.int(35, 49), 4],
                [rng.int(50, 66), 3],
              ] as const);
        members.push({ sex: headSex, age: headAge, role: 'head' });
        let motherAge: number | null = headSex === 'P' ? headAge : null;
        if (headSex === 'L' && size >= 2 && (size > 2 || rng.chance(0.85))) {
          const spouseAge = Math.max(17, headAge - rng.int(0, 7));
          members.push({ sex: 'P', age: spouseAge, role: 'spouse' });
          motherAge = spouseAge;
        }
        // Children from the youngest up, two to five years apart, born when the mother was 17+.
        const oldestPossible = motherAge !== null ? motherAge - 17 : 25;
        let childAge = motherAge !== null && motherAge < 45 ? rng.int(0, 11) : rng.int(8, 22);
        while (members.length < size) {
          if (
            childAge > oldestPossible ||
            (rng.chance(0.07) && !members.some((x) => x.role === 'elder'))
          ) {
            members.push({ sex: rng.chance(0.6) ? 'P' : 'L', age: rng.int(60, 85), role: 'elder' });
            continue;
          }
          members.push({ sex: rng.chance(0.5) ? 'L' : 'P', age: childAge, role: 'child' });
          childAge += rng.int(2, 5);
        }

        let motherRecord: DemoPerson | null = null;
        for (const member of members) {
          const exactBirth =
            member.age === 0
              ? addDays(ctx.today, -rng.int(3, 330))
              : birthDateAged(ctx, member.age);
          // Many elderly do not know their birth date: 1 July of the year is written (NIK too).
          const estimated = member.age > 70 && rng.chance(0.3);
          const birthDate = estimated ? `${exactBirth.slice(0, 4)}-07-01` : exactBirth;
          const young = member.age < 30;
          const ageDays = -Math.round((Date.parse(birthDate) - Date.parse(ctx.today)) / 86_400_000);
          const newborn = ageDays < 60;
          // Registered some day in the last five years (not before birth): the row's created_at
          // and its UUIDv7 time, so "changed since" (the monthly bundle) sees a month's new
          // registrations rather than the whole register.
          const registeredMs = Date.parse(ctx.nowIso) - rng.int(0, 5 * 365) * 86_400_000;
          const id = rng.uuidv7(registeredMs);
          const registeredAt = new Date(
            Math.min(
              Date.parse(ctx.nowIso),
              Math.max(registeredMs, Date.parse(`${birthDate}T03:00:00.000Z`)),
            ),
          ).toISOString();
          const isMother =
            member.role === (headSex === 'L' ? 'spouse' : 'head') && member.sex === 'P';
          const motherId = member.role === 'child' && motherRecord ? motherRecord.id : null;
          const personNik =
            newborn || (member.age > 75 && rng.chance(0.05))
              ? null
              : nik(member.sex, birthDate, region);
          const age = ageOn(birthDate, ctx.today).years;
          const inPosyandu = age < 6 || (member.sex === 'P' && age >= 15 && age <= 49) || age >= 60;
          const name =
            member.role === 'child' && newborn && motherRecord
              ? `By. Ny. ${firstNames.get(motherRecord.id) ?? 'Ibu'}`
              : personName(ctx, member.sex, young);
          firstNames.set(id, name.split(' ')[0]!);
          insertPerson.run({
            id,
            nik: personNik,
            nik_ibu: personNik === null && motherRecord ? motherRecord.nik : null,
            mother_id: motherId,
            no_kk: newborn ? null : noKk,
            name,
            name_search: normalizeName(name),
            sex: member.sex,
            birth_date: birthDate,
            birth_date_estimated: estimated ? 1 : 0,
            birth_place: rng.chance(0.8)
              ? 'Garut'
              : rng.pick(['Bandung', 'Tasikmalaya', 'Sumedang', 'Jakarta']),
            desa_id: desa.id,
            rt: pad(rt, 3),
            rw: pad(rw, 3),
            address: dusun ? `Kp. ${dusun}` : null,
            phone:
              member.age >= 17 && rng.chance(0.5)
                ? `08${rng.int(11, 59)}${rng.int(10000000, 99999999)}`
                : null,
            bpjs_no: rng.chance(0.72) ? `000${rng.int(1000000000, 9999999999)}` : null,
            posyandu_id: inPosyandu ? posyandu : null,
            at: registeredAt,
            by: ctx.adminId,
          });
          const record: DemoPerson = {
            id,
            nik: personNik,
            sex: member.sex,
            birthDate,
            desaId: desa.id,
            motherId,
            householdId: household,
            posyanduId: inPosyandu ? posyandu : null,
            areaPosyanduId: posyandu,
          };
          if (isMother) motherRecord = record;
          ctx.persons.push(record);
        }
      }
      ctx.counts.person = ctx.persons.length;
    },
  };
}
