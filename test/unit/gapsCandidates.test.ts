import { extractCandidates } from '../../src/gaps/extractCandidates';
import { findRelationCue } from '../../src/gaps/findRelationCue';
import { tokenize } from '../../src/gaps/tokenize';

/** The candidates of one sentence, as kind and text (and the core, when there is one). */
function candidates(text: string, commonWords: string[] = []) {
  const tokens = tokenize(text);
  return extractCandidates({ text, start: 0 }, tokens, new Set(commonWords)).map((c) => ({
    kind: c.kind,
    text: c.text,
    ...(c.core
      ? {
          core: tokens
            .slice(c.core.first, c.core.last + 1)
            .map((t) => t.text)
            .join(' '),
        }
      : {}),
  }));
}

describe('extractCandidates', () => {
  test('finds acronyms; a capital that starts the sentence alone is no name', () => {
    expect(candidates('Regulatorisk vagledning (FDA, EMA, MDR, IVDR) for ICPerMed och S3P via RUFS2050.')).toEqual([
      { kind: 'acronym', text: 'FDA' },
      { kind: 'acronym', text: 'EMA' },
      { kind: 'acronym', text: 'MDR' },
      { kind: 'acronym', text: 'IVDR' },
      { kind: 'acronym', text: 'ICPerMed' },
      { kind: 'acronym', text: 'S3P' },
      { kind: 'acronym', text: 'RUFS2050' },
    ]);
  });

  test('finds capitalised names with their connectors, and the names of a list after "e.g."', () => {
    const text =
      'There are strong universities, e.g. Lund University, Blekinge Institute of Technology and the Swedish University of Agricultural Sciences.';
    expect(candidates(text, ['there'])).toEqual([
      { kind: 'name', text: 'Lund University' },
      { kind: 'name', text: 'Blekinge Institute of Technology' },
      { kind: 'name', text: 'Swedish University of Agricultural Sciences' },
    ]);
  });

  test('a capitalised word that starts a sentence before a name is kept apart as the core', () => {
    expect(candidates('Positionera Skane som en ledande miljo for life science.')).toEqual([
      { kind: 'name', text: 'Positionera Skane', core: 'Skane' },
    ]);
    // A word the documents also write in lower case starts no name, but leads one: "Innovation Performance Group".
    expect(candidates('Innovation Performance Group (2019) : Leader', ['innovation', 'leader'])).toEqual([
      { kind: 'name', text: 'Innovation Performance Group', core: 'Performance Group' },
    ]);
  });

  test('finds Swedish organisations and programmes by their endings, and "Region X" anywhere', () => {
    const text =
      'Under aret har Lunds universitet och Skanes innovationsstrategi drivit det nationella doktorandprogrammet for ATMP.';
    // Every stretch that looks like a name, nested ones too (the check reports the outermost).
    expect(candidates(text, ['under'])).toEqual([
      { kind: 'pattern', text: 'Lunds universitet' },
      { kind: 'capitalised', text: 'Lunds' },
      { kind: 'pattern', text: 'Skanes innovationsstrategi' },
      { kind: 'capitalised', text: 'Skanes' },
      { kind: 'pattern', text: 'doktorandprogrammet for ATMP', core: 'doktorandprogrammet' },
      { kind: 'acronym', text: 'ATMP' },
    ]);
    expect(candidates('Region Stockholm har det regionala utvecklingsansvaret.', ['region'])).toEqual([
      { kind: 'pattern', text: 'Region Stockholm' },
    ]);
    expect(
      candidates(
        'Precisionsprevention utgor ett av huvuduppdragen for Precisionsmedicinskt Centrum Syd och Forsknings- och innovationsradet.',
      ),
    ).toEqual([
      { kind: 'pattern', text: 'Precisionsmedicinskt Centrum Syd' },
      { kind: 'pattern', text: 'Forsknings- och innovationsradet' },
      { kind: 'capitalised', text: 'Forsknings' },
    ]);
  });

  test('a bare "strategin" or "universitet" names nothing, nor "området"', () => {
    expect(candidates('Strategin riktar sig till universitet och hogskolor inom omradet.', ['strategin'])).toEqual([]);
  });

  test('lists the items after "till exempel", "tex" and "sdsom" (såsom, garbled)', () => {
    expect(
      candidates('Fokus pa lokala miljoer inom forskning till exempel diabetes, virusforskning och oral hilsa.'),
    ).toEqual([
      { kind: 'listed', text: 'diabetes' },
      { kind: 'listed', text: 'virusforskning' },
      { kind: 'listed', text: 'oral hilsa' },
    ]);
    expect(candidates('utveckla ATMP-bolag (tex gen- och stamcellsbehandlingar).')).toEqual([
      { kind: 'acronym', text: 'ATMP' },
      { kind: 'listed', text: 'gen- och stamcellsbehandlingar' },
    ]);
    // An item of prose ends the list.
    expect(
      candidates(
        'Hilsoutmaningar, sdsom en aldrande befolkning, kostnader som stiger snabbare an intakterna, och brist.',
      ),
    ).toEqual([{ kind: 'listed', text: 'aldrande befolkning' }]);
  });

  test('a heading in capitals shouts ordinary words; a word it cuts off looks like an acronym', () => {
    expect(candidates('AVANCERADE MATERIAL & TILLV INDUSTRI', ['material'])).toEqual([
      { kind: 'acronym', text: 'TILLV' },
    ]);
  });

  test('a sentence of one capitalised word is a name (a list item, a label)', () => {
    expect(candidates('Facebook')).toEqual([{ kind: 'capitalised', text: 'Facebook' }]);
    expect(candidates('Varlden', ['varlden'])).toEqual([]);
  });
});

describe('findRelationCue', () => {
  test('finds the first relation cue, the longest that starts there', () => {
    expect(
      findRelationCue(
        tokenize('Dent2Health ir ett initiativ som Medeon under flera ar har drivit tillsammans med MVA'),
      ),
    ).toBe('drivit');
    expect(findRelationCue(tokenize('Innovation Skane lanserar, i samarbete med Region Skane, utbildningar'))).toBe(
      'i samarbete med',
    );
    expect(findRelationCue(tokenize('WSP har på uppdrag av Region Skåne tagit fram en ekosystemanalys'))).toBe(
      'på uppdrag av',
    );
    expect(findRelationCue(tokenize('The project is co-ordinated by Department Economy'))).toBe('co ordinated');
  });

  test('no cue, no relation; English "drive" is no Swedish "driv"', () => {
    expect(findRelationCue(tokenize('Our purpose with innovation is to drive transformation'))).toBeNull();
    expect(findRelationCue(tokenize('Skane ar en integrerad del av Medicon Valley'))).toBeNull();
  });
});
