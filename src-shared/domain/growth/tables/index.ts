// GENERATED FILE — do not edit. Made by src-main/dev/build-who-tables.ts.
export { WFA_2006 } from './weianthro';
export { LHFA_2006 } from './lenanthro';
export { WFL_2006 } from './wflanthro';
export { WFH_2006 } from './wfhanthro';
export { BFA_2006 } from './bmianthro';
export { HCFA_2006 } from './hcanthro';
export { ACFA_2006 } from './acanthro';
export { WFA_2007 } from './wfawho2007';
export { HFA_2007 } from './hfawho2007';
export { BFA_2007 } from './bfawho2007';
