// Every error the server can send has English words: the table is a Record over the
// closed set of codes, and this checks the words are really there and really English.
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import type { ErrorCode } from '../../server/contract/errors.ts';
import { ERROR_EN } from '../../web/src/lib/error-strings.ts';

const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

describe('English error messages', () => {
  it.each(codes)('%s has its own English text', (code) => {
    const en = ERROR_EN[code];
    expect(en, code).toBeTruthy();
    expect(en.trim().length).toBeGreaterThan(8);
    expect(en).not.toBe(ERROR_MESSAGES[code]);
    // Indonesian words that would mean the text was pasted untranslated.
    expect(en).not.toMatch(/\b(tidak|sudah|belum|yang|dengan|atau)\b/);
  });

  it('includes the codes the field trial found missing', () => {
    for (const code of ['episode_exists', 'username_taken', 'last_admin', 'staff_not_found', 'server_busy', 'district_csv_invalid'] as const) {
      expect(ERROR_EN[code]).toMatch(/[a-z]/);
    }
  });

  it('has no English for a code the server does not have (a stale entry)', () => {
    const extra = Object.keys(ERROR_EN).filter((k) => !(k in ERROR_MESSAGES) && k !== 'offline' && k !== 'timeout');
    expect(extra).toEqual([]);
  });
});
