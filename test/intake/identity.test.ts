import { describe, expect, it } from 'vitest';
import { phoneListenerId } from '../../server/intake/identity.ts';
import { maskPhone } from '../../server/domain/intake/phone.ts';
import { isId } from '../../server/contract/ids.ts';

describe('a texting listener\'s identity', () => {
  it('is the same for every way of writing one number, and differs per number and per secret', () => {
    const a = phoneListenerId('rahasia', '+62 812-3456-5432');
    expect(a).toMatch(/^tel-[A-Za-z0-9_-]{20}$/);
    expect(isId(a)).toBe(true);
    expect(phoneListenerId('rahasia', '081234565432')).toBe(a);
    expect(phoneListenerId('rahasia', '6281234565432')).toBe(a);
    expect(phoneListenerId('rahasia', '081234565433')).not.toBe(a);
    expect(phoneListenerId('lain', '081234565432')).not.toBe(a);
    expect(a).not.toContain('5432');
  });

  it('is refused for what is not an Indonesian number', () => {
    expect(phoneListenerId('rahasia', 'MyTelkomsel')).toBeNull();
    expect(phoneListenerId('rahasia', '12345')).toBeNull();
  });

  it('is shown to the screener masked', () => {
    expect(maskPhone('+62 812-3456-5432')).toBe('0812-••••-5432');
    expect(maskPhone('Telkomsel')).toBe('••••');
  });
});
