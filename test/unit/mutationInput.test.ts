import { GraphQLError } from 'graphql';
import type { Caller } from '../../src/auth';
import type { Context } from '../../src/context';
import { toGlobalId } from '../../src/graphql/globalId';
import { fieldChanges } from '../../src/mutations/auditEvents';
import {
  apiSourcesSchema,
  checkCitations,
  checkDateOrder,
  entityRef,
  inputFieldOf,
  mergeCitations,
  parseInput,
} from '../../src/mutations/input';
import { requireWriter } from '../../src/mutations/requireWriter';
import { actorSchema } from '../../src/seed/model';

/** The error `run` throws, as code and message. */
function failure(run: () => unknown): { code: unknown; message: string; field?: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    return { code: e.extensions.code, message: e.message, field: e.extensions.field };
  }
  throw new Error('expected an error');
}

const context = (caller: Caller, writesEnabled: boolean) => ({ caller, writesEnabled }) as unknown as Context;

test('requireWriter: FORBIDDEN when writes are off, UNAUTHENTICATED without a valid token, else the holder', () => {
  expect(failure(() => requireWriter(context({ writer: 'alice', rejectedCredentials: false }, false)))).toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringMatching(/^Writes are off: /),
  });
  expect(failure(() => requireWriter(context({ writer: undefined, rejectedCredentials: false }, true))).code).toBe(
    'UNAUTHENTICATED',
  );
  expect(failure(() => requireWriter(context({ writer: undefined, rejectedCredentials: true }, true))).code).toBe(
    'UNAUTHENTICATED',
  );
  expect(requireWriter(context({ writer: 'alice', rejectedCredentials: false }, true))).toBe('alice');
});

test('parseInput names the input field (renamed back from the record) and the bad value', () => {
  const schema = actorSchema.extend({ sources: apiSourcesSchema });
  const record = {
    id: 'Bad Slug',
    kind: 'company',
    name: 'A',
    nameEn: 'A',
    sources: [{ doc: 'https://example.org', quote: 'q' }],
  };
  expect(failure(() => parseInput(schema, record, inputFieldOf({ id: 'slug' })))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.slug',
    message: '"input.slug" must be a kebab-case slug such as "lund-university", not "Bad Slug".',
  });
  const badDoc = { ...record, id: 'ok', sources: [{ doc: 'ftp://x', quote: 'q' }] };
  expect(failure(() => parseInput(schema, badDoc, inputFieldOf({ id: 'slug' })))).toMatchObject({
    field: 'input.sources[0].document',
    message: '"input.sources[0].document" must be a file name in seed/documents/ or an http(s) URL, not "ftp://x".',
  });
  const badKind = { ...record, id: 'ok', kind: 'shop' };
  expect(failure(() => parseInput(schema, badKind, inputFieldOf())).message).toMatch(
    /^"input\.kind" must be one of "university", .*, not "shop"\.$/,
  );
});

test('checkCitations: a document of seed/documents/ must hold the quote; URLs are taken as they are', () => {
  expect(() =>
    checkCitations([{ doc: '000_aefb97ef1588826a.txt', quote: 'There are  several strong\nuniversities' }]),
  ).not.toThrow();
  expect(() => checkCitations([{ doc: 'http://example.org/a', quote: 'anything' }])).not.toThrow();
  expect(failure(() => checkCitations([{ doc: '000_aefb97ef1588826a.txt', quote: 'not there' }])).field).toBe(
    'input.sources[0].quote',
  );
  expect(
    failure(() =>
      checkCitations([
        { doc: 'https://x.org', quote: 'q' },
        { doc: 'missing.txt', quote: 'q' },
      ]),
    ).field,
  ).toBe('input.sources[1].document');
});

test('checkDateOrder compares partial dates as the periods they name', () => {
  expect(() => checkDateOrder('2020', '2020')).not.toThrow();
  expect(() => checkDateOrder('2020-05', '2020')).not.toThrow();
  expect(() => checkDateOrder('2020-05-01', '2020-05')).not.toThrow();
  expect(() => checkDateOrder(undefined, '1999')).not.toThrow();
  expect(failure(() => checkDateOrder('2021', '2020-12-31')).message).toBe(
    '"input.validTo" must not be before validFrom (2021), not "2020-12-31".',
  );
});

test('mergeCitations adds only new citations, in order', () => {
  const a = { doc: 'a.txt', quote: 'x' };
  const b = { doc: 'b.txt', quote: 'y' };
  expect(mergeCitations([a], [a, b, b])).toEqual([a, b]);
});

test('entityRef takes a slug or a global id of an entity', () => {
  expect(entityRef('lund-university', 'from')).toEqual({
    key: 'lund-university',
    field: 'from',
    given: 'lund-university',
  });
  expect(entityRef(toGlobalId('Region', 'skane'), 'to')).toMatchObject({ key: 'skane', type: 'Region' });
  expect(failure(() => entityRef(toGlobalId('Source', 'a.txt'), 'to')).field).toBe('input.to');
  expect(failure(() => entityRef('Lund University', 'from')).message).toBe(
    '"input.from" must be a slug or the global id of an entity, not "Lund University".',
  );
});

test('fieldChanges lists the fields that differ, as JSON', () => {
  expect(
    fieldChanges({ name: 'A', aliases: ['x'] }, { name: 'A', aliases: ['x', 'y'], website: 'https://a.se' }, [
      'name',
      'aliases',
      'website',
    ]),
  ).toEqual([
    { field: 'aliases', before: '["x"]', after: '["x","y"]' },
    { field: 'website', before: null, after: '"https://a.se"' },
  ]);
});
