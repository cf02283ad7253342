import { healthReport } from './health-report';

describe('healthReport', () => {
  const at = new Date('2025-01-02T03:04:05.000Z');

  it('is up when every dependency is up', () => {
    const report = healthReport('api', at, [
      { name: 'postgres', status: 'up', latencyMs: 2 },
      { name: 'redis', status: 'up', latencyMs: 1 },
    ]);
    expect(report).toEqual({
      status: 'up',
      service: 'api',
      checkedAt: '2025-01-02T03:04:05.000Z',
      dependencies: [
        { name: 'postgres', status: 'up', latencyMs: 2 },
        { name: 'redis', status: 'up', latencyMs: 1 },
      ],
    });
  });

  it('is down as soon as one dependency is down', () => {
    const report = healthReport('api', at, [
      { name: 'postgres', status: 'down', message: 'PostgreSQL at 127.0.0.1:5432 is not reachable' },
      { name: 'redis', status: 'up' },
    ]);
    expect(report.status).toBe('down');
  });

  it('is up with no dependencies at all', () => {
    expect(healthReport('worker', at, []).status).toBe('up');
  });
});
