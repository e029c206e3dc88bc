import type { ErrorRequestHandler, Response } from 'express';
import { codeOf, fail } from '../contract/errors.ts';
import type { DomainError, ErrorCode } from '../contract/errors.ts';

// Every code has its status here, so the compiler names a new code that has none.
const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400, text_empty: 400, text_too_long: 400, closing_empty: 400, invalid_time_zone: 400, invalid_date: 400,
  speaker_not_found: 400, transcript_invalid: 400,
  unknown_dimension: 400, unknown_kecamatan: 400, unknown_desa: 400, desa_outside_kecamatan: 400, invalid_rt_rw: 400,
  invalid_phone: 400, consent_required: 400, reader_choice_missing: 400, reader_token_missing: 400, listener_form_stale: 400, reason_required: 400, poll_option_invalid: 400, district_invalid: 400,
  district_csv_invalid: 400, invalid_filter: 400,
  invalid_words: 400, sender_not_listener: 409, block_not_found: 404, intake_off: 404, intake_unsigned: 401, intake_stale: 401, setting_from_environment: 409, invalid_secret: 400,
  invalid_gateway_url: 400, invalid_station_number: 400, sender_unknown: 409, sender_stopped: 409, reply_unavailable: 409,
  whatsapp_window_closed: 409,
  aspiration_not_found: 404, poll_not_found: 404, region_not_found: 404, kabupaten_not_found: 404, sample_absent: 404,
  region_data_unavailable: 503,
  not_signed_in: 401, wrong_password: 401, wrong_current_password: 401,
  not_allowed: 403, password_change_required: 403, password_unchanged: 400,
  invalid_volume: 400, invalid_satuan: 400, invalid_biaya: 400, plan_unit_required: 400, unknown_opd: 400, opd_list_invalid: 400,
  episode_not_found: 404, episode_deleted: 410, question_not_found: 404, note_not_found: 404, staff_not_found: 404, unknown_route: 404,
  payload_too_large: 413,
  rate_limited: 429, address_limited: 429,
  server_busy: 503,
  not_joined: 409, too_many_pending: 429, queue_full: 429,
  not_saved: 503,
  internal: 500,
  // The state does not allow it (already live, ended, voted…).
  episode_not_live: 409, episode_ended: 409, episode_not_draft: 409, episode_live: 409, episode_not_ended: 409, episode_exists: 409,
  already_voted: 409, reader_already_voted: 409, not_voted: 409, question_not_open: 409, another_on_air: 409, invalid_transition: 409, merge_invalid: 409,
  no_question_on_air: 409, question_not_in_notula: 409, closing_not_found: 409, closing_taken: 409, no_change: 409, too_many_edits: 409,
  username_taken: 409, last_admin: 409, poll_closed: 409, another_poll_open: 409,
  aspiration_closed: 409, already_supported: 409, already_converted: 409, aspiration_merge_invalid: 409,
  region_in_use: 409, region_exists: 409, opd_in_use: 409,
};

/** Domain errors map to HTTP statuses. */
export function sendError(res: Response, error: DomainError): void {
  res.status(STATUS[error.code]).json({ error });
}

export function statusOf(error: DomainError): number {
  return STATUS[error.code];
}

/** Express 5 forwards rejected promises here. Clients get a code and an Indonesian message, never a stack. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number; stack?: string };
    if (e.type === 'entity.too.large') return sendError(res, fail('payload_too_large').error);
    if (e.type === 'entity.parse.failed' || e.status === 400) return sendError(res, fail('invalid_payload', 'JSON tidak valid.').error);
    log(`kentongan: HTTP handler failed: ${e.stack ?? String(err)}`);
    sendError(res, fail(codeOf(err)).error);
  };
}
