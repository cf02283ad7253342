import { join } from 'node:path';
import { runProcess, workspaceRoot } from '@bandstand/shared/testing';

function runApi(env: Record<string, string>) {
  return runProcess({
    name: 'api',
    command: process.execPath,
    args: [join(workspaceRoot(), 'dist', 'apps', 'api', 'main.js')],
    env,
    timeoutMs: 20_000,
  });
}

describe('a wrong configuration', () => {
  it('stops the api with exit 78, naming the variable, without a stack trace', async () => {
    const result = await runApi({ PORT: 'abc' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('"abc"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('reports every wrong variable at once', async () => {
    const result = await runApi({
      PORT: '70000',
      DATABASE_URL: 'mysql://localhost/bandstand',
      LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(78);
    for (const variable of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(result.stderr).toContain(variable);
  });
});
