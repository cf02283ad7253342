import fc from 'fast-check';
import { type Contributor, CONTRIBUTOR_ROLES } from '@bandstand/catalog/contracts';
import { formatContributors, parseContributors } from './catalog-csv.format';

const credit = (name: string, extra: Partial<Contributor> = {}): Contributor => ({
  name,
  artistId: null,
  roles: ['composer'],
  isni: null,
  ipi: null,
  instrument: null,
  ...extra,
});

describe('the contributors cell', () => {
  it('writes name, roles, ISNI, IPI and instrument, leaving trailing empty parts out', () => {
    expect(
      formatContributors([
        credit('Aurora Lane', { roles: ['main-artist', 'composer'], isni: '0000000121251077' }),
        credit('Sam Reed', { roles: ['performer'], instrument: 'Piano' }),
        credit('Mara Quell', { ipi: '00052210040' }),
      ]),
    ).toBe(
      'Aurora Lane|main-artist;composer|0000000121251077 ; Sam Reed|performer|||Piano ; Mara Quell|composer||00052210040',
    );
  });

  it('escapes separators in names and reads them back', () => {
    const tricky = credit('AC|DC ; Friends\\', { instrument: 'Keys; synth' });
    const cell = formatContributors([tricky, credit('B')]);
    expect(cell).toBe('AC\\|DC \\; Friends\\\\|composer|||Keys\\; synth ; B|composer');
    expect(parseContributors(cell)).toEqual([
      { name: 'AC|DC ; Friends\\', roles: ['composer'], isni: null, ipi: null, instrument: 'Keys; synth' },
      { name: 'B', roles: ['composer'], isni: null, ipi: null, instrument: null },
    ]);
  });

  it('reads hand-written cells: spaces around parts, no roles, empty entries', () => {
    expect(parseContributors(' Kai | producer;mixer  ;  ; Lu ')).toEqual([
      { name: 'Kai', roles: ['producer', 'mixer'], isni: null, ipi: null, instrument: null },
      { name: 'Lu', roles: [], isni: null, ipi: null, instrument: null },
    ]);
    expect(parseContributors('')).toEqual([]);
  });

  it('reads back every list of credits it writes', () => {
    const text = fc
      .string({ unit: fc.constantFrom('a', 'B', ' ', '|', ';', '\\', 'ø') })
      .map((value) => value.trim());
    const contributor = fc.record({
      name: text.filter((value) => value !== ''),
      artistId: fc.constant(null),
      roles: fc.uniqueArray(fc.constantFrom(...CONTRIBUTOR_ROLES), { minLength: 1, maxLength: 3 }),
      isni: fc.option(fc.constant('0000000121251077')),
      ipi: fc.option(fc.constant('00052210040')),
      instrument: fc.option(text.filter((value) => value !== '')),
    });
    fc.assert(
      fc.property(fc.array(contributor, { maxLength: 5 }), (contributors) => {
        const read = parseContributors(formatContributors(contributors));
        expect(read).toEqual(contributors.map(({ artistId: _artistId, ...rest }) => rest));
      }),
    );
  });
});
