import { auditStatement, likePrefix } from './audit-log.service';

describe('the audit query', () => {
  it('matches a stream prefix literally: LIKE wildcards and the escape character are escaped', () => {
    expect(likePrefix('identity-org-')).toBe('identity-org-%');
    expect(likePrefix('a%b_c\\d')).toBe('a\\%b\\_c\\\\d%');
  });

  it('reads the whole log newest first when nothing filters it', () => {
    const statement = auditStatement({}, null, 51);
    expect(statement.text).not.toContain('where');
    expect(statement.text).toMatch(/order by global_position desc\s+limit \$1::int$/);
    expect(statement.params).toEqual([51]);
  });

  it('binds every filter as a parameter, ANDed, below the cursor, with times in UTC', () => {
    const statement = auditStatement(
      {
        streamId: "thing-1'; drop table kernel.events; --",
        streamPrefix: 'thing-',
        actor: 'user:1',
        tenantId: 'org-1',
        type: 'ThingHappened',
        from: '2026-11-21',
        to: '2026-11-21T12:00+01:00',
      },
      '42',
      11,
    );
    expect(statement.text).toContain(
      'where global_position < $1::bigint and stream_id = $2 and stream_id like $3 and actor = $4 and tenant_id = $5' +
        ' and event_type = $6 and recorded_at >= $7::timestamptz and recorded_at < $8::timestamptz',
    );
    expect(statement.text).not.toContain('drop table');
    expect(statement.params).toEqual([
      '42',
      "thing-1'; drop table kernel.events; --",
      'thing-%',
      'user:1',
      'org-1',
      'ThingHappened',
      '2026-11-21T00:00:00.000Z',
      '2026-11-21T11:00:00.000Z',
      11,
    ]);
  });
});
