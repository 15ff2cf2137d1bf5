/**
 * Whether a piece of plaintext looks like a credential: the shapes of well-known tokens, and option names that say
 * they hold one. Pure; never returns or logs the text itself, only what it looks like. The rules are listed in the
 * README ("Plaintext secrets are refused"); each is narrow, so that ordinary options and commands pass.
 */

/** A well-known credential shape, named for the message. */
const SHAPES: ReadonlyArray<readonly [string, RegExp]> = [
  // Access key ids: AKIA (long-term) and ASIA (temporary), 20 characters.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  ["an AWS access key id", /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/],
  // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/],
  // https://api.slack.com/authentication/token-types
  ["a Slack token", /\bxox[abposre]-[A-Za-z0-9-]{10,}/],
  // A JWT: three base64url parts, the first two JSON objects (`eyJ` is `{"` encoded).
  ["a JSON Web Token", /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/],
  ["an Authorization header with credentials", /\bauthorization\s*:\s*(?:bearer|basic|token|digest)\s+(?![$"'])\S+/i],
  ["a bearer token", /\bbearer\s+[A-Za-z0-9._~+/-]{16,}=*/i],
  ["a private key", /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ["a URL with a password", /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i],
  // `--password=x`, `PASSWORD=x`, `api_key=x` inside a command or a shell string.
  ["a credential assigned on the command line", /(?:^|[\s;&|'"])-{0,2}[A-Za-z_-]*(?:passw(?:or)?d|secret|token|api[_-]?key)=(?!\$)[^\s'"]+/i],
];

/** What the text looks like, if it looks like a credential; undefined otherwise. */
export function credentialShape(text: string): string | undefined {
  return SHAPES.find(([, pattern]) => pattern.test(text))?.[0];
}

/** An option or label name that says its value is a credential: apikey, api_key, token, password, secret, authorization... */
const CREDENTIAL_NAME = /(?:api[_.-]?key|token|passw(?:or)?d|passwd|secret|authorization|credential|private[_.-]?key|access[_.-]?key)/i;
/** Names that point at a credential rather than hold one: a file, a path, a name, a variable, a URL. */
const REFERENCE_SUFFIX = /[_.-](?:file|path|name|env|var|url|uri|arn|id|type|header)$/i;

/** Whether an option's name says it holds a credential (and not where to find one). */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !REFERENCE_SUFFIX.test(name);
}

/**
 * Index of the value a credential flag takes as its next argument (`--password x`, `-p`, not `--password=x`, which
 * {@link credentialShape} sees); undefined when there is none.
 */
export function flagValueIndex(args: readonly string[]): number | undefined {
  const i = args.findIndex((a, j) => j + 1 < args.length && /^--?[A-Za-z_-]*(?:passw(?:or)?d|secret|token|api[_-]?key)$/i.test(a));
  return i < 0 || args[i + 1].startsWith("$") ? undefined : i + 1;
}
