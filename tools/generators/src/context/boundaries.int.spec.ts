import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Proves the module-boundary rules of STYLE.md on a real Nx workspace: the real generator makes
// two contexts, and the real eslint.config.mjs must reject the imports the house rules forbid.
const workspaceRoot = join(__dirname, '..', '..', '..', '..');
const nxBin = join(workspaceRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const eslintBin = join(workspaceRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface EslintFileResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NODE_OPTIONS: '' };

function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function lint(root: string, files: string[]): Map<string, string[]> {
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', ...files], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (!result.stdout.trim().startsWith('[')) {
    throw new Error(`eslint did not report:\n${result.stdout}\n${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as EslintFileResult[];
  return new Map(
    report.map((file) => [
      file.filePath.slice(root.length + 1),
      file.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message),
    ]),
  );
}

function addSharedLib(root: string, name: string, platform: 'node' | 'web'): void {
  const dir = `libs/shared/${name}`;
  write(
    root,
    `${dir}/project.json`,
    JSON.stringify({
      name: `shared-${name}`,
      sourceRoot: `${dir}/src`,
      projectType: 'library',
      tags: ['scope:shared', 'type:util', `platform:${platform}`],
    }),
  );
  write(
    root,
    `${dir}/tsconfig.json`,
    JSON.stringify({ extends: '../../../tsconfig.base.json', include: ['src/**/*.ts'] }),
  );
  write(root, `${dir}/src/index.ts`, `export const ${name.replace(/-/g, '')} = '${name}';\n`);
}

describe('module boundaries (real generator, real lint config)', () => {
  let root: string;
  let results: Map<string, string[]>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bandstand-boundaries-'));
    for (const path of ['eslint.config.mjs', 'tools/lint', 'tools/generators', 'tools/jest']) {
      cpSync(join(workspaceRoot, path), join(root, path), { recursive: true });
    }
    symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    write(root, 'package.json', JSON.stringify({ name: 'boundaries-fixture', private: true }));
    write(
      root,
      'nx.json',
      JSON.stringify({ analytics: false, neverConnectToCloud: true, useDaemonProcess: false }),
    );
    const base = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    base.compilerOptions.paths = {
      '@bandstand/tools': ['./tools/generators/src/index.ts'],
      '@bandstand/shared/node-probe': ['./libs/shared/node-probe/src/index.ts'],
    };
    write(root, 'tsconfig.base.json', JSON.stringify(base));
    addSharedLib(root, 'node-probe', 'node');

    for (const context of ['alpha', 'beta']) {
      execFileSync(process.execPath, [nxBin, 'g', '@bandstand/tools:context', context, '--no-interactive'], {
        cwd: root,
        env,
        stdio: 'pipe',
      });
    }

    write(
      root,
      'libs/alpha/domain/src/lib/cross-domain.ts',
      "export { BetaError } from '@bandstand/beta/domain';\n",
    );
    write(
      root,
      'libs/alpha/server/src/lib/cross-contracts.ts',
      "export { BETA_CONTEXT } from '@bandstand/beta/contracts';\n",
    );
    write(
      root,
      'libs/alpha/server/src/lib/cross-server.ts',
      "export { BetaModule } from '@bandstand/beta/server';\n",
    );
    write(
      root,
      'libs/alpha/web/src/lib/web-to-server.ts',
      "export { AlphaModule } from '@bandstand/alpha/server';\n",
    );
    write(
      root,
      'libs/alpha/web/src/lib/web-to-node.ts',
      "export { nodeprobe } from '@bandstand/shared/node-probe';\n",
    );
    write(
      root,
      'libs/alpha/domain/src/lib/domain-to-server.ts',
      "export { AlphaModule } from '@bandstand/alpha/server';\n",
    );
    write(
      root,
      'libs/alpha/web/src/lib/web-to-contracts.ts',
      "export { ALPHA_CONTEXT } from '@bandstand/alpha/contracts';\n",
    );

    execFileSync(process.execPath, [nxBin, 'show', 'projects'], { cwd: root, env, stdio: 'pipe' });
    results = lint(root, ['libs/alpha', 'libs/beta']);
  }, 120_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lints the generated contexts clean', () => {
    const generated = [...results.entries()].filter(([file]) => !/cross-|web-to-|domain-to-/.test(file));
    expect(generated.length).toBeGreaterThanOrEqual(8);
    for (const [file, messages] of generated) expect({ file, messages }).toEqual({ file, messages: [] });
  });

  it("rejects one context's domain importing another context's domain", () => {
    expect(results.get('libs/alpha/domain/src/lib/cross-domain.ts')).toEqual([
      expect.stringMatching(/scope:alpha.*can only depend on libs tagged with.*scope:alpha/),
    ]);
  });

  it("rejects one context's server importing another context's server", () => {
    expect(results.get('libs/alpha/server/src/lib/cross-server.ts')?.length).toBeGreaterThan(0);
  });

  it('allows a context to use another context only through its contracts', () => {
    expect(results.get('libs/alpha/server/src/lib/cross-contracts.ts')).toEqual([]);
  });

  it('rejects web code importing node code, in a context and from shared', () => {
    // Nx names only the first constraint an import breaks: here the type rule (web may not use server).
    expect(results.get('libs/alpha/web/src/lib/web-to-server.ts')).toEqual([
      expect.stringMatching(/type:web.*can only depend on libs tagged with/),
    ]);
    expect(results.get('libs/alpha/web/src/lib/web-to-node.ts')).toEqual([
      expect.stringMatching(/platform:web.*can only depend on libs tagged with.*platform:web/),
    ]);
  });

  it('rejects a domain importing its own server layer', () => {
    expect(results.get('libs/alpha/domain/src/lib/domain-to-server.ts')).toEqual(
      expect.arrayContaining([expect.stringMatching(/type:domain.*can only depend on libs tagged with/)]),
    );
  });

  it('allows web code to import its contracts', () => {
    expect(results.get('libs/alpha/web/src/lib/web-to-contracts.ts')).toEqual([]);
  });
});
