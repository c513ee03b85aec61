import { BadUserInputError, NotFoundError } from '../errors';

/**
 * Short forms of the hierarchy's two most thrown errors (src/errors.ts), for the query modules
 * and resolvers that use them: `throw badUserInput(message, 'first')` is
 * `throw new BadUserInputError(message, { argumentName: 'first' })`.
 */

/** Input that the API rejects: one sentence naming the bad value, code BAD_USER_INPUT. */
export function badUserInput(message: string, argumentName?: string): BadUserInputError {
  return new BadUserInputError(message, { argumentName });
}

/** An id that is well formed but names nothing in the graph. */
export function notFound(message: string): NotFoundError {
  return new NotFoundError(message);
}
