/** Removes every known secret value from text before it is logged. */

const MASK = "[REDACTED]";

/**
 * Holds the secret values of the process (credentials, the bearer token once known) and scrubs them, in the forms
 * they can take in output: raw, JSON-escaped, URL-encoded and inside an HTTP Basic authorization header.
 */
export class Redactor {
  private readonly variants = new Set<string>();

  /** @param secrets the values to hide; empty strings are ignored. */
  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  /** Adds a secret value (and its encoded forms) to hide from now on. */
  add(secret: string): void {
    if (secret.length === 0) return;
    this.variants.add(secret);
    this.variants.add(JSON.stringify(secret).slice(1, -1));
    this.variants.add(encodeURIComponent(secret));
  }

  /** Adds the Basic authorization value X's token endpoint receives for this key pair. */
  addBasicAuth(user: string, password: string): void {
    this.add(Buffer.from(`${encodeURIComponent(user)}:${encodeURIComponent(password)}`).toString("base64"));
    this.add(Buffer.from(`${user}:${password}`).toString("base64"));
  }

  /** Returns `text` with every secret variant replaced by `[REDACTED]`, longest first. */
  scrub(text: string): string {
    let out = text;
    const ordered = [...this.variants].sort((a, b) => b.length - a.length);
    for (const v of ordered) {
      if (out.includes(v)) out = out.split(v).join(MASK);
    }
    return out;
  }
}
