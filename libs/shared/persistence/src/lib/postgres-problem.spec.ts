import { Migration } from '@mikro-orm/migrations';
import { databaseLocation, redactUrl, withDatabase } from './database-url';
import { describePostgresProblem } from './postgres-problem';
import { validateContexts } from './context-persistence';

const url = 'postgres://app:sup3r-secret@db.internal:6543/bandstand';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('PostgreSQL problems', () => {
  it('names the server and the fix when it cannot be reached, even inside an AggregateError', () => {
    const refused = new AggregateError(
      [
        pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:6543'),
        pgError('ECONNREFUSED', 'connect ECONNREFUSED'),
      ],
      '',
    );
    expect(describePostgresProblem(refused, url)).toBe(
      'PostgreSQL at db.internal:6543 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server',
    );
    expect(describePostgresProblem(new Error('timeout expired'), url)).toContain(
      'is not reachable (no answer in time)',
    );
  });

  it('tells a missing database and rejected credentials apart', () => {
    expect(describePostgresProblem(pgError('3D000', 'database "bandstand" does not exist'), url)).toBe(
      'PostgreSQL at db.internal:6543 has no database "bandstand": create it with `npm run db:migrate` or point DATABASE_URL at an existing database',
    );
    expect(
      describePostgresProblem(pgError('28P01', 'password authentication failed for user "app"'), url),
    ).toBe(
      'PostgreSQL at db.internal:6543 refused user "app" (wrong password): fix the credentials in DATABASE_URL',
    );
  });

  it('never prints the password', () => {
    expect(describePostgresProblem(new Error('odd failure mentioning sup3r-secret'), url)).not.toContain(
      'sup3r-secret',
    );
    expect(redactUrl(url)).toBe('postgres://app:***@db.internal:6543/bandstand');
  });

  it('reads where a URL points and re-targets it', () => {
    expect(databaseLocation(url)).toEqual({
      host: 'db.internal',
      port: 6543,
      database: 'bandstand',
      user: 'app',
    });
    expect(databaseLocation('postgres://postgres@127.0.0.1/x').port).toBe(5432);
    expect(withDatabase(url, 'postgres')).toBe('postgres://app:sup3r-secret@db.internal:6543/postgres');
  });
});

describe('validateContexts', () => {
  it('rejects unsafe schema names and duplicate migrations', () => {
    expect(() =>
      validateContexts([{ context: 'x', schema: 'Bad-Name', entities: [], migrations: [] }]),
    ).toThrow('schema "Bad-Name"');
    class Noop extends Migration {
      override up(): void {
        this.addSql('select 1');
      }
    }
    expect(() =>
      validateContexts([
        {
          context: 'x',
          schema: 'x',
          entities: [],
          migrations: [
            { name: 'Migration1_a', class: Noop },
            { name: 'Migration1_a', class: Noop },
          ],
        },
      ]),
    ).toThrow('lists migration "Migration1_a" twice');
  });
});
