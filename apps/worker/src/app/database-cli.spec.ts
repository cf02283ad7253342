import { DEFAULT_SEED, parseCommand, UsageError } from './database-cli';

describe('parseCommand', () => {
  it('reads the three database commands', () => {
    expect(parseCommand(['db:migrate'])).toEqual({ command: 'db:migrate' });
    expect(parseCommand(['db:reset'])).toEqual({ command: 'db:reset' });
    expect(parseCommand(['db:seed'])).toEqual({
      command: 'db:seed',
      seed: DEFAULT_SEED,
      scale: 1,
      force: false,
    });
    expect(parseCommand(['db:seed', '--scale', '3', '--seed=demo', '--force'])).toEqual({
      command: 'db:seed',
      seed: 'demo',
      scale: 3,
      force: true,
    });
  });

  it('reads kernel:verify with its options', () => {
    const chain = 'AB'.repeat(32);
    expect(parseCommand(['kernel:verify'])).toEqual({ command: 'kernel:verify', json: false });
    expect(parseCommand(['kernel:verify', '--json', `--anchor=12:${chain}`])).toEqual({
      command: 'kernel:verify',
      json: true,
      anchor: { sealNumber: 12, chain: chain.toLowerCase() },
    });
  });

  it('answers help however it is asked for', () => {
    expect(parseCommand(['help'])).toEqual({ command: 'help' });
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['db:seed', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [['db:migrate', '--force'], 'db:migrate takes no options or arguments, got --force'],
    [['db:seed', '--scale', '0'], '--scale must be a whole number from 1 to 999999, got "0"'],
    [['db:seed', '--scale', 'lots'], '--scale must be a whole number from 1 to 999999, got "lots"'],
    [['db:seed', '--seed', ' '], '--seed must not be empty'],
    [['db:seed', 'extra'], 'db:seed takes options only, got extra'],
    [['db:drop'], 'Unknown command "db:drop"'],
    [['db:seed', '--colour'], "Unknown option '--colour'"],
    [['db:seed', '--json'], '--json and --anchor belong to kernel:verify, not db:seed'],
    [['db:migrate', '--anchor', '1:ab'], 'db:migrate takes no options or arguments, got --anchor'],
    [['kernel:verify', '--force'], 'kernel:verify does not take --force'],
    [['kernel:verify', 'now'], 'kernel:verify takes options only, got now'],
    [['kernel:verify', '--anchor', '0:ab'], '--anchor must be <seal number>:<chain of 64 hex digits>'],
    [['kernel:verify', '--anchor', `3:${'g'.repeat(64)}`], '--anchor must be <seal number>:<chain'],
  ])('rejects %j', (args, message) => {
    expect(() => parseCommand(args)).toThrow(UsageError);
    expect(() => parseCommand(args)).toThrow(message);
  });
});
