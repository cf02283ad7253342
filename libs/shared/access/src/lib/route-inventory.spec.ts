import { Controller, Delete, Get, Module, Post, Version } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { OrgAccess, Public, StaffAccess } from './access-policy';
import { listRoutes } from './route-inventory';

@Public()
@Controller('things')
class ThingsController {
  @Get()
  list(): string[] {
    return [];
  }

  @StaffAccess('staff.users.manage')
  @Delete(':thingId')
  remove(): void {
    return undefined;
  }
}

@Controller(['orgs/:orgId/items', 'legacy/:orgId/items'])
class ItemsController {
  @OrgAccess('catalog.write')
  @Version('2')
  @Post()
  create(): void {
    return undefined;
  }

  @Get(':itemId')
  unguarded(): void {
    return undefined;
  }

  helper(): void {
    return undefined;
  }
}

@Module({ imports: [DiscoveryModule], controllers: [ThingsController, ItemsController] })
class InventoryModule {}

describe('listRoutes', () => {
  it('lists every route with its own or its controller’s policy, and none for a forgotten one', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [InventoryModule] }).compile();
    const routes = listRoutes(
      moduleRef.get(DiscoveryService),
      moduleRef.get(MetadataScanner),
      moduleRef.get(Reflector),
    );
    expect(
      routes.map((route) => [route.method, route.path, route.version, route.policy?.kind ?? null]),
    ).toEqual([
      ['POST', '/legacy/:orgId/items', '2', 'org'],
      ['GET', '/legacy/:orgId/items/:itemId', undefined, null],
      ['POST', '/orgs/:orgId/items', '2', 'org'],
      ['GET', '/orgs/:orgId/items/:itemId', undefined, null],
      ['GET', '/things', undefined, 'public'],
      ['DELETE', '/things/:thingId', undefined, 'staff'],
    ]);
  });
});
