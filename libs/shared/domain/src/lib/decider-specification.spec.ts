import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DomainError } from '@bandstand/shared/contracts';
import { transformFileSync } from '@swc/core';
import { type Decider, type DecisionContext } from './decider';
import { deciderSpec } from './decider-specification';
import { FIXED_NOW_ISO, fixedDecisionContext, sequentialId } from './fixed-decision-context';
import { SpecificationFailure } from './structural-diff';

type TallyCommand =
  { readonly kind: 'AddToTally'; readonly amount: number } | { readonly kind: 'CloseTally' };
type TallyEvent =
  | { readonly type: 'TallyAdded'; readonly data: { readonly entryId: string; readonly amount: number } }
  | { readonly type: 'TallyClosed'; readonly data: { readonly at: string } };
interface TallyState {
  readonly total: number;
  readonly closed: boolean;
}

class TallyClosed extends DomainError {
  constructor() {
    super('TALLY.CLOSED', 'The tally is closed', { status: 409 });
  }
}

class AmountNotPositive extends DomainError {
  constructor(amount: number) {
    super('TALLY.AMOUNT_NOT_POSITIVE', `${amount} is not a positive amount`, { field: 'amount' });
  }
}

const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ total: 0, closed: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'TallyAdded':
        return { ...state, total: state.total + event.data.amount };
      case 'TallyClosed':
        return { ...state, closed: true };
    }
  },
  decide: (command, state, context: DecisionContext) => {
    if (state.closed) throw new TallyClosed();
    switch (command.kind) {
      case 'AddToTally':
        if (command.amount < 0) throw new AmountNotPositive(command.amount);
        if (command.amount === 0) return [];
        return [{ type: 'TallyAdded', data: { entryId: context.newId(), amount: command.amount } }];
      case 'CloseTally':
        return [{ type: 'TallyClosed', data: { at: context.now.toISOString() } }];
    }
  },
};

const added = (amount: number, n = 1): TallyEvent => ({
  type: 'TallyAdded',
  data: { entryId: sequentialId(n), amount },
});

function failureOf(check: () => unknown): SpecificationFailure {
  try {
    check();
  } catch (error) {
    if (error instanceof SpecificationFailure) return error;
    throw error;
  }
  throw new Error('expected the specification to fail, but it passed');
}

