import { SetMetadata } from '@nestjs/common';
import { type OrgPermission, type StaffPermission } from '@bandstand/shared/contracts';

/**
 * Who may call an endpoint. Every route declares one (deny by default): the global
 * {@link AccessGuard} refuses a route without a policy with `ACCESS.NO_POLICY`.
 */
export type AccessPolicy =
  /** Anyone, signed in or not: sign-in, sign-up, health, public pages. */
  | { readonly kind: 'public' }
  /** Any signed-in user, acting on their own data only (the handler scopes by the principal). */
  | { readonly kind: 'signedIn' }
  /**
   * A member of the organisation named by the route parameter `param` whose role holds
   * `permission`; optionally also staff holding `staff`.
   */
  | {
      readonly kind: 'org';
      readonly permission: OrgPermission;
      readonly param: string;
      readonly staff?: StaffPermission;
    }
  /** Staff holding `permission`. */
  | { readonly kind: 'staff'; readonly permission: StaffPermission };

/** Metadata key of a route's or controller's {@link AccessPolicy}. */
export const ACCESS_POLICY = 'bandstand:access-policy';

/** Anyone may call it, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in user may call it for their own data. */
export const SignedIn = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'signedIn' } satisfies AccessPolicy);

/**
 * Members of the organisation in route parameter `param` (`orgId` unless set) whose role holds
 * `permission`; staff with `options.staff` too.
 */
export const OrgAccess = (
  permission: OrgPermission,
  options: { readonly param?: string; readonly staff?: StaffPermission } = {},
): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, {
    kind: 'org',
    permission,
    param: options.param ?? 'orgId',
    ...(options.staff === undefined ? {} : { staff: options.staff }),
  } satisfies AccessPolicy);

/** Staff holding `permission`. */
export const StaffAccess = (permission: StaffPermission): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'staff', permission } satisfies AccessPolicy);
