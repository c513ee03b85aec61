import { EXPORT_FORMATS, isExportFormatName } from '../../src/export/formats';
import { periodEnd, periodStart } from '../../src/export/periods';
import type { SubgraphModel } from '../../src/models';
import { ROUND_TRIP_CHECKS, type GraphShape } from '../exportRoundTrip';

/**
 * Every export of a small graph whose values are built to break writers: XML and CSV
 * metacharacters, line breaks and tabs inside quotes (an XML parser turns raw ones in attributes
 * into spaces), non-ASCII names, two relationships between one pair, a dated and an undated
 * edge, a stated absence, a number, network metrics on one node (and none on the others, as before
 * an export resolves them), a layout position, edge weights. The integration tier does the same
 * with the seeded graph.
 */
const tricky = 'Quote with "double" and \'single\' quotes, <angle> & ampersand,\na line break,\ttab; and a comma';

const graph: GraphShape = {
  nodes: [
    {
      id: 'QWN0b3I6bHVuZC11bml2ZXJzaXR5',
      label: 'Lunds universitet',
      kind: 'UNIVERSITY',
      attributes: {
        slug: 'lund-university',
        nameEn: 'Lund University',
        entityType: 'Actor',
        subkind: null,
        description: tricky,
        website: 'https://www.lu.se/?a=1&b=2',
        aliases: ['LU', 'Lunds universitet'],
        themes: ['ATMP', 'Precision medicine'],
        regions: ['Skåne'],
        validFrom: null,
        validTo: null,
      },
      metrics: {
        degree: 3,
        inDegree: 0,
        outDegree: 3,
        weightedDegree: 3.5,
        betweenness: 0.125,
        closeness: 0.3333333333333333,
        pageRank: 0.41,
        component: 0,
        community: 1,
        side: 'SE',
        bridge: false,
      },
      position: { x: -12.5, y: 301.25 },
    },
    {
      id: 'SW5pdGlhdGl2ZTpjZWxsLWdlbmU',
      label: 'Cell- och genterapi i Skåne (ÅÄÖ)',
      kind: 'INITIATIVE',
      attributes: {
        slug: 'cell-gene',
        nameEn: 'Cell and gene therapy in Skåne',
        entityType: 'Initiative',
        subkind: 'programme',
        description: null,
        website: null,
        aliases: [],
        themes: [],
        regions: [],
        validFrom: '2019',
        validTo: '2024-02',
      },
    },
    {
      id: 'QWN0b3I6aWNwZXJtZWQ',
      label: 'ICPerMed',
      kind: 'NETWORK',
      attributes: {
        slug: 'icpermed',
        nameEn: 'ICPerMed',
        entityType: 'Actor',
        subkind: null,
        description: 'International Consortium for Personalised Medicine',
        website: null,
        aliases: [],
        themes: [],
        regions: [],
        validFrom: null,
        validTo: null,
      },
    },
  ],
  edges: [
    {
      id: 'lund-university|LEADS|cell-gene|coordinator',
      source: 'QWN0b3I6bHVuZC11bml2ZXJzaXR5',
      target: 'SW5pdGlhdGl2ZTpjZWxsLWdlbmU',
      type: 'LEADS',
      attributes: {
        role: 'coordinator',
        amount: 1250000.5,
        currency: 'SEK',
        validFrom: '2019-03',
        validTo: '2024',
        negated: false,
        basis: 'STATED',
        basisNote: null,
        derived: false,
      },
      sources: [
        { document: '000_aefb97ef1588826a.txt', quote: tricky },
        { document: 'https://example.org/page?x=1&y=2', quote: 'Second “curly” quote' },
      ],
      weight: 2.5,
      via: ['SW5pdGlhdGl2ZTpjZWxsLWdlbmU', 'QWN0b3I6aWNwZXJtZWQ'],
      viaTypes: ['LEADS', 'FUNDS'],
      bridge: true,
    },
    {
      id: 'lund-university|FUNDS|cell-gene|',
      source: 'QWN0b3I6bHVuZC11bml2ZXJzaXR5',
      target: 'SW5pdGlhdGl2ZTpjZWxsLWdlbmU',
      type: 'FUNDS',
      attributes: {
        role: null,
        amount: null,
        currency: null,
        validFrom: null,
        validTo: '2020-02-29',
        negated: false,
        basis: 'INFERRED',
        basisNote: 'A note with "quotes", a | pipe & an =formula',
        derived: true,
      },
      sources: [{ document: '002_18ae22799d8cc1a7.txt', quote: 'funds it' }],
      weight: 1,
      via: [],
      viaTypes: ['FUNDS'],
      bridge: false,
    },
    {
      id: 'lund-university|NOT_MEMBER_OF|icpermed|',
      source: 'QWN0b3I6bHVuZC11bml2ZXJzaXR5',
      target: 'QWN0b3I6aWNwZXJtZWQ',
      type: 'NOT_MEMBER_OF',
      attributes: {
        role: null,
        amount: null,
        currency: null,
        validFrom: null,
        validTo: null,
        negated: true,
        basis: 'IMPLIED',
        basisNote: null,
        derived: false,
      },
      sources: [{ document: '000_aefb97ef1588826a.txt', quote: 'Member of ICPerMed: no' }],
      weight: 1,
      via: [],
      viaTypes: ['NOT_MEMBER_OF'],
    },
  ],
};

