import { GraphQLError, Kind, buildSchema, type GraphQLScalarType } from 'graphql';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { DateScalar, URLScalar, isPartialDate, isWebUrl } from '../../src/graphql/scalars';

test.each([
  ['2021', true],
  ['2021-03', true],
  ['2021-03-15', true],
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['2021-02-30', false],
  ['2021-13-45', false],
  ['2021-13', false],
  ['2021-00', false],
  ['2021-04-31', false],
  ['2021-1-5', false],
  ['21', false],
  ['2021-03-15T10:00:00Z', false],
  ['', false],
])('isPartialDate(%j) is %s', (text, expected) => {
  expect(isPartialDate(text)).toBe(expected);
});

test.each([
  ['https://www.lu.se/', true],
  ['http://example.org/a?b=c', true],
  ['www.lu.se', false],
  ['acme dot se', false],
  ['javascript:alert(1)', false],
  ['ftp://example.org/', false],
  ['/relative/path', false],
])('isWebUrl(%j) is %s', (text, expected) => {
  expect(isWebUrl(text)).toBe(expected);
});

test('Date parses checked strings from variables and literals, and serialises stored years', () => {
  expect(DateScalar.parseValue('2021-03')).toBe('2021-03');
  expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2021-03-15' })).toBe('2021-03-15');
  expect(DateScalar.serialize(2021)).toBe('2021');
  expect(() => DateScalar.parseValue('2021-13-45')).toThrow(
    new GraphQLError(
      '"2021-13-45" is not a Date: a year, month or day of the calendar as YYYY, YYYY-MM or YYYY-MM-DD.',
    ),
  );
  expect(() => DateScalar.parseValue(2021)).toThrow('number is not a Date');
  expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '2021' })).toThrow('A Date is a string');
  // Echoed input is cut, as every error message cuts it.
  expect(() => DateScalar.parseValue('9'.repeat(1000))).toThrow(/^"9{77}\.\.\." is not a Date/);
});

test('URL refuses what is not an absolute http(s) URL', () => {
  expect(URLScalar.parseValue('https://www.lu.se/')).toBe('https://www.lu.se/');
  expect(() => URLScalar.parseValue('www.lu.se')).toThrow('"www.lu.se" is not a URL: an absolute http or https URL.');
});

test('the scalars say what schema/base.graphql says of them (the served schema takes their words)', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  for (const scalar of [DateScalar, URLScalar]) {
    const declared = schema.getType(scalar.name) as GraphQLScalarType;
    expect([scalar.description, scalar.specifiedByURL]).toEqual([declared.description, declared.specifiedByURL]);
  }
});
