// The station's public address, asked of the server once per page (GET /api/address).
import { api } from './api.ts';
import { joinBase, joinUrl } from './public-address.ts';
import type { JoinBase, PublicAddress } from './public-address.ts';

class PublicAddressStore {
  /** null until the server answered (or failed to): pages wait rather than show a wrong QR. */
  base = $state.raw<JoinBase | null>(null);
  #loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.#loading ??= api<PublicAddress>('/api/address').then((r) => {
      this.base = joinBase(r.ok ? r.data : null, location.origin);
    });
    return this.#loading;
  }

  joinUrl(code: string): string | null {
    return this.base ? joinUrl(this.base, code) : null;
  }
}

export const publicAddress = new PublicAddressStore();
