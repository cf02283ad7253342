import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';

/** A request to an EIP-1193 provider. */
export interface Eip1193Request {
  readonly method: string;
  readonly params?: readonly unknown[];
}

/** The EIP-1193 interface a browser wallet injects as `window.ethereum`. */
export interface Eip1193Provider {
  request(request: Eip1193Request): Promise<unknown>;
}

function isEip1193Provider(value: unknown): value is Eip1193Provider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['request'] === 'function'
  );
}

/** The browser's wallet (`window.ethereum`), or null when none is installed. */
export const ETHEREUM = new InjectionToken<Eip1193Provider | null>('ETHEREUM', {
  providedIn: 'root',
  factory: () => {
    const candidate: unknown = (inject(DOCUMENT).defaultView as { ethereum?: unknown } | null)?.ethereum;
    return isEip1193Provider(candidate) ? candidate : null;
  },
});
