import { MetricsService } from './metrics.service';

/** The value of the sample `name` whose labels include `labels`, whatever their order. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const present = new Map<string, string>();
    for (const label of (match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g))
      present.set(label[1] ?? '', label[2] ?? '');
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

describe('MetricsService', () => {
  it('exposes Node process metrics under the bandstand_ prefix, labelled with the service', async () => {
    const text = await new MetricsService('api').render();
    expect(text).toContain('bandstand_process_cpu_user_seconds_total');
    expect(text).toContain('bandstand_nodejs_eventloop_lag_seconds');
    expect(sample(text, 'bandstand_process_resident_memory_bytes', { service: 'api' })).toBeGreaterThan(0);
  });

  it('records HTTP request durations by method, route and status', async () => {
    const metrics = new MetricsService('api');
    metrics.observeHttpRequest({
      method: 'GET',
      route: '/api/v1/meta',
      statusCode: 200,
      durationSeconds: 0.003,
    });
    metrics.observeHttpRequest({
      method: 'GET',
      route: '/api/v1/meta',
      statusCode: 200,
      durationSeconds: 0.2,
    });
    const text = await metrics.render();
    const labels = { service: 'api', method: 'GET', route: '/api/v1/meta', status_code: '200' };
    expect(sample(text, 'bandstand_http_request_duration_seconds_count', labels)).toBe(2);
    expect(sample(text, 'bandstand_http_request_duration_seconds_bucket', { ...labels, le: '0.005' })).toBe(
      1,
    );
    expect(sample(text, 'bandstand_http_request_duration_seconds_bucket', { ...labels, le: '0.25' })).toBe(2);
  });

  it('records whether each dependency is up', async () => {
    const metrics = new MetricsService('worker');
    metrics.setDependencyUp('postgres', true);
    metrics.setDependencyUp('redis', false);
    const text = await metrics.render();
    expect(sample(text, 'bandstand_dependency_up', { dependency: 'postgres', service: 'worker' })).toBe(1);
    expect(sample(text, 'bandstand_dependency_up', { dependency: 'redis', service: 'worker' })).toBe(0);
  });

  it('keeps each instance in a registry of its own', async () => {
    const first = new MetricsService('api');
    const second = new MetricsService('api');
    first.observeHttpRequest({ method: 'POST', route: '/x', statusCode: 201, durationSeconds: 0.01 });
    expect(await second.render()).not.toContain('route="/x"');
    expect(first.contentType).toContain('text/plain');
  });
});
