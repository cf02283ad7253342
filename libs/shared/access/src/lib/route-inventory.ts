import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { type DiscoveryService, type MetadataScanner, type Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';

/** One HTTP route of a Nest app and the policy it declares. */
export interface RouteEntry {
  readonly method: string;
  /** Path with Nest's `:param` parameters, without the global prefix and version. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly version: string | undefined;
  readonly policy: AccessPolicy | undefined;
}

function joinPath(...parts: readonly string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${joined}`;
}

function pathsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((each): each is string => typeof each === 'string');
  return [''];
}

function versionOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return 'neutral';
  if (Array.isArray(value)) return value.filter((each): each is string => typeof each === 'string').join(',');
  return undefined;
}

/**
 * Every route of the app's controllers with its declared policy: the input of the route × role ×
 * tenant matrix test, which fails on any route whose policy is undefined.
 */
export function listRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as Type | null;
    const instance = wrapper.instance as object | null | undefined;
    if (type === null || instance === null || instance === undefined) continue;
    const prefixes = pathsOf(Reflect.getMetadata(PATH_METADATA, type));
    const classPolicy = reflector.get<AccessPolicy | undefined>(ACCESS_POLICY, type);
    const classVersion = Reflect.getMetadata(VERSION_METADATA, type) as unknown;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const methodValue = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodValue === undefined) continue;
      const version = (Reflect.getMetadata(VERSION_METADATA, handler) as unknown) ?? classVersion;
      const policy = reflector.get<AccessPolicy | undefined>(ACCESS_POLICY, handler) ?? classPolicy;
      for (const prefix of prefixes) {
        for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
          routes.push({
            method: RequestMethod[methodValue],
            path: joinPath(prefix, path),
            controller: type.name,
            handler: name,
            version: versionOf(version),
            policy,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
