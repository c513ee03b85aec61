import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { createContext } from '../context';
import type { Database } from '../db/Database';
import { BadUserInputError, NotFoundError } from '../errors';
import { truncate } from '../text/truncate';
import { EXPORT_FORMATS, isExportFormatName } from '../export/formats';
import type { CompanyStage, GraphNodeKind, RelationshipType } from '../generated/graphql';
import { sendClientError, type ClientError } from './clientErrors';
import type { ConcurrencyGate } from './expensiveOperations';
import { requestScopeOf } from './httpMiddleware';
import type { Logger } from './logging';
import {
  COMPANY_STAGES,
  GRAPH_NODE_KINDS,
  GRAPH_RELATIONSHIP_TYPES,
  subgraph,
  type SubgraphArgs,
} from '../queries/subgraph';
import { BASES, type Basis } from '../seed/model';
import type { GraphProjectionName, NetworkHandle } from '../models';
import { withNetwork } from '../network/withNetwork';

const GRAPH_PROJECTIONS: readonly GraphProjectionName[] = ['FULL', 'ACTOR_NETWORK', 'ACTOR_INITIATIVE'];

/**
 * Downloads of the graph (`/export/{format}`).
 *
 * GET /export/{format}?kinds=university,hospital&themes=atmp&regions=skane&stages=startup
 *   &around=max-iv&depth=1&relationshipTypes=SUPPORTS,FUNDS&basis=STATED,IMPLIED&limit=5000
 *   &projection=actor-network
 * takes the arguments of `Query.graph` as query parameters: each list may be repeated or
 * comma-separated (a theme or region whose name has a comma is named by its slug), enum values in
 * any case with "-" or "_". POST /export/{format} takes them as a JSON body shaped like the
 * query's variables ({ filter, around, relationshipTypes, limit, projection }), for views too long for a URL.
 * Every file carries the network metrics of its graph (in its projection) as node attributes and
 * each edge's weight; GEXF and graphology JSON carry the seeded ForceAtlas2 positions.
 * Both answer with the file (Content-Disposition: attachment) or with an error as every route
 * gives it (./clientErrors), `{ errors: [{ message, extensions: { code } }] }`: 400 BAD_USER_INPUT,
 * 404 NOT_FOUND, 503 SERVICE_UNAVAILABLE or TIMEOUT. The body also carries `error: { code,
 * message }`, the shape exports answered with before, for the clients that read it.
 */

/** The largest POST body of an export (a view's filters and ids). */
export const EXPORT_BODY_LIMIT_BYTES = 1024 * 1024;

const GET_PARAMETERS = [
  'kinds',
  'themes',
  'regions',
  'stages',
  'around',
  'depth',
  'relationshipTypes',
  'basis',
  'limit',
  'projection',
] as const;

const stringList = z.array(z.string());
/** The POST body: Query.graph's variables. Enum values are checked below, as for GET. */
const exportBody = z.strictObject({
  filter: z
    .strictObject({
      kinds: stringList.nullish(),
      themes: stringList.nullish(),
      regions: stringList.nullish(),
      stages: stringList.nullish(),
    })
    .nullish(),
  around: z.strictObject({ ids: stringList, depth: z.number().nullish() }).nullish(),
  relationshipTypes: stringList.nullish(),
  basis: stringList.nullish(),
  limit: z.number().nullish(),
  projection: z.string().nullish(),
});
type ExportBody = z.infer<typeof exportBody>;

function enumValues<T extends string>(
  given: readonly string[] | null | undefined,
  allowed: readonly T[],
  parameter: string,
): T[] | null {
  if (!given?.length) return null;
  return given.map((value) => {
    const normalised = value.trim().toUpperCase().replace(/-/g, '_');
    if (!(allowed as readonly string[]).includes(normalised)) {
      throw new BadUserInputError(`"${truncate(value)}" is not one of the ${parameter}: ${allowed.join(', ')}.`, {
        argumentName: parameter,
      });
    }
    return normalised as T;
  });
}