describe('deciderSpec', () => {
  describe('passes when the decision is as specified', () => {
    it('on events', () => {
      deciderSpec(tally)
        .given([added(2)])
        .when({ kind: 'AddToTally', amount: 3 })
        .then([added(3)]);
      deciderSpec(tally)
        .when({ kind: 'CloseTally' })
        .then([{ type: 'TallyClosed', data: { at: FIXED_NOW_ISO } }]);
    });

    it('on no events', () => {
      deciderSpec(tally)
        .given([added(1)])
        .when({ kind: 'AddToTally', amount: 0 })
        .thenNothing();
      deciderSpec(tally).when({ kind: 'AddToTally', amount: 0 }).then([]);
    });

    it('on a thrown error, by class, code or fields, and returns it', () => {
      const closed = [{ type: 'TallyClosed', data: { at: FIXED_NOW_ISO } }] as const;
      const error = deciderSpec(tally).given(closed).when({ kind: 'CloseTally' }).thenThrows(TallyClosed);
      expect(error.code).toBe('TALLY.CLOSED');
      deciderSpec(tally).given(closed).when({ kind: 'CloseTally' }).thenThrows('TALLY.CLOSED');
      deciderSpec(tally)
        .when({ kind: 'AddToTally', amount: -1 })
        .thenThrows({ code: 'TALLY.AMOUNT_NOT_POSITIVE', name: 'AmountNotPositive', message: /-1 is not/ });
      deciderSpec(tally).when({ kind: 'AddToTally', amount: -1 }).thenThrows(DomainError);
    });

    it('on the state after the decision', () => {
      deciderSpec(tally)
        .given([added(2), added(5, 2)])
        .when({ kind: 'AddToTally', amount: 3 })
        .thenState({ total: 10, closed: false });
    });

    it('with a context of its own, deciding once for several checks', () => {
      const spec = deciderSpec(tally).when(
        { kind: 'AddToTally', amount: 1 },
        fixedDecisionContext({ firstId: 41 }),
      );
      spec.then([added(1, 41)]);
      spec.then([added(1, 41)]);
      spec.thenState({ total: 1, closed: false });
    });
  });

  describe('fails with a readable message', () => {
    it('when the events differ', () => {
      const failure = failureOf(() =>
        deciderSpec(tally)
          .given([added(2)])
          .when({ kind: 'AddToTally', amount: 3 })
          .then([added(4)]),
      );
      expect(failure.differences).toEqual([{ path: '$[0].data.amount', expected: 4, actual: 3 }]);
      expect(failure.message).toContain('deciderSpec: the decided events differ from the expected ones');
      expect(failure.message).toContain('$[0].data.amount: expected 4, received 3');
      expect(failure.message).toContain('Received:\n[\n  {\n    type: "TallyAdded"');
    });

    it('when events are missing or extra', () => {
      expect(
        failureOf(() => deciderSpec(tally).when({ kind: 'AddToTally', amount: 1 }).thenNothing()).message,
      ).toContain('$[0]: unexpected element');
      expect(
        failureOf(() =>
          deciderSpec(tally)
            .when({ kind: 'AddToTally', amount: 0 })
            .then([added(1)]),
        ).message,
      ).toContain('$[0]: missing element');
    });

    it('when events were expected but decide threw', () => {
      const failure = failureOf(() =>
        deciderSpec(tally)
          .when({ kind: 'AddToTally', amount: -2 })
          .then([added(-2)]),
      );
      expect(failure.message).toBe(
        'deciderSpec: expected events, but decide threw AmountNotPositive [TALLY.AMOUNT_NOT_POSITIVE]: -2 is not a positive amount',
      );
      expect(failure.cause).toBeInstanceOf(AmountNotPositive);
    });

    it('when an error was expected but decide decided events', () => {
      expect(
        failureOf(() => deciderSpec(tally).when({ kind: 'AddToTally', amount: 1 }).thenThrows(TallyClosed))
          .message,
      ).toMatch(
        /^deciderSpec: expected decide to throw an instance of TallyClosed, but it decided:\n\[\n {2}\{/,
      );
    });

    it('when decide threw another error', () => {
      const failure = failureOf(() =>
        deciderSpec(tally).when({ kind: 'AddToTally', amount: -1 }).thenThrows('TALLY.CLOSED'),
      );
      expect(failure.message).toBe(
        'deciderSpec: expected decide to throw an error with code TALLY.CLOSED, but it threw AmountNotPositive [TALLY.AMOUNT_NOT_POSITIVE]: -1 is not a positive amount',
      );
      expect(
        failureOf(() => deciderSpec(tally).when({ kind: 'AddToTally', amount: -1 }).thenThrows(TallyClosed))
          .message,
      ).toContain('an instance of TallyClosed');
      expect(
        failureOf(() =>
          deciderSpec(tally)
            .when({ kind: 'AddToTally', amount: -1 })
            .thenThrows({ code: 'TALLY.AMOUNT_NOT_POSITIVE', message: 'another message' }),
        ).message,
      ).toContain('an error matching { code: "TALLY.AMOUNT_NOT_POSITIVE", message: "another message" }');
    });

    it('when the state differs', () => {
      const failure = failureOf(() =>
        deciderSpec(tally).when({ kind: 'CloseTally' }).thenState({ total: 0, closed: false }),
      );
      expect(failure.message).toContain('$.closed: expected false, received true');
    });

    it('when evolve throws on a given event', () => {
      const strict: typeof tally = {
        ...tally,
        evolve: (state, event) => {
          if (event.type === 'TallyClosed' && state.closed) throw new Error('closed twice');
          return tally.evolve(state, event);
        },
      };
      const closed: TallyEvent = { type: 'TallyClosed', data: { at: FIXED_NOW_ISO } };
      expect(
        failureOf(() =>
          deciderSpec(strict).given([closed, closed]).when({ kind: 'CloseTally' }).thenNothing(),
        ).message,
      ).toBe('deciderSpec: evolve threw on given event [1] TallyClosed: Error: closed twice');
    });

    it('when the when() step is awaited instead of finished', async () => {
      const unfinished: unknown = deciderSpec(tally).when({ kind: 'AddToTally', amount: 1 });
      await expect(Promise.resolve(unfinished)).rejects.toThrow(
        /the result of when\(\) was awaited or returned as a promise/,
      );
    });
  });

  it('runs in plain Node, without a test runner', () => {
    const source = join(__dirname, '..');
    const out = mkdtempSync(join(tmpdir(), 'decider-spec-'));
    try {
      const files = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter(
        (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
      );
      for (const file of files) {
        const { code } = transformFileSync(join(source, file), {
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
        });
        const target = join(out, file.replace(/\.ts$/, '.js'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, code);
      }
      const script = `
        const { deciderSpec } = require('./index.js');
        const counter = {
          initialState: () => 0,
          evolve: (state, event) => state + event.data.by,
          decide: (command, state) => [{ type: 'Counted', data: { by: command.by, from: state } }],
        };
        deciderSpec(counter).given([{ type: 'Counted', data: { by: 2 } }]).when({ by: 1 })
          .then([{ type: 'Counted', data: { by: 1, from: 2 } }]);
        let failure;
        try {
          deciderSpec(counter).when({ by: 1 }).then([{ type: 'Counted', data: { by: 1, from: 7 } }]);
        } catch (error) {
          failure = error;
        }
        process.stdout.write(JSON.stringify({ runner: typeof expect, name: failure.name, message: failure.message }));
      `;
      writeFileSync(join(out, 'check.js'), script);
      const result = JSON.parse(
        execFileSync(process.execPath, [join(out, 'check.js')], { cwd: out, encoding: 'utf8' }),
      ) as { runner: string; name: string; message: string };
      expect(result.runner).toBe('undefined');
      expect(result.name).toBe('SpecificationFailure');
      expect(result.message).toContain('$[0].data.from: expected 7, received 0');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
