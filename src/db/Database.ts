import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config';
import { cancellationError, DatabaseUnavailableError } from '../errors';
import type { CypherQuery } from './cypher';
import { classifyDriverError, connectionConfigError } from './driverErrors';
import { toTagged } from './taggedValues';
import { toPlain } from './values';

/** A row of a query's result with every value converted to plain JS (see `toPlain`). */
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  /**
   * Neo4j aborts any transaction of this Database that runs longer (the driver sends it as the
   * transaction's timeout). Unset: the server's own db.transaction.timeout applies.
   */
  transactionTimeoutMs?: number;
}

/**
 * The request a Database view works for (Database.scoped): its work stops when `signal` aborts
 * (the client went away, or the request ran out of time), and no transaction is given more time
 * than is left before `deadline`. `signal.reason` is the error the request then fails with
 * (src/server/httpMiddleware.ts's requestTimeout aborts with a TimeoutError or a
 * RequestCancelledError).
 */
export interface RequestScope {
  signal: AbortSignal;
  /** When the request times out, in ms since the epoch (Date.now()). */
  deadline: number;
  /** Sent as the transactions' metadata, so `SHOW TRANSACTIONS` tells which request runs what. */
  requestId?: string | undefined;
}

/** Whether Neo4j answers, shared by a Database and every scoped view of it. */
interface Health {
  /**
   * Set while Neo4j is known to be unreachable: requests then check connectivity once (a refused
   * connection fails in milliseconds) instead of retrying each transaction for seconds, so they
   * fail fast, and the first successful check lets everything through again.
   */
  unavailableSince: number | undefined;
  probe: Promise<boolean> | undefined;
}

/** Counts the Cypher round trips of one unit of work (a GraphQL request, a test). */
export interface QueryCounter {
  count: number;
  /** Names of the queries in the order they ran: lets a test say which ones were batched. */
  names: string[];
}

export function newQueryCounter(): QueryCounter {
  return { count: 0, names: [] };
}

/** Runs queries inside a write transaction that the caller controls (the seed loader). */
export interface WriteTransaction {
  run(query: CypherQuery | string, params?: Record<string, unknown>): Promise<Row[]>;
}

interface ProfiledPlan {
  dbHits: number;
  children: ProfiledPlan[];
}

function sumDbHits(plan: ProfiledPlan | false): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((sum, child) => sum + sumDbHits(child), 0);
}

function rows(records: Neo4jRecord[]): Row[] {
  return records.map((record) => toPlain(record.toObject()) as Row);
}

/**
 * The one place that talks to Neo4j: it owns the driver, opens and closes every session, runs
 * reads with `executeRead` (so a cluster can route them to followers) and writes with
 * `executeWrite`, and turns driver errors into the project's errors (./driverErrors): callers
 * meet DatabaseUnavailableError, QueryTimeoutError or ConstraintViolationError, never a driver code.
 */
export class Database {
  private constructor(
    private readonly driver: Driver,
    readonly uri: string,
    private readonly database: string | undefined,
    private readonly options: DatabaseOptions,
    private readonly health: Health = { unavailableSince: undefined, probe: undefined },
    private readonly scope?: RequestScope,
  ) {}

  /** Whether the last contact with Neo4j failed (it is unreachable until a check succeeds). */
  get isKnownUnavailable(): boolean {
    return this.health.unavailableSince !== undefined;
  }

  /**
   * A view of this Database for one request (same driver, same health): each of its
   * transactions gets at most the time left before `scope.deadline` (the driver's transaction
   * timeout, which Neo4j enforces), and when `scope.signal` aborts its session is closed, which
   * sends Neo4j a RESET and so ends the running transaction at once. Its calls then fail with
   * the signal's reason (TimeoutError, RequestCancelledError). Closing a view closes nothing.
   */
  scoped(scope: RequestScope): Database {
    return new Database(this.driver, this.uri, this.database, this.options, this.health, scope);
  }

