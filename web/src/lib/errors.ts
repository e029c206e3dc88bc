import type { DomainError, ErrorCode } from '../../../server/domain/errors.ts';
import { language } from './i18n.svelte.ts';

// The server's messages are Indonesian; English speakers get these by code.
const EN: Partial<Record<ErrorCode | 'offline' | 'timeout', string>> = {
  invalid_payload: 'The data sent was incomplete or invalid.',
  payload_too_large: 'What you sent is too large.',
  episode_not_found: 'Episode not found. Check the code.',
  question_not_found: 'Question not found.',
  note_not_found: 'Note not found.',
  speaker_not_found: 'Speaker not found in this episode.',
  text_empty: 'Text must not be empty.',
  text_too_long: 'Text is too long.',
  closing_empty: 'The closing statement is empty, so nothing was saved. Write the paragraph or fill in the points first.',
  not_allowed: 'Your role is not allowed to do this.',
  not_signed_in: 'Please sign in as staff first.',
  wrong_password: 'Wrong username or password.',
  episode_not_live: 'The episode has not started or has already ended.',
  episode_ended: 'The episode has ended and can no longer be changed.',
  episode_not_ended: 'Corrections after the show can be made once the episode has ended.',
  no_change: 'Nothing changed: it is the same as before.',
  too_many_edits: 'This episode has reached its limit of corrections.',
  question_not_in_notula: 'Only questions that went on air have a heading in the notula.',
  closing_not_found: 'This speaker has no closing statement yet.',
  closing_taken: 'The other speaker already has a closing statement; correct that one instead.',
  already_voted: 'You already support this question.',
  not_voted: 'You have not supported this question.',
  question_not_open: 'This question is not approved, was rejected, or was merged.',
  another_on_air: 'Another question is on air. Mark it answered or return it first.',
  invalid_transition: 'The question cannot change status that way.',
  rate_limited: 'Too fast. Wait a moment and try again.',
  address_limited: 'Too many requests from your network (many phones can share one internet address). Try again in {wait}.',
  too_many_pending: 'Your earlier questions are still waiting for approval. Send more once one is approved or rejected.',
  queue_full: 'The queue of questions waiting for approval is full. Try again in a few minutes.',
  not_joined: 'Open this episode\'s page first (join with its code), then try again.',
  poll_not_found: 'Poll not found.',
  poll_closed: 'The poll is closed; answers can no longer be sent or changed.',
  poll_option_invalid: 'That answer is not one of the poll\'s options.',
  another_poll_open: 'Another poll is still open. Close it before opening a new one.',
  aspiration_not_found: 'Proposal not found.',
  aspiration_closed: 'This proposal was rejected or merged, so it cannot be supported or changed.',
  already_supported: 'You already support this proposal.',
  already_converted: 'This question has already been turned into a proposal.',
  aspiration_merge_invalid: 'A proposal cannot be merged into itself or into a rejected or merged one.',
  reason_required: 'A reason for the rejection is required.',
  unknown_dimension: 'Unknown smart-city dimension.',
  unknown_kecamatan: 'That kecamatan is not in the district\'s list.',
  unknown_desa: 'That desa/kelurahan is not in the district\'s list.',
  desa_outside_kecamatan: 'That desa/kelurahan is not in the chosen kecamatan.',
  invalid_rt_rw: 'Invalid RT/RW. Write it like 003/005.',
  invalid_phone: 'Invalid phone number. Write it like 0812 3456 7890.',
  consent_required: 'Name and phone are kept only if you agree to be contacted.',
  region_in_use: 'Proposals still use this dimension or region; nothing was changed.',
  invalid_volume: 'Invalid volume: write a number above zero, e.g. 120 or 12,5.',
  invalid_satuan: 'Invalid unit: write one short unit, e.g. meter, unit or paket.',
  invalid_biaya: 'Invalid cost estimate: write it like Rp 15.000.000, in whole rupiah.',
  plan_unit_required: 'Volume and unit go together.',
  unknown_opd: 'That OPD is not in the list the admin keeps.',
  opd_list_invalid: 'The OPD list is invalid; nothing was changed.',
  opd_in_use: 'Proposals are still addressed to this OPD; nothing was changed.',
  internal: 'Server error. The change may have been saved; check before trying again.',
  offline: 'You are offline. It will be sent when the connection is back.',
  timeout: 'The server did not answer in time. Please try again.',
};

/** The message to show for an error, in the chosen language. */
export function errorText(error: DomainError | { code: string; message: string; retryAfter?: number }): string {
  if (language.current !== 'en') return error.message;
  const text = EN[error.code as ErrorCode];
  if (!text) return error.message;
  return text.replace('{wait}', waitWords((error as { retryAfter?: number }).retryAfter));
}

/** "30 seconds", "10 minutes", as the server's Indonesian message words it. */
function waitWords(seconds: number | undefined): string {
  if (!seconds) return 'a moment';
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}
