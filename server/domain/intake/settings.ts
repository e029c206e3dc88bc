// The admin's intake settings: what is stored, what the environment overrides (scripted
// installs), and what the console may read back (never a secret). Pure.
import { fail } from '../../contract/errors.ts';
import type { DomainError } from '../../contract/errors.ts';
import { isId } from '../../contract/ids.ts';
import { SETTING_ENV } from '../../contract/intake.ts';
import type { IntakeSettingsInput, IntakeSettingsView } from '../../contract/intake.ts';

export type SettingName = keyof IntakeSettingsInput;
export type Settings = Partial<Record<SettingName, string | null>>;

// The variables a scripted install may give live in the contract: the admin's page names them.
export { SETTING_ENV };

const SECRETS = ['smsSecret', 'modemSecret', 'whatsappVerifyToken', 'whatsappAppSecret', 'whatsappToken'] as const;

/** The settings in force: the environment's where given, else the admin's. */
export function effective(stored: Settings, env: Record<string, string | undefined>): { settings: Settings; fromEnvironment: SettingName[] } {
  const settings: Settings = { ...stored };
  const fromEnvironment: SettingName[] = [];
  for (const [name, variable] of Object.entries(SETTING_ENV) as Array<[SettingName, string]>) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== '') {
      settings[name] = value.trim();
      fromEnvironment.push(name);
    }
  }
  return { settings, fromEnvironment };
}

/** "http://sms:rahasia@192.168.1.20:8080" → "http://sms:•••@192.168.1.20:8080". */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '•••';
    return u.toString().replace(/%E2%80%A2/g, '•');
  } catch {
    return '';
  }
}

export function settingsView(settings: Settings, fromEnvironment: SettingName[]): IntakeSettingsView {
  const set = (k: SettingName) => Boolean(settings[k]);
  return {
    smsSecretSet: set('smsSecret'),
    smsGatewayUrl: settings.smsGatewayUrl ? withoutPassword(settings.smsGatewayUrl) : null,
    modemSecretSet: set('modemSecret'),
    whatsappVerifyTokenSet: set('whatsappVerifyToken'),
    whatsappAppSecretSet: set('whatsappAppSecret'),
    whatsappTokenSet: set('whatsappToken'),
    smsNumber: settings.smsNumber ?? null,
    whatsappNumber: settings.whatsappNumber ?? null,
    episodeId: settings.episodeId ?? null,
    fromEnvironment,
  };
}

/**
 * The admin's change applied to the stored settings, or why not. A setting the environment
 * gives cannot be changed here (it would come back at the next start).
 */
export function changeSettings(stored: Settings, input: IntakeSettingsInput, fromEnvironment: readonly SettingName[]): { ok: true; value: Settings } | { ok: false; error: DomainError } {
  const next: Settings = { ...stored };
  for (const [name, raw] of Object.entries(input) as Array<[SettingName, string | null | undefined]>) {
    if (raw === undefined) continue;
    if (fromEnvironment.includes(name)) return fail('setting_from_environment', `(${SETTING_ENV[name]})`);
    const value = typeof raw === 'string' ? raw.trim() : null;
    if ((SECRETS as readonly string[]).includes(name)) {
      if (value === null || value === '') {
        delete next[name];
        continue;
      }
      // A short secret is guessable by anyone who can reach the webhook.
      if (value.length < 16 || value.length > 200 || /\s/.test(value)) return fail('invalid_secret');
      next[name] = value;
      continue;
    }
    if (value === null || value === '') {
      delete next[name];
      continue;
    }
    if (name === 'smsGatewayUrl') {
      if (!gatewayUrlOk(value)) return fail('invalid_gateway_url');
    } else if (name === 'episodeId') {
      if (!isId(value)) return fail('episode_not_found');
    } else if (!/^\+?[0-9][0-9 -]{4,22}$/.test(value)) {
      return fail('invalid_station_number');
    }
    next[name] = value;
  }
  return { ok: true, value: next };
}

function gatewayUrlOk(s: string): boolean {
  if (s.length > 300) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.hash === '';
  } catch {
    return false;
  }
}
