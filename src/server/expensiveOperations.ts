import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../context';
import { cancellationError, ServerBusyError } from '../errors';

/**
 * Fair share under load: the operations that can keep Neo4j or this process busy for long (the
 * `paths`, `neighbourhood`, `graph` and `rankings` queries, the last two reading a whole subgraph
 * and computing its network metrics, and the /export downloads) run at most `limit` at a time on
 * this instance, with at most `queueSize` more waiting; any further one is answered at once with
 * SERVICE_UNAVAILABLE (503) and `Retry-After`. Every other request (an entity, a page, a search)
 * never waits here, so a flood of expensive requests leaves Neo4j's cores to the cheap ones.
 */

/** Root fields of Query whose request takes a slot of the gate. */
export const GATED_ROOT_FIELDS: readonly string[] = ['paths', 'neighbourhood', 'graph', 'rankings'];

/** What a ServerBusyError tells the client to wait: an expensive request takes about this long on a busy machine. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A counting semaphore with a bounded FIFO queue. p-limit (in node_modules only through the
 * build tools) has no bounded queue and cannot take a waiter out when its request is aborted;
 * this is the 50 lines that do both.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(
    /** How many holders at once (at least 1). */
    readonly limit: number,
    /** How many may wait for a slot (0: none wait, a full gate refuses at once). */
    readonly queueSize: number,
    readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`The gate's limit must be at least 1, not ${limit}.`);
    if (!Number.isInteger(queueSize) || queueSize < 0)
      throw new RangeError(`The gate's queue size must be 0 or more, not ${queueSize}.`);
  }

  /** Slots held now. */
  get running(): number {
    return this.active;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Takes a slot, waiting in line when all are held; resolves to the function that gives it back
   * (calling it again does nothing). Rejects with ServerBusyError when the line is full too, and
   * with the signal's error (cancellationError) when `signal` aborts before a slot is free.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancellationError(signal));
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueSize) return Promise.reject(new ServerBusyError(this.retryAfterSeconds));
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', leave);
          this.active += 1;
          resolve(this.releaser());
        },
      };
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(cancellationError(signal!));
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.waiting.shift()?.grant();
    };
  }
}

/** Whether the selection (root level, through fragments) asks for one of `fields`. */
function selects(
  selectionSet: SelectionSetNode,
  fields: ReadonlySet<string>,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return fields.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, fields, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return false;
    seen.add(name);
    return selects(fragment.selectionSet, fields, fragments, seen);
  });
}

/**
 * Makes a GraphQL request that asks for any of `fields` at the root of a query (however many
 * times, through aliases or fragments) hold one slot of `gate` while it executes. A full gate
 * answers the whole request with ServerBusyError: HTTP 503 and `Retry-After`.
 */
export function expensiveOperationsPlugin(
  gate: ConcurrencyGate,
  fields: readonly string[] = GATED_ROOT_FIELDS,
): ApolloServerPlugin<Context> {
  const names = new Set(fields);
  return {
    // requestDidStart fires once per request; the listener below lives as long as the request.
    async requestDidStart() {
      let release: (() => void) | undefined;
      // Apollo runs every plugin's didResolveOperation at once and answers as soon as one throws
      // (the cost limit's refusal): a slot granted after that answer must go back at once, or it
      // is held for ever.
      let answered = false;
      return {
        // didResolveOperation fires after validation, before execution: the operation is known.
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return;
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          if (!selects(operation.selectionSet, names, fragments)) return;
          try {
            const granted = await gate.acquire(contextValue.signal);
            if (answered) granted();
            else release = granted;
          } catch (error) {
            if (error instanceof ServerBusyError) {
              // Apollo takes the HTTP status and headers of an error thrown here from
              // extensions.http (and removes it before the client sees the extensions).
              throw new ServerBusyError(error.retryAfterSeconds, {
                extensions: {
                  http: { status: 503, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) },
                },
              });
            }
            throw error;
          }
        },
        // willSendResponse fires for every answer, an error one too (another plugin's refusal).
        async willSendResponse() {
          answered = true;
          release?.();
          release = undefined;
        },
      };
    },
  };
}
