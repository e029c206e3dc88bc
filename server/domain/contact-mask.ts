// What the public may read of a listener's own words: their phone numbers and e-mail
// addresses masked (a caller often signs an usulan "hubungi saya 0812…"). Used by the usulan
// tracker, the notula's usulan section and its question headings: every published place.
// "(\+62|62|0)8" and 7–12 more digits, spaces, dots or dashes between them: an Indonesian
// mobile number however it is typed. Over-masking a long number is the safe side.
const PHONE = /(?:\+62|62|0)[\s.-]*8(?:[\s.-]*\d){7,12}/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
export const PHONE_MASK = '[nomor disamarkan]';
export const EMAIL_MASK = '[surel disamarkan]';

/** Listener text as the public sees it: phone numbers and e-mail addresses masked. */
export function maskContact(text: string): string {
  return text.replace(EMAIL, EMAIL_MASK).replace(PHONE, PHONE_MASK);
}
