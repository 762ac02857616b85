/**
 * The Content-Security-Policy source that allows one inline script: the SHA-256 of its exact text (the site's
 * CSP algorithm, astro.config.mjs), for `Astro.csp.insertScriptHash`.
 */
import { createHash } from 'node:crypto';

export function scriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
