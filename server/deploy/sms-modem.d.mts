// Types of what sms-modem.mjs exports (the script stays plain JavaScript: it runs with no build).
export const DEFAULT_REPLY_COMMAND: string;
export function parseEnvFile(text: string): Record<string, string>;
export function parseArgs(argv: string[]): {
  envFile: string | null; from: string | null; text: string | null; id: string | null; receivedAt: string | null;
  urlencoded: boolean; charset: string | null; replyStdout: boolean; ids: string[];
};
export function decodeKannel(value: string, charset: string | null): string;
export function fromGammu(env: Record<string, string | undefined>, ids: string[], receivedAt: string): { from: string; text: string; receivedAt: string; id: string } | null;
export function replyCommand(template: string, to: string, text: string): string[];
export function maskNumber(raw: string): string;
export function main(argv: string[], env: Record<string, string | undefined>, now?: () => Date): Promise<number>;
