// API keys per endpoint (no `vscode` import, so the rules are unit-tested). A key is sent only to the endpoint
// it was set for: a workspace that changes the base URL (a trusted one may, through `.claimcheck.json` or its
// settings) gets no key until you set one for its endpoint, seeing where it goes.
import { DEFAULT_BASE_URL, urlOrigin } from '../core/graders/openai';

/** Keys by endpoint origin (`https://api.openai.com`), as kept in one SecretStorage entry. */
export type KeyRing = Readonly<Record<string, string>>;

/** The part of a base URL a key belongs to (scheme, host and port); no base URL = OPENAI_BASE_URL, else OpenAI's. */
export function endpointOrigin(baseURL: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return urlOrigin(baseURL || env['OPENAI_BASE_URL'] || DEFAULT_BASE_URL);
}

/**
 * Reads the stored entry. An entry from before keys were bound (a bare key) belongs to `legacyOrigin`: the
 * endpoint of the user's own settings, never one a workspace chose.
 */
export function parseKeyRing(stored: string | undefined, legacyOrigin: string): KeyRing {
  if (!stored) return {};
  if (stored.startsWith('{')) {
    try {
      const ring = JSON.parse(stored) as unknown;
      if (ring && typeof ring === 'object' && !Array.isArray(ring)) {
        return Object.fromEntries(Object.entries(ring).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
      }
    } catch {
      // Not JSON after all: a key that starts with a brace.
    }
  }
  return { [legacyOrigin]: stored };
}

/** The ring with this endpoint's key set (or removed, for an empty key). */
export function withKey(ring: KeyRing, origin: string, key: string): KeyRing {
  const next = { ...ring };
  if (key) next[origin] = key;
  else delete next[origin];
  return next;
}

/**
 * The key for an endpoint: its own from the ring; else OPENAI_API_KEY when the environment's endpoint
 * (OPENAI_BASE_URL, or OpenAI's) is this one. `elsewhere` lists the endpoints the ring has keys for.
 */
export function keyFor(ring: KeyRing, baseURL: string | undefined, env: NodeJS.ProcessEnv = process.env): { key?: string; elsewhere: string[] } {
  const origin = endpointOrigin(baseURL, env);
  const own = ring[origin];
  const envOrigin = endpointOrigin(undefined, env);
  const fromEnv = env['OPENAI_API_KEY'] && envOrigin === origin ? env['OPENAI_API_KEY'] : undefined;
  const key = own || fromEnv;
  // The environment's key, for another endpoint, is one more place a key is that this endpoint does not get.
  const others = [...Object.keys(ring), ...(env['OPENAI_API_KEY'] ? [envOrigin] : [])].filter((o) => o !== origin);
  return { ...(key ? { key } : {}), elsewhere: [...new Set(others)] };
}
