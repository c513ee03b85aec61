import { NameResolver } from '../../src/gaps/NameResolver';
import { tokenize } from '../../src/gaps/tokenize';

const resolver = new NameResolver([
  { id: 'skane', names: ['Skåne', 'Scania', 'Skane'] },
  { id: 'region-skane', names: ['Region Skåne', 'Region Skane'] },
  { id: 'skane-atmp-centre', names: ['Region Skånes ATMP-centrum', 'ATMP-centrum'] },
  { id: 'atmp', names: ['Cell- och genterapier (ATMP)', 'ATMP'] },
  { id: 'medeon', names: ['Medeon Science Park', 'Medeon'] },
  { id: 'medicon-valley', names: ['Medicon Valley'] },
  { id: 'max-iv', names: ['MAX IV'] },
  { id: 'scilifelab', names: ['SciLifeLab'] },
  { id: 'oral-health', names: ['Oral hälsa', 'dental health'] },
  { id: 'life-science-health', names: ['Life science och hälsa', 'Life science & hälsa'] },
  { id: 'elderly-care', names: ['Äldreomsorg'] },
]);

/** The mentions in a text, as id and the words they cover. */
function mentions(text: string): [string, string][] {
  const tokens = tokenize(text);
  return resolver.mentions(tokens).map((m) => [
    m.id,
    tokens
      .slice(m.first, m.last + 1)
      .map((t) => t.text)
      .join(' '),
  ]);
}

describe('NameResolver', () => {
  test("resolves the documents' garbled spellings of Swedish names", () => {
    expect(resolver.resolve('Skdne')).toEqual(['skane']);
    expect(resolver.resolve('Skédne')).toEqual(['skane']);
    expect(resolver.resolve('Skénes')).toEqual(['skane']);
    expect(resolver.resolve('Life science & hilsa')).toEqual(['life-science-health']);
    expect(resolver.resolve('oral hialsa')).toEqual(['oral-health']);
    // Even a first letter: "éldre" for "äldre".
    expect(resolver.resolve('Éldreomsorg')).toEqual(['elderly-care']);
  });

  test('resolves ids, genitives and spacing', () => {
    expect(resolver.resolve('medicon valley')).toEqual(['medicon-valley']);
    expect(resolver.resolve('Medicon Valleys')).toEqual(['medicon-valley']);
    expect(resolver.resolve('MAXIV')).toEqual(['max-iv']);
    expect(resolver.resolve('Sci Life lab')).toEqual(['scilifelab']);
  });

  test('the longest name wins where names overlap', () => {
    expect(resolver.resolve('Region Skdnes ATMP-centrum')).toEqual(['skane-atmp-centre']);
    expect(mentions('GMP-faciliteten vid Region Skdnes ATMP-centrum i Lund, nara Skane och ATMP')).toEqual([
      ['skane-atmp-centre', 'Region Skdnes ATMP centrum'],
      ['skane', 'Skane'],
      ['atmp', 'ATMP'],
    ]);
  });

  test('a name that only part of the text stands for leaves the text unresolved', () => {
    expect(resolver.resolve('Medicon Valley Alliance')).toBeNull();
    expect(mentions('Medeon och Medicon Valley Alliance arrangerar')).toEqual([
      ['medeon', 'Medeon'],
      ['medicon-valley', 'Medicon Valley'],
    ]);
    expect(resolver.resolve('Medicon Village')).toBeNull();
  });

  test('no look-alikes: other digits, words run together, other letters in short names', () => {
    expect(resolver.resolve('Dent2Health')).toBeNull();
    expect(resolver.resolve('med en')).toBeNull();
    expect(resolver.resolve('Skare')).toBeNull();
    expect(resolver.resolve('MAX V')).toBeNull();
  });

  test('covers tells whether every word of a stretch lies in some mention', () => {
    const tokens = tokenize('Medeon och Medicon Valley Alliance');
    const found = resolver.mentions(tokens);
    expect(NameResolver.covers(found, 0, 0)).toBe(true);
    expect(NameResolver.covers(found, 2, 3)).toBe(true);
    expect(NameResolver.covers(found, 2, 4)).toBe(false);
  });
});
