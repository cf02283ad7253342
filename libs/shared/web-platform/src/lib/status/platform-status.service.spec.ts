import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { META_PATH, PlatformStatusService, READINESS_PATH } from './platform-status.service';

const REDIS_DOWN: HealthReport = {
  status: 'down',
  service: 'api',
  checkedAt: '2025-06-01T08:30:00.000Z',
  dependencies: [{ name: 'redis', status: 'down', message: 'Redis at 127.0.0.1:6379 is not reachable' }],
};

function setup() {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
  });
  return { status: TestBed.inject(PlatformStatusService), http: TestBed.inject(HttpTestingController) };
}

describe('PlatformStatusService', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('reads the readiness report from the api on the console origin', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.readiness());
    const up: HealthReport = { ...REDIS_DOWN, status: 'up', dependencies: [] };
    http.expectOne({ method: 'GET', url: READINESS_PATH }).flush(up);
    expect(await result).toEqual({ ok: true, value: up });
  });

  it('takes a 503 that carries a report as a result: the platform is not ready, and says why', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.readiness());
    http.expectOne(READINESS_PATH).flush(REDIS_DOWN, { status: 503, statusText: 'Service Unavailable' });
    expect(await result).toEqual({ ok: true, value: REDIS_DOWN });
  });

  it('takes a 503 without a report (a proxy answered) as a problem', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.readiness());
    http.expectOne(READINESS_PATH).flush('upstream gone', { status: 503, statusText: 'Service Unavailable' });
    expect(await result).toMatchObject({
      ok: false,
      problem: { status: 503, code: 'HTTP.SERVICE_UNAVAILABLE' },
    });
  });

  it('passes on the problem details of any other failure, with the correlation id', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.readiness());
    http.expectOne(READINESS_PATH).flush(
      {
        type: 'urn:bandstand:problem:INTERNAL.UNEXPECTED',
        title: 'Internal server error',
        status: 500,
        code: 'INTERNAL.UNEXPECTED',
        correlationId: 'req-7',
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
    expect(await result).toMatchObject({
      ok: false,
      problem: { code: 'INTERNAL.UNEXPECTED', correlationId: 'req-7' },
    });
  });

  it('reads the release the api runs', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.meta());
    const meta: ServiceMeta = { service: 'api', version: '1.2.3', node: 'v24.1.0', uptimeSeconds: 5 };
    http.expectOne({ method: 'GET', url: META_PATH }).flush(meta);
    expect(await result).toEqual({ ok: true, value: meta });
  });

  it('turns a release request that got no answer into a network problem', async () => {
    const { status, http } = setup();
    const result = firstValueFrom(status.meta());
    http.expectOne(META_PATH).error(new ProgressEvent('error'));
    expect(await result).toMatchObject({ ok: false, problem: { code: 'HTTP.NETWORK_ERROR', status: 0 } });
  });
});
