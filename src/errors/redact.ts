/**
 * Passwords masked in a database URL and in free text (error messages from drivers and engines,
 * stack traces): every output path uses these, so they sit with the errors, below every driver.
 */
const MASK = '***';
/** Query and key=value parameters that carry a password (Prisma, libpq, SQL Server). */
const PASSWORD_PARAMETER = /(^|[?&;\s])((?:ssl)?password|pass|pwd)=[^&;#\s]*/gi;
/** `scheme:` followed by at least one slash, starting at the beginning of a run of scheme characters. */
const USER_NAME = /^[A-Za-z0-9._~%!$&'()*+,;=-]*$/;
const SCHEME_WITH_SLASH = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/+/;

/**
 * The URL with its password replaced by `***`, safe for any output. The whole text is one URL,
 * so a password holding raw `@`, `/`, `:` or even spaces is masked up to the last `@`.
 */
export function redactUrl(url: string): string {
  return maskUserInfo(url).replace(PASSWORD_PARAMETER, (_, lead: string, key: string) => `${lead}${key}=${MASK}`);
}

/**
 * Free text (an error message from a driver or an engine, a stack trace) with the password of
 * every URL-shaped word masked: `scheme://user:pw@host`, `scheme:/user:pw@host`,
 * `user:pw@host/db` and `?password=`. The `urls` known to the caller are replaced whole first,
 * so a password holding spaces is masked too. Nothing is masked outside URL-shaped words (a
 * short password is not searched for as a substring). Linear in the length of the text.
 */
export function redactSecrets(text: string, urls: readonly string[] = []): string {
  let result = text;
  for (const url of urls) {
    if (url.length === 0) continue;
    const safe = redactUrl(url);
    if (safe !== url) result = result.split(url).join(safe);
    const trimmed = url.trim();
    if (trimmed !== url && trimmed.length > 0) result = result.split(trimmed).join(redactUrl(trimmed));
  }
  return maskWords(result).replace(PASSWORD_PARAMETER, (_, lead: string, key: string) => `${lead}${key}=${MASK}`);
}

/** Masks the user info of every whitespace-separated word that holds an `@`. */
function maskWords(text: string): string {
  let out = '';
  let copied = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    out += text.slice(copied, start) + maskUserInfo(text.slice(start, end));
    copied = end;
    at = text.indexOf('@', end);
  }
  return out + text.slice(copied);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/**
 * One URL-shaped word: the user info runs from after `scheme:/` (or the word's leading
 * punctuation) to the LAST `@`; everything after the first `:` in it is the password.
 */
function maskUserInfo(word: string): string {
  const at = word.lastIndexOf('@');
  if (at === -1) return word;
  const head = word.slice(0, at);
  const scheme = SCHEME_WITH_SLASH.exec(head);
  let start: number;
  if (scheme) {
    start = scheme.index + scheme[0].length;
  } else {
    start = /^[^A-Za-z0-9%]*/.exec(head)![0].length;
    // A Windows path (`C:\...\@scope`) is not a URL.
    if (/^[A-Za-z]:[\\/]/.test(head.slice(start))) return word;
  }
  const colon = head.indexOf(':', start);
  // The user name is made of URL user-info characters: `{"source":"x@y"}` is JSON, not a URL.
  if (colon === -1 || !USER_NAME.test(head.slice(start, colon))) return word;
  return `${word.slice(0, colon + 1)}${MASK}${word.slice(at)}`;
}
