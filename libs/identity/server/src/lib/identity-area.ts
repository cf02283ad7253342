import { type DynamicModule, type Provider, type Type } from '@nestjs/common';

/**
 * One area of the identity context (accounts, teams, mail...). The context is one Nest module made
 * of its areas' providers, so that areas can use each other's tokens without an import graph.
 */
export interface IdentityArea {
  readonly providers: readonly Provider[];
  /** HTTP controllers; mounted in the api only. */
  readonly controllers?: readonly Type[];
  /** Other Nest modules the area needs (e.g. EventSchemasModule.forFeature). */
  readonly imports?: readonly (Type | DynamicModule)[];
}
