import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';
import { formatUptime, PlatformStatusComponent } from './platform-status.component';

const READY: HealthReport = {
  status: 'up',
  service: 'api',
  checkedAt: '2025-06-01T12:00:00.000Z',
  dependencies: [
    { name: 'postgres', status: 'up', latencyMs: 3 },
    { name: 'redis', status: 'up', latencyMs: 1 },
  ],
};

const META: ServiceMeta = { service: 'api', version: '0.1.0', node: 'v24.21.0', uptimeSeconds: 3_725 };

async function render(report: HealthReport, meta: ServiceMeta | null = null) {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(PlatformStatusComponent);
  fixture.componentRef.setInput('report', report);
  fixture.componentRef.setInput('meta', meta);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('PlatformStatusComponent', () => {
  it('says the platform is ready and lists each dependency with its latency', async () => {
    const element = await render(READY, META);
    expect(element.querySelector('.bs-status-verdict')?.textContent?.trim()).toBe('The platform is ready');
    expect(element.querySelector('.bs-status-checked')?.textContent).toContain('by the api process');
    const rows = [...element.querySelectorAll('.bs-dependency')].map((row) => [
      row.querySelector('.bs-dependency-name')?.textContent,
      row.querySelector('.bs-dependency-status')?.textContent,
      row.querySelector('.bs-dependency-latency')?.textContent,
    ]);
    expect(rows).toEqual([
      ['postgres', 'up', '3 ms'],
      ['redis', 'up', '1 ms'],
    ]);
    expect(element.querySelector('.bs-meta-version')?.textContent).toBe('0.1.0');
    expect(element.querySelector('.bs-meta')?.textContent).toContain('1 h 2 min');
  });

  it('names what is down and how to provide it', async () => {
    const element = await render({
      ...READY,
      status: 'down',
      dependencies: [
        {
          name: 'postgres',
          status: 'down',
          message: 'PostgreSQL at 127.0.0.1:5432 is not reachable (ECONNREFUSED)',
        },
        { name: 'redis', status: 'up', latencyMs: 1 },
      ],
    });
    expect(element.querySelector('.bs-status-verdict')?.textContent?.trim()).toBe(
      'The platform is not ready',
    );
    const postgres = element.querySelector('[data-dependency="postgres"]');
    expect(postgres?.classList).toContain('bs-dependency--down');
    expect(postgres?.querySelector('.bs-dependency-message')?.textContent).toContain('ECONNREFUSED');
    expect(element.querySelector('.bs-meta')).toBeNull();
  });

  it('says so when a process has no dependencies', async () => {
    const element = await render({ ...READY, dependencies: [] });
    expect(element.querySelector('.bs-status-none')?.textContent).toBe(
      'This process reports no dependencies.',
    );
  });
});

describe('formatUptime', () => {
  it.each([
    [42, '42 s'],
    [125, '2 min 5 s'],
    [7_500, '2 h 5 min'],
    [273_600, '3 d 4 h'],
    [-5, '0 s'],
  ])('formats %s s as %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });
});
