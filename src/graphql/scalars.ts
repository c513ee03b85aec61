/**
 * The API's own scalars: `Date` (a partial ISO date, checked against the calendar) and `URL` (an
 * absolute http(s) URL). Both travel as strings; parsing refuses what the type does not allow,
 * with a BAD_USER_INPUT error (graphql-js names the argument or input field), so that a resolver
 * never sees a thirteenth month or a relative link.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isPartialDate } from '../seed/model';
import { truncate } from '../text/truncate';

/** The calendar check of `Date`: the seed schemas' (src/seed/model.ts), so that both refuse the same dates. */
export { isPartialDate };

/** True for an absolute http or https URL with a host. */
export function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

function stringScalar(options: {
  name: string;
  description: string;
  specifiedByURL: string;
  check: (text: string) => boolean;
  expected: string;
}): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !options.check(value)) {
      const shown = typeof value === 'string' ? `"${truncate(value)}"` : typeof value;
      throw new GraphQLError(`${shown} is not a ${options.name}: ${options.expected}.`);
    }
    return value;
  };
  // graphql-tools copies a scalar resolver's description and specifiedByURL over the SDL's, so
  // they repeat schema/base.graphql's word for word (test/unit/scalars.test.ts compares them).
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    specifiedByURL: options.specifiedByURL,
    // Stored values were checked on load or write; a year stored as a number still reads as text.
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`A ${options.name} is a string: ${options.expected}.`);
      return parse(ast.value);
    },
  });
}

export const DateScalar = stringScalar({
  name: 'Date',
  description:
    'A calendar date, as precise as the source gives it: a year (`2021`), a month (`2021-03`) or a day\n' +
    '(`2021-03-15`), ISO 8601. Input is checked against the calendar: `2021-13-45` and `2021-02-30`\n' +
    'are refused.',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  check: isPartialDate,
  expected: 'a year, month or day of the calendar as YYYY, YYYY-MM or YYYY-MM-DD',
});

export const URLScalar = stringScalar({
  name: 'URL',
  description: 'An absolute http or https URL, such as `https://www.lu.se/`. Input that is not one is refused.',
  specifiedByURL: 'https://url.spec.whatwg.org/',
  check: isWebUrl,
  expected: 'an absolute http or https URL',
});
