import { CONSOLES, type ConsoleName } from '@bandstand/identity/contracts';
import { type Redis } from 'ioredis';
import { type OidcFlowIntent } from '../../ports/oidc.port';

/** What a started flow needs at its callback, kept in Redis under its state. */
export interface OidcFlow {
  readonly provider: string;
  readonly codeVerifier: string;
  /** Null for OAuth 2.0 providers (Spotify), which issue no ID token to carry it. */
  readonly nonce: string | null;
  readonly intent: OidcFlowIntent;
}

/** How long a user has to finish at the provider: 10 minutes. */
export const OIDC_FLOW_TTL_SECONDS = 600;

/** What openid-client's randomState() produces (base64url), with room for other lengths. */
const STATE = /^[A-Za-z0-9_-]{16,128}$/;

/** Whether a callback's state is shaped like one we issue; anything else is not looked up at all. */
export function isWellFormedState(state: string | null): state is string {
  return state !== null && STATE.test(state);
}

function isConsole(value: unknown): value is ConsoleName {
  return typeof value === 'string' && (CONSOLES as readonly string[]).includes(value);
}

function parseIntent(value: unknown): OidcFlowIntent | null {
  if (typeof value !== 'object' || value === null) return null;
  const intent = value as Record<string, unknown>;
  if (!isConsole(intent['console'])) return null;
  if (intent['mode'] === 'sign-in') return { mode: 'sign-in', console: intent['console'] };
  if (intent['mode'] === 'link' && typeof intent['userId'] === 'string' && intent['userId'].length > 0) {
    return { mode: 'link', console: intent['console'], userId: intent['userId'] };
  }
  return null;
}

function parseFlow(raw: string | null): OidcFlow | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const flow = value as Record<string, unknown>;
  const intent = parseIntent(flow['intent']);
  const nonce = flow['nonce'];
  if (
    typeof flow['provider'] !== 'string' ||
    typeof flow['codeVerifier'] !== 'string' ||
    (nonce !== null && typeof nonce !== 'string') ||
    intent === null
  ) {
    return null;
  }
  return { provider: flow['provider'], codeVerifier: flow['codeVerifier'], nonce, intent };
}

/**
 * Started flows in Redis (`<prefix>:oidc:<state>`, 10 minutes), so that any api replica can take
 * the callback. {@link take} reads and deletes in one command (GETDEL): a state works once.
 */
export class OidcFlowStore {
  constructor(
    private readonly redis: () => Redis,
    private readonly prefix: string,
  ) {}

  /** The Redis key of a flow. */
  key(state: string): string {
    return `${this.prefix}:oidc:${state}`;
  }

  async save(state: string, flow: OidcFlow): Promise<void> {
    await this.redis().set(this.key(state), JSON.stringify(flow), 'EX', OIDC_FLOW_TTL_SECONDS);
  }

  /** The flow of `state`, consumed; null when it was never issued, was taken already or expired. */
  async take(state: string): Promise<OidcFlow | null> {
    return parseFlow(await this.redis().getdel(this.key(state)));
  }

  /** The flow of `state` without consuming it. */
  async peek(state: string): Promise<OidcFlow | null> {
    return parseFlow(await this.redis().get(this.key(state)));
  }
}
