import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, runProcess, startProcess, workspaceRoot } from './processes';

// A tiny server standing in for an app: ready after a short delay, says goodbye on SIGTERM.
const SERVER = `
const http = require('node:http');
const port = Number(process.env.PORT);
let ready = false;
setTimeout(() => { ready = true; }, 200);
const server = http.createServer((req, res) => { res.statusCode = ready ? 200 : 503; res.end(String(ready)); });
server.listen(port, '127.0.0.1', () => console.log('listening on ' + port + ' as ' + process.env.GREETING));
process.on('SIGTERM', () => { console.error('stopping'); server.close(() => process.exit(0)); });
`;

const STUBBORN = `
const http = require('node:http');
process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
http.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('workspaceRoot', () => {
  it('is the folder holding nx.json', () => {
    expect(existsSync(join(workspaceRoot(), 'nx.json'))).toBe(true);
  });
});

describe('freePort', () => {
  it('returns a port nobody listens on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});

describe('startProcess', () => {
  it('waits until the ready URL answers 200, collects output and stops with SIGTERM', async () => {
    const port = await freePort();
    const server = await startProcess({
      name: 'server',
      command: process.execPath,
      args: ['-e', SERVER],
      env: { PORT: String(port), GREETING: 'hello' },
      readyUrl: `http://127.0.0.1:${port}/ready`,
      timeoutMs: 10_000,
    });
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(await (await fetch(`${server.url}/`)).text()).toBe('true');
    const exit = await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toBe(`listening on ${port} as hello\n`);
    expect(server.stderr()).toBe('stopping\n');
    expect(server.output()).toContain('listening on');
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const port = await freePort();
    const stubborn = await startProcess({
      name: 'stubborn',
      command: process.execPath,
      args: ['-e', STUBBORN],
      env: { PORT: String(port) },
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    expect(await stubborn.stop(300)).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('fails with the output when the process ends before it is ready', async () => {
    await expect(
      startProcess({
        name: 'crasher',
        command: process.execPath,
        args: ['-e', 'console.error("PORT: must be a whole number"); process.exit(78)'],
        readyUrl: 'http://127.0.0.1:9/',
      }),
    ).rejects.toThrow(/crasher ended \(exit code 78\)[\s\S]*PORT: must be a whole number/);
  });

  it('fails and kills the process when it is not ready in time', async () => {
    const port = await freePort();
    await expect(
      startProcess({
        name: 'sleeper',
        command: process.execPath,
        args: ['-e', 'setInterval(() => undefined, 1000)'],
        readyUrl: `http://127.0.0.1:${port}/`,
        timeoutMs: 300,
      }),
    ).rejects.toThrow(/sleeper was not ready within 300 ms/);
  });

  it('does not hand the test runner its NODE_OPTIONS, and can unset variables', async () => {
    const result = await runProcess({
      name: 'env',
      command: process.execPath,
      args: [
        '-e',
        'console.log(JSON.stringify([process.env.NODE_OPTIONS ?? null, process.env.HOME ?? null]))',
      ],
      env: { HOME: undefined },
    });
    expect(JSON.parse(result.stdout)).toEqual([null, null]);
  });
});

describe('runProcess', () => {
  it('returns the exit code and output', async () => {
    const result = await runProcess({
      name: 'fails',
      command: process.execPath,
      args: ['-e', 'console.log("out"); console.error("err"); process.exit(3)'],
    });
    expect(result).toMatchObject({ code: 3, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('kills a process that runs past its timeout', async () => {
    await expect(
      runProcess({
        name: 'forever',
        command: process.execPath,
        args: ['-e', 'setInterval(() => undefined, 1000)'],
        timeoutMs: 200,
      }),
    ).rejects.toThrow(/forever did not finish within 200 ms/);
  });
});