/** Checks a body (or the GET parameters put in that shape) and turns it into the query's arguments. */
function toSubgraphArgs(body: ExportBody): SubgraphArgs {
  const filter = body.filter
    ? {
        kinds: enumValues<GraphNodeKind>(body.filter.kinds, GRAPH_NODE_KINDS, 'kinds'),
        themes: body.filter.themes?.length ? body.filter.themes : null,
        regions: body.filter.regions?.length ? body.filter.regions : null,
        stages: enumValues<CompanyStage>(body.filter.stages, COMPANY_STAGES, 'stages'),
      }
    : null;
  return {
    filter,
    around: body.around ? { ids: body.around.ids, depth: body.around.depth ?? 1 } : null,
    relationshipTypes: enumValues<RelationshipType>(
      body.relationshipTypes,
      GRAPH_RELATIONSHIP_TYPES,
      'relationshipTypes',
    ),
    basis: enumValues<Basis>(body.basis, BASES, 'basis'),
    limit: body.limit ?? null,
    projection:
      enumValues<GraphProjectionName>(
        body.projection ? [body.projection] : null,
        GRAPH_PROJECTIONS,
        'projection',
      )?.[0] ?? null,
  };
}

function integerParameter(value: string | undefined, parameter: string): number | null {
  if (value === undefined || value === '') return null;
  if (!/^-?\d+$/.test(value))
    throw new BadUserInputError(`"${parameter}" must be a whole number, not "${truncate(value)}".`, {
      argumentName: parameter,
    });
  return Number(value);
}

