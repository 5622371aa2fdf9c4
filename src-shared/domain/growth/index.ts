/**
 * Growth: WHO z-scores (2006 standards under 5, 2007 reference 5–19 years) exactly as WHO's anthro
 * and anthroplus compute them, status gizi per Permenkes 2/2020, growth monitoring N/T/O/B/2T
 * against the KBM table, and SD curves for charts.
 *
 * Conventions: sex 1 = laki-laki (male), 2 = perempuan (female) (WHO coding); weight kg; length,
 * height, head and arm circumference cm; age in days under five, in exact months (days /
 * 30.4375) for 5–19 years; a missing value is null (WHO's NA).
 */
export * from './lms';
export * from './indicators';
export * from './who2006';
export * from './who2007';
export * from './status';
export * from './kbm';
export * from './curves';
export * from './tables';
export * from './measurement';
export * from './skdn';
export * from './kbm-settings';
