import { isDeepStrictEqual } from 'node:util';
import type { ServerProcess, SystemName } from './serverProcesses';
import type { Workload } from './workloads';

/** How a system is asked a workload: the path to POST to and the JSON body. */
export interface HttpRequest {
  path: string;
  body: string;
}

export function requestFor(system: SystemName, workload: Workload): HttpRequest {
  switch (system) {
    case 'api':
      return { path: '/graphql', body: JSON.stringify(workload.api) };
    case 'library':
      if ('unsupported' in workload.library)
        throw new Error(`${workload.id}: @neo4j/graphql is not asked this workload (${workload.library.unsupported}).`);
      return { path: '/graphql', body: JSON.stringify(workload.library) };
    case 'cypher':
      return { path: `/cypher/${workload.cypher.query}`, body: JSON.stringify(workload.cypher.params) };
  }
}

/** One system's answer to a workload, in canonical form, or why it has none. */
export interface SystemAnswer {
  canonical?: unknown;
  /** Cypher round trips of the request, as the system reported them. */
  roundTrips?: number;
  /** Wall time of the checked request, in ms: tells the measurement whether a run can be timed. */
  milliseconds?: number;
  error?: string;
  /** The system cannot be asked this workload (its schema cannot express it): why. */
  unsupported?: string;
}

export interface CheckResult {
  answers: Record<SystemName, SystemAnswer>;
  /** (a) and (b) returned the same data; false too when either failed. */
  apiEqualsLibrary: boolean;
  apiEqualsCypher: boolean;
  /** The first difference found, for the report, when a comparison fails on data. */
  differences: string[];
}

/** A system gets this long for one answer during the check; a slower one is reported as failed. */
const CHECK_TIMEOUT_MS = 120_000;

/**
 * Asks `server` the workload over HTTP and returns the answer in canonical form with its round
 * trips. The request is sent twice, and the second is the one kept: the first may include work a
 * system does once (the library asks Neo4j for its version on its first request).
 */
export async function ask(server: ServerProcess, workload: Workload): Promise<SystemAnswer> {
  if (server.system === 'library' && 'unsupported' in workload.library)
    return { unsupported: workload.library.unsupported };
  const { path, body } = requestFor(server.system, workload);
  let answer: SystemAnswer = {};
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = performance.now();
    try {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      const json = (await response.json()) as {
        data?: unknown;
        errors?: { message: string }[];
        extensions?: { queryCount?: number };
        rows?: unknown[];
        queryCount?: number;
        error?: string;
      };
      const milliseconds = performance.now() - started;
      if (!response.ok || json.errors?.length || json.error) {
        const message = json.errors?.map((e) => e.message).join('; ') ?? json.error ?? `HTTP ${response.status}`;
        return {
          error: message,
          milliseconds,
          ...(json.extensions?.queryCount !== undefined ? { roundTrips: json.extensions.queryCount } : {}),
        };
      }
      answer =
        server.system === 'cypher'
          ? { canonical: workload.canonical.cypher(json.rows ?? []), roundTrips: json.queryCount ?? 0, milliseconds }
          : {
              canonical:
                server.system === 'api' ? workload.canonical.api(json.data) : workload.canonical.library!(json.data),
              roundTrips: json.extensions?.queryCount ?? 0,
              milliseconds,
            };
    } catch (error) {
      return { error: (error as Error).message, milliseconds: performance.now() - started };
    }
  }
  return answer;
}

/**
 * Checks a workload before it is timed: each system answers once, and (a) must equal (b) and (c)
 * in canonical form. A system that fails (an error, a timeout) is reported as failed and not
 * timed, as is one that cannot be asked the workload (`unsupported`); two systems that both answer but differ make the benchmark invalid, and the caller
 * stops.
 */
export async function checkWorkload(
  servers: Record<SystemName, ServerProcess>,
  workload: Workload,
): Promise<CheckResult> {
  const answers = {
    api: await ask(servers.api, workload),
    library: await ask(servers.library, workload),
    cypher: await ask(servers.cypher, workload),
  };
  const differences: string[] = [];
  const compare = (other: 'library' | 'cypher') => {
    if (answers.api.error || answers[other].error || answers[other].unsupported) return false;
    if (isDeepStrictEqual(answers.api.canonical, answers[other].canonical)) return true;
    differences.push(
      `(a) and (${other === 'library' ? 'b' : 'c'}) differ at ${firstDifference(answers.api.canonical, answers[other].canonical)}`,
    );
    return false;
  };
  return { answers, apiEqualsLibrary: compare('library'), apiEqualsCypher: compare('cypher'), differences };
}

/** The path and values of the first place where two JSON values differ: "[3].themes[0].id: "a" vs "b"". */
export function firstDifference(left: unknown, right: unknown, path = ''): string {
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (!isDeepStrictEqual(left[i], right[i])) return firstDifference(left[i], right[i], `${path}[${i}]`);
    }
  } else if (left && right && typeof left === 'object' && typeof right === 'object') {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) {
      const l = (left as Record<string, unknown>)[key];
      const r = (right as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(l, r)) return firstDifference(l, r, `${path}.${key}`);
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(left) ?? 'undefined'} vs ${JSON.stringify(right) ?? 'undefined'}`;
}
