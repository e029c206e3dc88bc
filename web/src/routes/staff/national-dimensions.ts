// The six national smart-city dimensions, for the "restore" button. A copy of the
// server's NATIONAL_DIMENSIONS: importing server/domain/district.ts would pull its CSV
// parser (and Node's Buffer) into the browser. test/web/national-dimensions.test.ts
// keeps the two equal.
export const NATIONAL_DIMENSIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'governance', name: 'Smart Governance' },
  { code: 'branding', name: 'Smart Branding' },
  { code: 'economy', name: 'Smart Economy' },
  { code: 'living', name: 'Smart Living' },
  { code: 'society', name: 'Smart Society' },
  { code: 'environment', name: 'Smart Environment' },
];
