// The station's public address as GET /api/address reports it, and the loopback rule
// both sides apply (server/net/public-address.ts picks the address; the web decides
// which one the join link and QR show).

export type AddressSource = 'configured' | 'lan' | 'loopback';

export interface PublicAddress {
  /** Origin only, no trailing slash: "https://radio.example.id", "http://192.168.1.20:3000". */
  url: string;
  source: AddressSource;
  /** True when the host name is localhost/loopback: a phone cannot open the link. */
  loopback: boolean;
}

/** localhost, *.localhost, 127.0.0.0/8, ::1, and the wildcard addresses nobody can open. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0.0.0.0' || h === '::';
}
