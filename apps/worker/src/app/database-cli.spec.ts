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
  ])('rejects %j', (args, message) => {
    expect(() => parseCommand(args)).toThrow(UsageError);
    expect(() => parseCommand(args)).toThrow(message);
  });
});