// The writers read only what Query.graph returns; `entity` is for GraphQL clients.
const model = graph as unknown as SubgraphModel;
const meta = { description: 'test graph & "friends"', generatedAt: new Date('2025-01-02T03:04:05Z') };

describe('every export reads back, with an independent parser, as the graph it was written from', () => {
  test('every format has a round-trip check', () => {
    expect(Object.keys(ROUND_TRIP_CHECKS).sort()).toEqual(Object.keys(EXPORT_FORMATS).sort());
  });

  test.each(Object.keys(EXPORT_FORMATS))('%s', (name) => {
    if (!isExportFormatName(name)) throw new Error(`"${name}" is not a format`);
    const text = EXPORT_FORMATS[name].write(model, meta);
    ROUND_TRIP_CHECKS[name]!(text, graph);
  });

  test('an empty graph is a valid file in every format', () => {
    for (const [name, format] of Object.entries(EXPORT_FORMATS)) {
      ROUND_TRIP_CHECKS[name]!(format.write({ nodes: [], edges: [] } as unknown as SubgraphModel, meta), {
        nodes: [],
        edges: [],
      });
    }
  });

  test('characters that XML cannot hold become U+FFFD instead of breaking the file', () => {
    const broken: GraphShape = {
      nodes: [
        {
          ...graph.nodes[2]!,
          attributes: { ...graph.nodes[2]!.attributes, description: 'form\u000cfeed and bell\u0007' },
        },
      ],
      edges: [],
    };
    const cleaned: GraphShape = {
      nodes: [
        {
          ...graph.nodes[2]!,
          attributes: { ...graph.nodes[2]!.attributes, description: 'form\ufffdfeed and bell\ufffd' },
        },
      ],
      edges: [],
    };
    for (const name of ['graphml', 'gexf'] as const) {
      ROUND_TRIP_CHECKS[name]!(EXPORT_FORMATS[name].write(broken as unknown as SubgraphModel, meta), cleaned);
    }
  });
});

describe('validity dates as GEXF days', () => {
  test.each([
    ['2021', '2021-01-01', '2021-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2021-06-30', '2021-06-30', '2021-06-30'],
  ])('%s starts on %s and ends on %s', (value, start, end) => {
    expect(periodStart(value)).toBe(start);
    expect(periodEnd(value)).toBe(end);
  });

  test('anything else has no time', () => {
    for (const value of [null, 'spring 2021', '21', '2021-6']) {
      expect(periodStart(value)).toBeNull();
      expect(periodEnd(value)).toBeNull();
    }
  });
});
