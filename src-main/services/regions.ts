import type * as AreaData from 'idn-area-data';
import type { RegionLookup } from '@shared/domain/identity';
import type { Village } from '@shared/contract';

/**
 * The Kemendagri area list shipped by `idn-area-data` (not typed by hand), loaded lazily and
 * kept in memory. Codes are dotted: 32, 32.01, 32.01.05, 32.01.05.2001.
 */
export interface Area {
  code: string;
  name: string;
}

/** Kemendagri desa code: the 4-digit part starts with 1 (kelurahan), 2 (desa) or 3 (desa adat). */
export function villageKind(code: string): Village['kind'] {
  const first = code.split('.')[3]?.[0];
  return first === '1' ? 'kelurahan' : first === '3' ? 'desa_adat' : 'desa';
}

/** "KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan" (the list writes upper-case names). */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(
      /(^|[\s(/-])([a-z])/g,
      (_m, before: string, letter: string) => before + letter.toUpperCase(),
    );
}

function byName(a: Area, b: Area) {
  return a.name.localeCompare(b.name, 'id');
}

export function createRegionsService() {
  // The package too is loaded at the first lookup (with its CSV reader, about 8 MB).
  let areaData: Promise<typeof AreaData> | null = null;
  const data = () => (areaData ??= import('idn-area-data'));
  let provinces: Promise<Area[]> | null = null;
  let regencies: Promise<(Area & { parent: string })[]> | null = null;
  let districts: Promise<(Area & { parent: string })[]> | null = null;
  let villages: Promise<(Area & { parent: string })[]> | null = null;
  let lookup: Promise<RegionLookup> | null = null;

  const loadProvinces = () =>
    (provinces ??= data()
      .then((m) => m.getProvinces())
      .then((rows) => rows.map((r) => ({ code: r.code, name: titleCase(r.name) }))));
  /** A level below the provinces, each area with the code of the one it belongs to. */
  const withParents = <R extends { code: string; name: string }>(
    rows: (m: typeof AreaData) => Promise<R[]>,
    parentOf: (row: R) => string,
  ) =>
    data()
      .then(rows)
      .then((list) =>
        list.map((r) => ({ code: r.code, name: titleCase(r.name), parent: parentOf(r) })),
      );
  const loadRegencies = () =>
    (regencies ??= withParents(
      (m) => m.getRegencies(),
      (r) => r.province_code,
    ));
  const loadDistricts = () =>
    (districts ??= withParents(
      (m) => m.getDistricts(),
      (r) => r.regency_code,
    ));
  const loadVillages = () =>
    (villages ??= withParents(
      (m) => m.getVillages(),
      (r) => r.district_code,
    ));

  async function nameOf(code: string): Promise<string | null> {
    const depth = code.split('.').length;
    const list =
      depth === 1
        ? await loadProvinces()
        : depth === 2
          ? await loadRegencies()
          : depth === 3
            ? await loadDistricts()
            : await loadVillages();
    return list.find((a) => a.code === code)?.name ?? null;
  }

  return {
    provinces: async () => [...(await loadProvinces())].sort(byName),
    regencies: async (provinceCode: string) =>
      (await loadRegencies())
        .filter((r) => r.parent === provinceCode)
        .map(({ code, name }) => ({ code, name })),
    districts: async (regencyCode: string) =>
      (await loadDistricts())
        .filter((d) => d.parent === regencyCode)
        .map(({ code, name }) => ({ code, name }))
        .sort(byName),
    villages: async (districtCode: string): Promise<Village[]> =>
      (await loadVillages())
        .filter((v) => v.parent === districtCode)
        .map(({ code, name }) => ({ code, name, kind: villageKind(code) }))
        .sort(byName),
    nameOf,
    /**
     * Look up desa/kelurahan codes: their names, kind and kecamatan, and the codes that are not
     * in the list.
     */
    async resolveVillages(codes: readonly string[]) {
      const found: (Village & { districtCode: string; districtName: string })[] = [];
      const unknown: string[] = [];
      for (const code of new Set(codes)) {
        const districtCode = code.split('.').slice(0, 3).join('.');
        const village = (await loadVillages()).find((v) => v.code === code);
        if (!village) {
          unknown.push(code);
          continue;
        }
        found.push({
          code,
          name: village.name,
          kind: villageKind(code),
          districtCode,
          districtName: (await nameOf(districtCode)) ?? districtCode,
        });
      }
      return { found, unknown };
    },
    /** Code sets for the NIK region check. */
    lookup: () =>
      (lookup ??= Promise.all([loadProvinces(), loadRegencies(), loadDistricts()]).then(
        ([p, r, d]) => {
          const ps = new Set(p.map((x) => x.code));
          const rs = new Set(r.map((x) => x.code));
          const ds = new Set(d.map((x) => x.code));
          return {
            provinceExists: (c: string) => ps.has(c),
            regencyExists: (c: string) => rs.has(c),
            districtExists: (c: string) => ds.has(c),
          };
        },
      )),
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
