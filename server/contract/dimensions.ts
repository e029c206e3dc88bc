// The national smart-city dimensions: a new district starts with them, and the admin's
// "restore" button puts them back. Defined once, for the server and the web.
import type { Dimension } from './types.ts';

/** The six national smart-city dimensions (Gerakan Menuju 100 Smart City). */
export const NATIONAL_DIMENSIONS: readonly Dimension[] = [
  { code: 'governance', name: 'Smart Governance' },
  { code: 'branding', name: 'Smart Branding' },
  { code: 'economy', name: 'Smart Economy' },
  { code: 'living', name: 'Smart Living' },
  { code: 'society', name: 'Smart Society' },
  { code: 'environment', name: 'Smart Environment' },
];

/**
 * An usulan texted in by SMS or WhatsApp carries no dimension: a listener cannot pick one
 * from a keypad, so the planner assigns it on the desk. Stored as this empty code.
 */
export const UNASSIGNED_DIMENSION = '';
export const UNASSIGNED_DIMENSION_NAME = 'Belum ditentukan';
