import { describe, expect, it } from 'vitest';
import { changeSettings, effective, settingsView, withoutPassword } from '../../../server/domain/intake/settings.ts';

describe('intake settings', () => {
  it('takes the environment over the admin and says which came from there', () => {
    const { settings, fromEnvironment } = effective({ smsSecret: 'dari-aplikasi-1234567', smsNumber: '0811' }, { SMS_GATEWAY_SECRET: 'dari-lingkungan-12345', WHATSAPP_TOKEN: ' ' });
    expect(settings.smsSecret).toBe('dari-lingkungan-12345');
    expect(settings.smsNumber).toBe('0811');
    expect(fromEnvironment).toEqual(['smsSecret']);
  });

  it('never shows a secret back, and hides the gateway password', () => {
    const view = settingsView({ smsSecret: 'rahasia-sekali-1234567', smsGatewayUrl: 'http://sms:sandiku@192.168.1.20:8080' }, []);
    expect(JSON.stringify(view)).not.toContain('rahasia-sekali');
    expect(JSON.stringify(view)).not.toContain('sandiku');
    expect(view.smsSecretSet).toBe(true);
    expect(view.smsGatewayUrl).toBe('http://sms:•••@192.168.1.20:8080/');
    expect(withoutPassword('bukan url')).toBe('');
  });

  it('refuses short secrets, bad addresses and numbers, and settings from the environment, changing nothing', () => {
    const stored = { smsNumber: '0811 2222 3333' };
    expect(changeSettings(stored, { smsSecret: 'pendek' }, [])).toMatchObject({ ok: false, error: { code: 'invalid_secret' } });
    expect(changeSettings(stored, { smsGatewayUrl: 'ftp://x' }, [])).toMatchObject({ ok: false, error: { code: 'invalid_gateway_url' } });
    expect(changeSettings(stored, { smsGatewayUrl: 'javascript:alert(1)' }, [])).toMatchObject({ ok: false, error: { code: 'invalid_gateway_url' } });
    expect(changeSettings(stored, { smsNumber: '<b>0811</b>' }, [])).toMatchObject({ ok: false, error: { code: 'invalid_station_number' } });
    expect(changeSettings(stored, { episodeId: '../etc' }, [])).toMatchObject({ ok: false, error: { code: 'episode_not_found' } });
    expect(changeSettings(stored, { smsSecret: 'panjang-cukup-123456' }, ['smsSecret'])).toMatchObject({ ok: false, error: { code: 'setting_from_environment' } });
    expect(stored).toEqual({ smsNumber: '0811 2222 3333' });
  });

  it('sets, keeps what is left out, and removes with "" or null', () => {
    const a = changeSettings({}, { smsSecret: 'panjang-cukup-123456', smsNumber: '+62 811-2222-3333' }, []);
    expect(a).toEqual({ ok: true, value: { smsSecret: 'panjang-cukup-123456', smsNumber: '+62 811-2222-3333' } });
    const b = changeSettings((a as any).value, { smsSecret: '', whatsappNumber: '0812 1111 2222' }, []);
    expect(b).toEqual({ ok: true, value: { smsNumber: '+62 811-2222-3333', whatsappNumber: '0812 1111 2222' } });
    const c = changeSettings((b as any).value, { smsNumber: null }, []);
    expect(c).toEqual({ ok: true, value: { whatsappNumber: '0812 1111 2222' } });
  });
});
