import { luceneQuery } from '../../src/queries/search';

test.each([
  // Every word must match: exactly (boosted), as a prefix, or (from four letters) within one edit.
  ['lund', '(lund^3 OR lund* OR lund~1)'],
  ['Lund University', '(lund^3 OR lund* OR lund~1) AND (university^3 OR university* OR university~1)'],
  // Short words get no fuzzy term: one edit of "ai" matches almost anything.
  ['AI', '(ai^3 OR ai*)'],
  // Folded first, as the index is: case and diacritics.
  ['Skåne Malmö', '(skane^3 OR skane* OR skane~1) AND (malmo^3 OR malmo* OR malmo~1)'],
  // Lucene syntax from input is never syntax: special characters split words.
  ['title:"x" OR (y)', '(title^3 OR title* OR title~1) AND (x^3 OR x*) AND (or^3 OR or*) AND (y^3 OR y*)'],
  ['a+b-c&&d||e!f', '(a^3 OR a*) AND (b^3 OR b*) AND (c^3 OR c*) AND (d^3 OR d*) AND (e^3 OR e*) AND (f^3 OR f*)'],
  ['bio*tech~ ^2 \\ /x/', '(bio^3 OR bio*) AND (tech^3 OR tech* OR tech~1) AND (2^3 OR 2*) AND (x^3 OR x*)'],
  // Stop words are optional: "lund and university" finds Lund University.
  [
    'lund and university',
    '(lund^3 OR lund* OR lund~1) AND (university^3 OR university* OR university~1) (and^3 OR and*)',
  ],
  [
    'Region Skåne och Hälsa',
    '(region^3 OR region* OR region~1) AND (skane^3 OR skane* OR skane~1) AND (halsa^3 OR halsa* OR halsa~1) (och^3 OR och*)',
  ],
  // A query of stop words only keeps them required.
  ['of the', '(of^3 OR of*) AND (the^3 OR the*)'],
  ['   ', ''],
  ['"()"', ''],
])('luceneQuery(%j) is %j', (text, expected) => {
  expect(luceneQuery(text)).toBe(expected);
});
