// The one rule for an episode's recording link, applied when an episode is saved and when a
// notula is corrected or imported. Pure, so the web may check a link the same way.

/** Only plain web links: a javascript: or data: URL must never reach the notula. Shared with the notula import. */
export function isRecordingUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(url) && url.length <= 500;
}