  /**
   * Creates the driver and checks that Neo4j answers and accepts the credentials. Throws a
   * ConfigError that says which: unreachable URI or rejected user/password.
   */
  static async connect(config: Neo4jConnectionConfig, options: DatabaseOptions = {}): Promise<Database> {
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: 5000,
      // Fail fast when the server is gone instead of retrying for the driver's default 30 s.
      maxTransactionRetryTime: 5000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => undefined },
    });
    try {
      await driver.verifyConnectivity(config.database ? { database: config.database } : {});
      await driver.verifyAuthentication();
    } catch (error) {
      await driver.close();
      throw connectionConfigError(error, config);
    }
    return new Database(driver, config.uri, config.database, options);
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.database ? { database: this.database } : {}),
    });
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const { scope, health } = this;
    if (scope?.signal.aborted) throw cancellationError(scope.signal);
    if (health.unavailableSince !== undefined && !(await this.checkConnectivity())) {
      throw new DatabaseUnavailableError(
        `Neo4j at ${this.uri} has not been answering since ${new Date(health.unavailableSince).toISOString()}.`,
      );
    }
    const timeout = this.transactionTimeout();
    const config = {
      ...(timeout ? { timeout } : {}),
      ...(scope?.requestId ? { metadata: { requestId: scope.requestId } } : {}),
    };
    const session = this.session(mode);
    // Closing the session while its transaction runs makes the driver send RESET: Neo4j stops
    // the query and rolls the transaction back, and executeRead/executeWrite reject.
    const stop = () => {
      session.close().catch(() => undefined); // the finally below closes it again and waits
    };
    scope?.signal.addEventListener('abort', stop, { once: true });
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      if (scope?.signal.aborted) throw cancellationError(scope.signal);
      const classified = classifyDriverError(error, { uri: this.uri, timeoutMs: timeout });
      if (classified instanceof DatabaseUnavailableError) health.unavailableSince ??= Date.now();
      throw classified ?? error;
    } finally {
      scope?.signal.removeEventListener('abort', stop);
      await session.close();
    }
  }

  /**
   * The transaction timeout: the configured one, or the time left to the request when that is
   * shorter. At least 1 ms (Neo4j reads 0 as "no timeout"): a request with no time left still
   * sends its query, which Neo4j stops at once, so that the request's own timer, due now, is
   * what answers it (503 TIMEOUT), not a field error of a 200.
   */
  private transactionTimeout(): number | undefined {
    const configured = this.options.transactionTimeoutMs;
    if (!this.scope) return configured;
    const left = Math.max(1, this.scope.deadline - Date.now());
    return configured === undefined ? left : Math.min(configured, left);
  }

  /** One connectivity check at a time, shared by every request that waits for it. */
  private checkConnectivity(): Promise<boolean> {
    const { health } = this;
    health.probe ??= this.driver
      .verifyConnectivity(this.database ? { database: this.database } : {})
      .then(
        () => {
          health.unavailableSince = undefined;
          return true;
        },
        () => {
          health.unavailableSince ??= Date.now();
          return false;
        },
      )
      .finally(() => {
        health.probe = undefined;
      });
    return health.probe;
  }

  /** Runs one read query (one round trip) and returns its rows as plain values. */
  async read(query: CypherQuery, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.names.push(query.name);
    }
    return this.withSession('READ', async (tx) => rows((await tx.run(query.text, params)).records));
  }

  /**
   * Runs a read query under PROFILE and returns its rows and the database hits of its plan, for
   * tests and benchmarks that compare the work of two queries.
   */
  async profile(query: CypherQuery, params: Record<string, unknown> = {}): Promise<{ rows: Row[]; dbHits: number }> {
    return this.withSession('READ', async (tx) => {
      const result = await tx.run(`PROFILE ${query.text}`, params);
      return { rows: rows(result.records), dbHits: sumDbHits(result.summary.profile) };
    });
  }

  /** Runs one write query in its own transaction. */
  async write(query: CypherQuery, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.names.push(query.name);
    }
    return this.withSession('WRITE', async (tx) => rows((await tx.run(query.text, params)).records));
  }

  /**
   * Runs `work` in one write transaction: all of it commits, or none of it does. The driver may
   * retry `work` on a transient error, so it must not have side effects outside the transaction.
   * With a `counter`, every statement counts as a round trip (a retried one too: it is one).
   */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    return this.withSession('WRITE', (tx) =>
      work({
        run: async (query, params = {}) => {
          if (counter) {
            counter.count += 1;
            counter.names.push(typeof query === 'string' ? 'statement' : query.name);
          }
          return rows((await tx.run(typeof query === 'string' ? query : query.text, params)).records);
        },
      }),
    );
  }

  /**
   * Runs `work` in one read transaction, so that every statement sees the same state of the
   * graph, with each row's values as lossless tagged JSON (./taggedValues: an integer stays an
   * integer, a datetime keeps its zone) instead of plain values: for backups, which must give back
   * exactly what they read.
   */
  async readTaggedTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (tx) =>
      work({
        run: async (query, params = {}) =>
          (await tx.run(typeof query === 'string' ? query : query.text, params)).records.map(
            (record) => toTagged(record.toObject()) as Row,
          ),
      }),
    );
  }

  /** Runs a schema statement (DDL cannot share a transaction with data writes). */
  async runSchemaStatement(statement: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(statement);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers a trivial query now. */
  async isReady(): Promise<boolean> {
    return this.checkConnectivity();
  }

  /** Closes the driver; on a scoped view (Database.scoped) it does nothing: the driver is shared. */
  async close(): Promise<void> {
    if (this.scope) return;
    await this.driver.close();
  }
}
