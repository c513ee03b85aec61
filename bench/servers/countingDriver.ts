import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/** Cypher round trips of one request to @neo4j/graphql. */
export interface RoundTripCounter {
  count: number;
}

/**
 * Wraps a driver so that every query run through it, in a managed transaction or on the session,
 * adds one to `counter`. This is how the benchmark counts the round trips of @neo4j/graphql
 * (system b), which opens its own sessions: one wrapper per request, handed to the library as
 * its `executionContext`. It only observes; every call goes to the real driver.
 */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>) => countingSession(target.session(...args), counter);
      }
      return forwarded(target, property);
    },
  });
}

function countingSession(session: Session, counter: RoundTripCounter): Session {
  return new Proxy(session, {
    get(target, property) {
      if (property === 'executeRead' || property === 'executeWrite') {
        return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: unknown) =>
          (target[property] as (w: typeof work, c?: unknown) => Promise<T>).call(
            target,
            (tx) => work(countingTransaction(tx, counter)),
            config,
          );
      }
      if (property === 'run') {
        return (...args: Parameters<Session['run']>) => {
          counter.count += 1;
          return target.run(...args);
        };
      }
      return forwarded(target, property);
    },
  });
}

function countingTransaction(tx: ManagedTransaction, counter: RoundTripCounter): ManagedTransaction {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'run') {
        return (...args: Parameters<ManagedTransaction['run']>) => {
          counter.count += 1;
          return target.run(...args);
        };
      }
      return forwarded(target, property);
    },
  });
}

/** A property of the wrapped object, its methods bound to it, so that the proxy forwards them. */
function forwarded(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
