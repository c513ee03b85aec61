import { leastSquaresSlope } from '../../bench/measure';
import { ErrorCode, RequestCancelledError, ServerBusyError, TimeoutError } from '../../src/errors';
import type { Context } from '../../src/context';
import { ConcurrencyGate } from '../../src/server/expensiveOperations';

/** Lets the promise callbacks that are ready run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyGate', () => {
  test('lets `limit` holders in, queues up to `queueSize` in order, and refuses the rest with ServerBusyError', async () => {
    const gate = new ConcurrencyGate(2, 1, 3);
    const first = await gate.acquire();
    await gate.acquire();
    const order: string[] = [];
    const queued = gate.acquire().then((release) => {
      order.push('queued');
      return release;
    });
    expect([gate.running, gate.queued]).toEqual([2, 1]);
    const refused = await gate.acquire().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect((refused as ServerBusyError).retryAfterSeconds).toBe(3);
    expect((refused as ServerBusyError).extensions).toEqual({
      code: ErrorCode.SERVICE_UNAVAILABLE,
      retryAfterSeconds: 3,
    });
    expect((refused as ServerBusyError).status).toBe(503);

    await settle();
    expect(order).toEqual([]);
    first();
    first(); // a second call gives nothing back twice
    const release = await queued;
    expect(order).toEqual(['queued']);
    expect([gate.running, gate.queued]).toEqual([2, 0]);
    release();
    expect(gate.running).toBe(1);
  });

  test('with no queue a full gate refuses at once', async () => {
    const gate = new ConcurrencyGate(1, 0);
    await gate.acquire();
    await expect(gate.acquire()).rejects.toBeInstanceOf(ServerBusyError);
  });

  test('a waiter whose signal aborts leaves the queue with the signal’s error, and its place is free', async () => {
    const gate = new ConcurrencyGate(1, 1);
    const held = await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    expect(gate.queued).toBe(1);
    const timeout = new TimeoutError('The request took longer than its 10 ms limit and was stopped.');
    controller.abort(timeout);
    await expect(waiting).rejects.toBe(timeout);
    expect(gate.queued).toBe(0);
    const next = gate.acquire();
    held();
    await expect(next).resolves.toEqual(expect.any(Function));
    expect(gate.running).toBe(1);
  });

  test('an aborted signal takes no slot, and an abort that is not ours reads as RequestCancelledError', async () => {
    const gate = new ConcurrencyGate(1, 1);
    const controller = new AbortController();
    controller.abort();
    await expect(gate.acquire(controller.signal)).rejects.toBeInstanceOf(RequestCancelledError);
    expect(gate.running).toBe(0);
  });

  test('refuses a limit below 1 or a negative queue', () => {
    expect(() => new ConcurrencyGate(0, 1)).toThrow("The gate's limit must be at least 1, not 0.");
    expect(() => new ConcurrencyGate(1, -1)).toThrow("The gate's queue size must be 0 or more, not -1.");
  });
});

test('leastSquaresSlope fits a line through the points', () => {
  expect(
    leastSquaresSlope([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 5 },
    ]),
  ).toBeCloseTo(2);
  expect(
    leastSquaresSlope([
      { x: 0, y: 5 },
      { x: 1, y: 4 },
      { x: 2, y: 6 },
      { x: 3, y: 5 },
    ]),
  ).toBeCloseTo(0.2);
  expect(leastSquaresSlope([{ x: 1, y: 1 }])).toBeNaN();
  expect(
    leastSquaresSlope([
      { x: 1, y: 1 },
      { x: 1, y: 2 },
    ]),
  ).toBeNaN();
});

describe('expensiveOperationsPlugin', () => {
  test('a request refused by another plugin while it waits for a slot gives the slot back when granted', async () => {
    const { ApolloServer } = await import('@apollo/server');
    const { expensiveOperationsPlugin } = await import('../../src/server/expensiveOperations');
    const gate = new ConcurrencyGate(1, 4, 3);
    const holder = await gate.acquire();
    const server = new ApolloServer<Context>({
      typeDefs: 'type Query { paths: Int }',
      resolvers: { Query: { paths: () => 1 } },
      plugins: [
        // Stands for the cost limit: it refuses the operation in the same hook the gate waits in.
        {
          async requestDidStart() {
            return {
              async didResolveOperation() {
                throw new Error('refused');
              },
            };
          },
        },
        expensiveOperationsPlugin(gate, ['paths']),
      ],
    });
    await server.start();
    try {
      const answer = await server.executeOperation({ query: '{ paths }' }, { contextValue: {} as Context });
      expect(answer.body.kind === 'single' && answer.body.singleResult.errors?.length).toBe(1);
      // The refused request is still queued for the slot; when the holder leaves, it gets the slot
      // and must give it back, so the gate ends empty.
      expect(gate.queued).toBe(1);
      holder();
      await settle();
      expect([gate.running, gate.queued]).toEqual([0, 0]);
    } finally {
      await server.stop();
    }
  });
});
