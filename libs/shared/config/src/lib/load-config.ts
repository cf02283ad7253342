import { type z } from 'zod';

/** One variable that failed validation, named as the operator sets it. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Thrown when a process's environment does not satisfy its config schema; the process must not start. */
export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

// `scheme://user:password@host` → `scheme://***@host`, whether or not the rest is a valid URL.
const URL_CREDENTIALS = /\/\/[^/@\s]*@/g;

function shown(variable: string, value: string | undefined): string {
  if (value === undefined) return 'it is not set';
  if (SECRET_NAME.test(variable)) return 'the value given is not accepted';
  return `got ${JSON.stringify(value.replace(URL_CREDENTIALS, '//***@'))}`;
}

/**
 * Validates `env` against `schema` and returns the typed config. Every problem is collected and
 * reported at once, each naming its variable, so an operator fixes them in one go.
 */
export function loadConfig<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    return { variable, message: `${issue.message} (${shown(variable, env[variable])})` };
  });
  throw new ConfigError(problems);
}

/**
 * Loads the config for a process, or prints what is wrong, naming each variable, and exits with
 * status 78 (EX_CONFIG) without a stack trace.
 */
export function loadConfigOrExit<S extends z.ZodType<unknown, Record<string, unknown>>>(
  processName: string,
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lines = error.problems.map((p) => `  - ${p.variable}: ${p.message}`);
    process.stderr.write(
      `Bandstand ${processName} cannot start: its configuration is invalid.\n${lines.join('\n')}\n` +
        'Set these environment variables (see README.md, "Configuration") and start it again.\n',
    );
    process.exit(78);
  }
}
