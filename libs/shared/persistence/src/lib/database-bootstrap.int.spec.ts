import { dropTestDatabase, testDatabaseServerUrl, uniqueDatabaseName } from '@bandstand/shared/testing';
import { ensureDatabaseExists } from './database-bootstrap';

function urlOf(database: string): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

describe('ensureDatabaseExists', () => {
  it('creates a missing database once, then finds it', async () => {
    const name = uniqueDatabaseName();
    try {
      expect(await ensureDatabaseExists(urlOf(name))).toBe(true);
      expect(await ensureDatabaseExists(urlOf(name))).toBe(false);
    } finally {
      await dropTestDatabase(name);
    }
  });

  it('lets processes starting together race to create it: one creates it, none fails', async () => {
    const name = uniqueDatabaseName();
    try {
      const created = await Promise.all(Array.from({ length: 6 }, () => ensureDatabaseExists(urlOf(name))));
      expect(created.filter(Boolean)).toHaveLength(1);
    } finally {
      await dropTestDatabase(name);
    }
  });
});