/** The query string as an export body: lists split on commas, unknown parameters refused. */
function bodyFromQuery(query: Request['query']): ExportBody {
  const unknown = Object.keys(query).find((name) => !(GET_PARAMETERS as readonly string[]).includes(name));
  if (unknown) {
    throw new BadUserInputError(
      `"${truncate(unknown)}" is not a parameter of /export; they are ${GET_PARAMETERS.join(', ')}.`,
      { argumentName: unknown },
    );
  }
  const list = (name: (typeof GET_PARAMETERS)[number]) => {
    const raw = query[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    const items = values
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    return items.length > 0 ? items : null;
  };
  const single = (name: (typeof GET_PARAMETERS)[number]) => {
    const values = list(name);
    if (values && values.length > 1) throw new BadUserInputError(`"${name}" takes one value.`, { argumentName: name });
    return values?.[0];
  };
  const around = list('around');
  const depth = integerParameter(single('depth'), 'depth');
  if (depth !== null && !around)
    throw new BadUserInputError('"depth" needs "around": the entities to count the hops from.', {
      argumentName: 'depth',
    });
  return {
    filter: { kinds: list('kinds'), themes: list('themes'), regions: list('regions'), stages: list('stages') },
    around: around ? { ids: around, depth } : null,
    relationshipTypes: list('relationshipTypes'),
    basis: list('basis'),
    limit: integerParameter(single('limit'), 'limit'),
    projection: single('projection') ?? null,
  };
}

/** One line saying what the file holds, written into the formats that have a place for it. */
function describe(args: SubgraphArgs): string {
  const parts = [
    args.filter?.kinds ? `kinds ${args.filter.kinds.join(', ')}` : null,
    args.filter?.themes ? `themes ${args.filter.themes.join(', ')}` : null,
    args.filter?.regions ? `regions ${args.filter.regions.join(', ')}` : null,
    args.filter?.stages ? `stages ${args.filter.stages.join(', ')}` : null,
    args.around ? `within ${args.around.depth ?? 1} hops of ${args.around.ids.join(', ')}` : null,
    args.relationshipTypes ? `relationships ${args.relationshipTypes.join(', ')}` : null,
    args.basis ? `basis ${args.basis.join(', ')}` : null,
    args.projection && args.projection !== 'FULL' ? `projection ${args.projection}` : null,
  ].filter((part) => part !== null);
  const scope = parts.length > 0 ? parts.join('; ') : 'the whole graph';
  return `medicon-graph, the Medicon Valley life-science ecosystem: ${truncate(scope, 1000)}.`;
}

/** One sentence on how betweenness and closeness were computed (Subgraph.metricsEstimated). */
function centralitiesNote(centralities: NetworkHandle['centralities']): string {
  return centralities.estimated
    ? `Betweenness and closeness are estimates from a seeded sample of ${centralities.sampleSize} of the ${centralities.nodeCount} nodes.`
    : 'Betweenness and closeness are exact.';
}

/** An export's error: the one body of every route, with the `error` exports answered with before. */
function sendExportError(res: Response, error: unknown, logger: Logger): void {
  sendClientError(res, error, logger, 'Export failed', (client: ClientError) => ({
    error: { code: client.body.extensions.code, message: client.body.message },
  }));
}

/**
 * The router of /export: the list of formats, and a download per format by GET or POST. Each
 * download holds a slot of `gate` (the limit on expensive operations it shares with GraphQL's
 * paths, neighbourhood and graph) while it reads the graph; a full gate answers 503 with
 * Retry-After. Its Neo4j work stops when the request times out or the client goes away.
 */
export function exportRoutes(db: Database, logger: Logger, gate: ConcurrencyGate): Router {
  const router = express.Router();

  router.get('/export', (_req, res) => {
    res.json({
      formats: Object.entries(EXPORT_FORMATS).map(([name, format]) => ({
        name,
        title: format.title,
        url: `/export/${name}`,
        contentType: format.contentType,
        fileName: format.fileName,
      })),
      parameters: GET_PARAMETERS,
    });
  });

  const download = (readBody: (req: Request) => ExportBody) => async (req: Request, res: Response) => {
    let release: (() => void) | undefined;
    try {
      const name = String(req.params.format);
      if (!isExportFormatName(name)) {
        throw new NotFoundError(
          `There is no export format "${truncate(name)}"; the formats are ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
        );
      }
      const args = toSubgraphArgs(readBody(req));
      const scope = requestScopeOf(res);
      release = await gate.acquire(scope?.signal);
      const context = createContext(db, { log: req.log, scope });
      const format = EXPORT_FORMATS[name];
      const graph = await withNetwork(await subgraph(context, args), {
        positions: 'positions' in format && format.positions,
      });
      const centralities = graph.network.centralities;
      const file = format.write(graph, {
        description: `${describe(args)} ${centralitiesNote(centralities)}`,
        generatedAt: new Date(),
        centralities,
      });
      // attachment() also guesses a Content-Type from the file name: set the exact one after it.
      res.attachment(format.fileName);
      res.set('Content-Type', format.contentType);
      res.set('X-Graph-Nodes', String(graph.nodes.length));
      res.set('X-Graph-Edges', String(graph.edges.length));
      res.set('X-Graph-Projection', graph.projection);
      res.set('X-Graph-Metrics-Estimated', String(centralities.estimated));
      res.send(file);
    } catch (error) {
      sendExportError(res, error, req.log ?? logger);
    } finally {
      release?.();
    }
  };

  router.get(
    '/export/:format',
    download((req) => bodyFromQuery(req.query)),
  );
  router.post(
    '/export/:format',
    express.json({ limit: EXPORT_BODY_LIMIT_BYTES }),
    download((req) => {
      const parsed = exportBody.safeParse(req.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new BadUserInputError(
          `The request body does not fit: ${issue.path.join('.') || 'body'}: ${issue.message}.`,
          { argumentName: issue.path.join('.') },
        );
      }
      return parsed.data;
    }),
  );
  // A POST body that is not JSON: express.json passes the error on; answer it as the others.
  router.use('/export', (error: unknown, req: Request, res: Response, next: express.NextFunction) => {
    if ((error as { type?: string }).type !== 'entity.parse.failed') return next(error);
    sendExportError(
      res,
      new BadUserInputError('The request body is not valid JSON.', { cause: error }),
      req.log ?? logger,
    );
  });
  return router;
}
