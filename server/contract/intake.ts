// SMS and WhatsApp into the show (issue 13): what the admin sets, what the screener sees of
// the gateways, and what the studio screen reads out. Types only, plus the keyword forms.

/** The three doors a text message comes in by. */
export const GATEWAYS = ['android', 'modem', 'whatsapp'] as const;
export type Gateway = (typeof GATEWAYS)[number];

/**
 * The admin's intake settings as the console reads them. Secrets are write-only: the
 * console learns only whether one is set (from the app or from the environment).
 */
export interface IntakeSettingsView {
  /** SMS Gateway for Android: its webhook signing key is set. */
  smsSecretSet: boolean;
  /** The gateway's address for replies, e.g. "http://sms:pass@192.168.1.20:8080"; shown without the password. */
  smsGatewayUrl: string | null;
  /** The GSM-modem script's bearer secret is set. */
  modemSecretSet: boolean;
  whatsappVerifyTokenSet: boolean;
  whatsappAppSecretSet: boolean;
  whatsappTokenSet: boolean;
  /** The station's numbers as read on air ("0812 3456 7890"); null: not shown. */
  smsNumber: string | null;
  whatsappNumber: string | null;
  /** Where texts go when several episodes are live; null: the only live one. */
  episodeId: string | null;
  /** Which settings come from the environment (the app cannot change those). */
  fromEnvironment: Array<keyof IntakeSettingsInput>;
}

/**
 * What the admin sends (PUT /api/intake/settings). A field left out is unchanged; a secret
 * sent as "" is removed; null removes a number, an address or the episode mark.
 */
export interface IntakeSettingsInput {
  smsSecret?: string;
  smsGatewayUrl?: string | null;
  modemSecret?: string;
  whatsappVerifyToken?: string;
  whatsappAppSecret?: string;
  whatsappToken?: string;
  smsNumber?: string | null;
  whatsappNumber?: string | null;
  episodeId?: string | null;
}

/**
 * The environment variable of each setting a scripted install may give (domain/intake/settings.ts
 * reads them; the admin's page names them beside a setting it cannot change).
 */
export const SETTING_ENV: Partial<Record<keyof IntakeSettingsInput, string>> = {
  smsSecret: 'SMS_GATEWAY_SECRET',
  smsGatewayUrl: 'SMS_GATEWAY_URL',
  modemSecret: 'SMS_MODEM_SECRET',
  whatsappVerifyToken: 'WHATSAPP_VERIFY_TOKEN',
  whatsappAppSecret: 'WHATSAPP_APP_SECRET',
  whatsappToken: 'WHATSAPP_TOKEN',
  smsNumber: 'STATION_SMS_NUMBER',
  whatsappNumber: 'STATION_WHATSAPP_NUMBER',
};

/** One gateway's health as the screener sees it (GET /api/intake/health). */
export interface GatewayHealth {
  gateway: Gateway;
  /** It can take messages (its secret is set). */
  configured: boolean;
  /** It can send replies (android: a gateway address; whatsapp: a token; modem: always, in the answer). */
  replies: boolean;
  lastMessageAt: string | null;
  lastReplyAt: string | null;
  lastErrorAt: string | null;
  /** In words for the screener: "Gateway tidak menjawab (192.168.1.20:8080)". */
  lastError: string | null;
}

export interface IntakeHealth {
  gateways: GatewayHealth[];
  /** Replies waiting to go out. */
  outbox: number;
}

/** What the studio screen reads out (GET /api/intake/public): no secret, nothing of a listener. */
export interface IntakePublic {
  smsNumber: string | null;
  whatsappNumber: string | null;
  /** Only when at least one gateway takes messages: otherwise the screen does not invite texts. */
  open: boolean;
  keywords: Array<{ keyword: string; form: string; example: string }>;
}

/** The keywords as the studio screen and replies show them, in the order read on air. */
export const KEYWORD_GUIDE: IntakePublic['keywords'] = [
  { keyword: 'TANYA', form: 'TANYA <pertanyaan>', example: 'TANYA Kapan jalan desa kami diperbaiki?' },
  { keyword: 'PILIH', form: 'PILIH <nomor pilihan>', example: 'PILIH 2' },
  { keyword: 'USUL', form: 'USUL <desa>: <usulan>', example: 'USUL Sukamaju: lampu jalan di RT 3' },
  { keyword: 'DUKUNG', form: 'DUKUNG <nomor>', example: 'DUKUNG 12 (pertanyaan) · DUKUNG U3 (usulan)' },
  { keyword: 'BERHENTI', form: 'BERHENTI', example: 'BERHENTI' },
];

/** POST /api/episodes/:id/questions/:questionId/reply — the screener answers the sender. */
export interface ReplyInput {
  text: string;
}
