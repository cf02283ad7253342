// Maps the tsconfig.base.json path aliases to jest's moduleNameMapper.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

function aliasMapper() {
  const text = readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8');
  const { compilerOptions } = JSON.parse(text);
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths ?? {})) {
    mapper[`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`] = join(workspaceRoot, target);
  }
  return mapper;
}

module.exports = { aliasMapper, workspaceRoot };
