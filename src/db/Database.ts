import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config';
import { DatabaseUnavailableError } from '../errors';
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
  /**
   * Set while Neo4j is known to be unreachable: requests then check connectivity once (a refused
   * connection fails in milliseconds) instead of retrying each transaction for seconds, so they
   * fail fast, and the first successful check lets everything through again.
   */
  private unavailableSince: number | undefined;
  private probe: Promise<boolean> | undefined;

  private constructor(
    private readonly driver: Driver,
    readonly uri: string,
    private readonly database: string | undefined,
    private readonly options: DatabaseOptions,
  ) {}

  /** Whether the last contact with Neo4j failed (it is unreachable until a check succeeds). */
  get isKnownUnavailable(): boolean {
    return this.unavailableSince !== undefined;
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
    if (this.unavailableSince !== undefined && !(await this.checkConnectivity())) {
      throw new DatabaseUnavailableError(
        `Neo4j at ${this.uri} has not been answering since ${new Date(this.unavailableSince).toISOString()}.`,
      );
    }
    const session = this.session(mode);
    const timeout = this.options.transactionTimeoutMs;
    const config = timeout ? { timeout } : undefined;
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      const classified = classifyDriverError(error, { uri: this.uri, timeoutMs: timeout });
      if (classified instanceof DatabaseUnavailableError) this.unavailableSince ??= Date.now();
      throw classified ?? error;
    } finally {
      await session.close();
    }
  }

  /** One connectivity check at a time, shared by every request that waits for it. */
  private checkConnectivity(): Promise<boolean> {
    this.probe ??= this.driver
      .verifyConnectivity(this.database ? { database: this.database } : {})
      .then(
        () => {
          this.unavailableSince = undefined;
          return true;
        },
        () => {
          this.unavailableSince ??= Date.now();
          return false;
        },
      )
      .finally(() => {
        this.probe = undefined;
      });
    return this.probe;
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

  async close(): Promise<void> {
    await this.driver.close();
  }
}
