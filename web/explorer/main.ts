// The ecosystem explorer at /explore: the graph drawn with sigma.js (WebGL) over a graphology
// graph, laid out by ForceAtlas2 in a web worker (./layout.ts), read from the GraphQL API like any
// other client. Three views: the graph (filters, projections, metrics), the supporters of a theme
// (Query.supporters, evidence highlighted) and the paths between two entities (Query.paths).
// Every control is part of the view's state (./viewState.ts), which the URL carries.
import Graph from 'graphology';
import Sigma from 'sigma';
import { KIND_STYLES, kindStyle } from '../../src/export/kindStyle';
import {
  ExplorerChoicesDocument,
  ExplorerDetailsDocument,
  ExplorerEntitiesDocument,
  ExplorerGraphDocument,
  ExplorerPathsDocument,
  ExplorerSearchDocument,
  ExplorerSupportersDocument,
  type ActorKind,
  type CompanyStage,
  type ExplorerChoicesQuery,
  type ExplorerGraphQuery,
  type ExplorerPathsQuery,
  type ExplorerSupportersQuery,
  type GraphFilter,
  type GraphNodeKind,
} from './generated/graphql';
import { answered, ApiError, graphql, type Citation, type EntityDetails } from './graphql';
import { LabelPlacer, type LabelCandidate } from './labels';
import { FRESH_ITERATIONS, LayoutRunner, placeNodes, SETTLE_ITERATIONS, type Point } from './layout';
import './style.css';
import { parseState, stateQuery, type Colouring, type Mode, type SizeMetric, type ViewState } from './viewState';

type Subgraph = NonNullable<ExplorerGraphQuery['graph']>;
type SubgraphNode = Subgraph['nodes'][number];
type Metrics = SubgraphNode['metrics'];
type Choice = NonNullable<ExplorerChoicesQuery['themes']>['nodes'][number];
type SupporterAnswer = NonNullable<ExplorerSupportersQuery['supporters']>;
type PathAnswer = NonNullable<ExplorerPathsQuery['paths']>[number];

interface ExportFormatInfo {
  name: string;
  title: string;
  fileName: string;
}

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  slug: string;
  name: string;
  nameEn: string;
  metrics: Metrics;
}

interface EdgeAttributes {
  relType: string;
  weight: number;
  bridge: boolean;
  size: number;
  color: string;
  type: 'arrow' | 'line';
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id} element.`);
  return found as T;
}

/** Builds an element with text content only: data from the API never becomes markup. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<'className' | 'textContent' | 'title' | 'href' | 'type', string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

const ui = {
  body: document.body,
  graph: element<HTMLDivElement>('graph'),
  tooltip: element<HTMLDivElement>('tooltip'),
  status: element<HTMLParagraphElement>('status'),
  message: element<HTMLParagraphElement>('message'),
  legend: element<HTMLUListElement>('legend'),
  edgeLegend: element<HTMLUListElement>('edge-legend'),
  colourLegend: element<HTMLUListElement>('colour-legend'),
  theme: element<HTMLSelectElement>('theme-filter'),
  region: element<HTMLSelectElement>('region-filter'),
  follow: element<HTMLInputElement>('follow'),
  projection: element<HTMLSelectElement>('projection'),
  reset: element<HTMLButtonElement>('reset-view'),
  sizeBy: element<HTMLSelectElement>('size-by'),
  colourBy: element<HTMLSelectElement>('colour-by'),
  language: element<HTMLSelectElement>('language'),
  focus: element<HTMLSelectElement>('focus'),
  supportersForm: element<HTMLFormElement>('supporters-form'),
  supportTheme: element<HTMLSelectElement>('support-theme'),
  supportStage: element<HTMLSelectElement>('support-stage'),
  supportKinds: element<HTMLDivElement>('support-kinds'),
  pathForm: element<HTMLFormElement>('path-form'),
  pathFrom: element<HTMLSelectElement>('path-from'),
  pathTo: element<HTMLSelectElement>('path-to'),
  pathHops: element<HTMLSelectElement>('path-hops'),
  search: element<HTMLInputElement>('search'),
  searchResults: element<HTMLUListElement>('search-results'),
  details: element<HTMLElement>('details'),
  detailsBody: element<HTMLDivElement>('details-body'),
  answer: element<HTMLDivElement>('answer'),
  nodeList: element<HTMLUListElement>('node-list'),
  nodeCount: element<HTMLSpanElement>('node-count'),
  downloads: element<HTMLDivElement>('downloads'),
  toggleFilters: element<HTMLButtonElement>('toggle-filters'),
  toggleDetails: element<HTMLButtonElement>('toggle-details'),
};

const state: ViewState = parseState(window.location.search);

/** What the drawing is beyond the state: extra entities, highlights of the current answer. */
const drawing = {
  /** True once entities beyond the filter's graph were added (neighbours, search hits). */
  extended: false,
  hovered: null as string | null,
  /** Nodes and edges of the current answer (supporters and their evidence, a path). */
  highlightNodes: new Set<string>(),
  highlightEdges: new Set<string>(),
  /** Focus mode: the nodes within state.focus steps of the selection; null when off. */
  focusSet: null as Set<string> | null,
  /** Subgraph facts the legends show. */
  communities: [] as Subgraph['communities'],
  modularity: 0,
};

// Every entity's names and kind, for the path view's lists and for slugs in URLs.
const entities = new Map<string, { id: string; slug: string; name: string; nameEn: string; kind: string }>();
const idBySlug = new Map<string, string>();
/** Positions of every node ever placed, so that a node keeps its place when it comes back. */
const positions = new Map<string, Point>();

const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: 'directed', allowSelfLoops: true });
const layout = new LayoutRunner();

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#843c39',
];
const FADED = '#e4e4e4';

/** Relationship types in groups, one colour each: the legend and the edges share them. */
const EDGE_GROUPS: { label: string; color: string; types: string[] }[] = [
  {
    label: 'help',
    color: '#2e9e44',
    types: [
      'SUPPORTS',
      'FUNDS',
      'INVESTS_IN',
      'INCUBATES',
      'ADVISES',
      'PROVIDES_INFRASTRUCTURE',
      'CREATES_BUSINESS_OPPORTUNITIES',
    ],
  },
  {
    label: 'organisation',
    color: '#5b84c4',
    types: [
      'MEMBER_OF',
      'PARTNER_IN',
      'LEADS',
      'OPERATES',
      'OWNS',
      'HOSTS',
      'PART_OF',
      'INITIATES',
      'ARRANGES',
      'COLLABORATES_WITH',
    ],
  },
  { label: 'a stated no', color: '#d7191c', types: ['NOT_MEMBER_OF'] },
  { label: 'tags', color: '#bdbdbd', types: ['FOCUSES_ON', 'TARGETS_STAGE', 'LOCATED_IN', 'PRIORITISES'] },
  {
    label: 'documents',
    color: '#b48ac9',
    types: ['PUBLISHES', 'COMMISSIONS', 'AUTHORS', 'CONTRIBUTES_TO', 'FRAMED_BY', 'EXEMPLIFIES', 'ALIGNS_WITH', 'USES'],
  },
];
function edgeColour(type: string): string {
  return EDGE_GROUPS.find((group) => group.types.includes(type))?.color ?? '#999';
}

const ACTOR_KINDS = Object.keys(KIND_STYLES).slice(0, 11) as ActorKind[];

const LABEL_FONT = { size: 12, weight: 'normal', family: 'system-ui, sans-serif' };
const labels: LabelPlacer = new LabelPlacer(
  (): LabelCandidate[] =>
    graph
      .filterNodes((id) => {
        const data = renderer.getNodeDisplayData(id);
        return Boolean(data && !data.hidden && data.label);
      })
      .flatMap((id) => {
        const data = renderer.getNodeDisplayData(id)!;
        const at = renderer.framedGraphToViewport(data);
        const { width, height } = renderer.getDimensions();
        if (at.x < -50 || at.y < -20 || at.x > width || at.y > height + 20) return [];
        const first = id === selectedId() || id === drawing.hovered;
        return [{ key: id, label: data.label!, x: at.x, y: at.y, size: renderer.scaleSize(data.size), first }];
      }),
  () => renderer.getDimensions().width,
  LABEL_FONT,
);

const renderer: Sigma<NodeAttributes, EdgeAttributes> = new Sigma<NodeAttributes, EdgeAttributes>(graph, ui.graph, {
  allowInvalidContainer: true,
  renderEdgeLabels: false,
  defaultEdgeType: 'arrow',
  // Labels: every node is a candidate at any zoom; sigma's label grid offers the largest nodes'
  // labels first, and ./labels.ts draws only those that overlap no other (zooming in shows more).
  labelRenderedSizeThreshold: 1,
  labelDensity: 10,
  labelGridCellSize: 50,
  defaultDrawNodeLabel: labels.draw,
  labelSize: LABEL_FONT.size,
  labelWeight: LABEL_FONT.weight,
  labelFont: LABEL_FONT.family,
  zIndex: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
  nodeReducer: (node, data) => {
    const shown: Partial<NodeAttributes> & { hidden?: boolean; highlighted?: boolean; zIndex?: number } = { ...data };
    if (drawing.focusSet && !drawing.focusSet.has(node)) return { ...shown, hidden: true };
    const hovered = drawing.hovered;
    const answer = drawing.highlightNodes.size > 0;
    if (hovered && hovered !== node && !graph.areNeighbors(hovered, node)) {
      return { ...shown, color: FADED, label: '', zIndex: 0 };
    }
    if (!hovered && answer && !drawing.highlightNodes.has(node)) {
      return { ...shown, color: FADED, zIndex: 0 };
    }
    if (node === selectedId() || (hovered && node === hovered)) return { ...shown, highlighted: true, zIndex: 2 };
    return { ...shown, zIndex: 1 };
  },
  edgeReducer: (edge, data) => {
    const shown: Partial<EdgeAttributes> & { hidden?: boolean; zIndex?: number } = { ...data };
    if (state.hiddenEdgeTypes.includes(data.relType)) return { ...shown, hidden: true };
    const [source, target] = graph.extremities(edge);
    if (drawing.focusSet && !(drawing.focusSet.has(source) && drawing.focusSet.has(target))) {
      return { ...shown, hidden: true };
    }
    const hovered = drawing.hovered;
    if (hovered) {
      return source === hovered || target === hovered
        ? { ...shown, size: shown.size! + 1.5, zIndex: 2 }
        : { ...shown, color: '#f0f0f0', zIndex: 0 };
    }
    if (drawing.highlightEdges.size > 0) {
      return drawing.highlightEdges.has(edge)
        ? { ...shown, size: 3.5, zIndex: 2 }
        : { ...shown, color: '#ededed', zIndex: 0 };
    }
    if (state.colour === 'side' && data.bridge) return { ...shown, color: '#ff8c00', size: 2.5, zIndex: 1 };
    return shown;
  },
});

renderer.on('beforeRender', () => labels.reset());

function selectedId(): string | null {
  return state.selected ? (idBySlug.get(state.selected) ?? null) : null;
}

// For the browser tests, the screenshot script and anyone curious in the console.
const explorer = {
  graph,
  renderer,
  layout,
  state,
  /** The labels drawn in the last frame: those that fit without overlapping another. */
  displayedLabels(): string[] {
    return [...labels.drawn];
  },
  /** Where a node is drawn, in CSS pixels from the canvas's top left corner. */
  nodeOnScreen(id: string): Point | null {
    const data = renderer.getNodeDisplayData(id);
    return data ? renderer.framedGraphToViewport(data) : null;
  },
  idOf(slug: string): string | undefined {
    return idBySlug.get(slug);
  },
};
(window as unknown as { explorer: typeof explorer }).explorer = explorer;

function setState(value: 'loading' | 'ready' | 'error', message = ''): void {
  ui.body.dataset.state = value;
  showMessage(message);
}

function showMessage(message: string): void {
  ui.message.textContent = message;
  ui.message.hidden = message === '';
}

function failed(error: unknown): void {
  const text = error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`;
  setState('error', text);
}

function writeUrl(): void {
  const query = stateQuery(state);
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
}

// ---------------------------------------------------------------------------------------------
// Names, sizes and colours

function displayName(names: { name: string; nameEn: string }): string {
  return state.lang === 'en' ? names.nameEn : names.name;
}

/** Long names (strategy titles run to a sentence) are cut on the canvas; lists and details show them whole. */
function shortLabel(text: string): string {
  return text.length > 40 ? `${text.slice(0, 38).trimEnd()}…` : text;
}

const byLabel = new Intl.Collator(['sv', 'en'], { sensitivity: 'base' });

/**
 * Labels of the drawn nodes in the chosen language. Where two drawn nodes share a name (a theme and
 * a priority both called "Life science"), each label says its kind, so that they differ in more
 * than colour.
 */
function relabel(): void {
  const nodes = graph.mapNodes((id, a) => ({ id, name: displayName(a), kind: kindStyle(a.kind).label.toLowerCase() }));
  const groups = new Map<string, typeof nodes>();
  for (const node of nodes) groups.set(shortLabel(node.name), [...(groups.get(shortLabel(node.name)) ?? []), node]);
  const labels = new Map<string, string>();
  for (const [short, group] of groups) {
    if (group.length === 1) {
      labels.set(group[0]!.id, short);
      continue;
    }
    // Names cut to the same text: cut them later, past where they differ.
    const common = group.reduce((n, node) => {
      let i = 0;
      while (i < n && node.name[i] === group[0]!.name[i]) i++;
      return i;
    }, group[0]!.name.length);
    const cut = (name: string) => (name.length > common + 12 ? `${name.slice(0, common + 10).trimEnd()}…` : name);
    const sameName = (node: (typeof nodes)[number]) => group.filter((other) => other.name === node.name);
    for (const node of group) {
      const twins = sameName(node);
      // One name for two kinds (a theme and a priority): the label says which.
      const kindTwins = twins.filter((other) => other.kind === node.kind);
      const suffix =
        twins.length > 1 ? ` (${node.kind}${kindTwins.length > 1 ? ` ${kindTwins.indexOf(node) + 1}` : ''})` : '';
      labels.set(node.id, `${cut(node.name)}${suffix}`);
    }
  }
  graph.updateEachNodeAttributes(
    (id, a) => {
      a.label = labels.get(id)!;
      return a;
    },
    { attributes: ['label'] },
  );
}

function metricValue(metrics: Metrics, metric: SizeMetric): number {
  return metric === 'none' ? 1 : Number(metrics[metric]);
}

function resize(): void {
  let max = 0;
  graph.forEachNode((_id, a) => {
    max = Math.max(max, metricValue(a.metrics, state.size));
  });
  graph.updateEachNodeAttributes(
    (_id, a) => {
      const value = metricValue(a.metrics, state.size);
      a.size = state.size === 'none' || max === 0 ? 6 : 4 + 14 * Math.sqrt(value / max);
      return a;
    },
    { attributes: ['size'] },
  );
}

const SIDE_COLOURS: Record<string, string> = { SE: '#2166ac', DK: '#c51b4a' };

function colourOf(a: NodeAttributes, colouring: Colouring): string {
  switch (colouring) {
    case 'kind':
      return kindStyle(a.kind).color;
    case 'community':
      return a.metrics.community < PALETTE.length ? PALETTE[a.metrics.community]! : '#9e9e9e';
    case 'component':
      return a.metrics.component < PALETTE.length ? PALETTE[a.metrics.component]! : '#9e9e9e';
    case 'side':
      return a.metrics.side ? SIDE_COLOURS[a.metrics.side]! : '#bdbdbd';
  }
}

function recolour(): void {
  graph.updateEachNodeAttributes(
    (_id, a) => {
      a.color = colourOf(a, state.colour);
      return a;
    },
    { attributes: ['color'] },
  );
  updateColourLegend();
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Counts draws, so that a draw waiting between its steps knows when a newer one has started. */
let drawGeneration = 0;

/** Resolves in a new task of the event loop, after the browser has had its turn to paint and answer input. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Replaces the drawing with `subgraph`. Nodes already drawn keep their place; new ones start next
 * to a drawn neighbour or at their seeded place, and the layout (in its worker) settles them.
 */
async function draw(subgraph: Subgraph): Promise<void> {
  const generation = ++drawGeneration;
  layout.cancel();
  graph.forEachNode((id, a) => positions.set(id, { x: a.x, y: a.y }));
  const fresh = graph.order === 0;
  graph.clear();
  const directed = subgraph.projection !== 'ACTOR_NETWORK';
  for (const node of subgraph.nodes) {
    graph.addNode(node.entityId, {
      x: 0,
      y: 0,
      size: 6,
      color: '#999',
      label: node.label,
      kind: node.kind,
      slug: node.attributes.slug,
      name: node.label,
      nameEn: node.attributes.nameEn,
      metrics: node.metrics,
    });
  }
  for (const edge of subgraph.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      relType: edge.type,
      weight: edge.weight,
      bridge: edge.bridge,
      size: subgraph.projection === 'ACTOR_NETWORK' ? Math.min(1 + edge.weight / 2, 5) : 1,
      color: edgeColour(edge.type),
      type: directed ? 'arrow' : 'line',
    });
  }
  drawing.communities = subgraph.communities;
  drawing.modularity = subgraph.modularity;
  // Each step below is a task of its own, so that no task on the main thread grows long while
  // the page stays usable (a newer draw supersedes this one at any step).
  await nextTask();
  if (generation !== drawGeneration) return;
  // Index the new nodes and edges now: the batched updates below repaint without indexing.
  renderer.refresh();
  await nextTask();
  if (generation !== drawGeneration) return;
  relabel();
  await nextTask();
  if (generation !== drawGeneration) return;
  resize();
  recolour();
  const kept = placeNodes(graph, positions);
  await nextTask();
  if (generation !== drawGeneration) return;
  updateFocus();
  updateStatus();
  updateLegend();
  updateEdgeLegend();
  // The list (a button per node) in a task of its own, so that no task grows long.
  setTimeout(updateNodeList, 0);
  // For the browser test that watches the main thread while the first layout runs.
  if (fresh) performance.mark('explorer:layout-start');
  await layout.run(graph, kept, fresh || kept.size === 0 ? FRESH_ITERATIONS : SETTLE_ITERATIONS);
}

function updateStatus(): void {
  const nodes = graph.order;
  const edges = graph.size;
  ui.status.dataset.nodes = String(nodes);
  ui.status.dataset.edges = String(edges);
  ui.status.textContent = `${nodes} ${nodes === 1 ? 'entity' : 'entities'} · ${edges} ${edges === 1 ? 'relationship' : 'relationships'}${drawing.extended ? ' (with added neighbours)' : ''}`;
}

/** The kinds legend doubles as the kind filter: a colour swatch, a checkbox and the count drawn. */
function buildLegend(): void {
  ui.legend.replaceChildren(
    ...Object.entries(KIND_STYLES).map(([kind, style]) => {
      const checkbox = h('input', { type: 'checkbox' });
      checkbox.checked = !state.hiddenKinds.includes(kind);
      checkbox.dataset.kind = kind;
      checkbox.addEventListener('change', () => {
        state.hiddenKinds = checkbox.checked
          ? state.hiddenKinds.filter((k) => k !== kind)
          : [...state.hiddenKinds, kind];
        void loadFiltered();
      });
      const swatch = h('span', { className: 'swatch' });
      swatch.style.background = style.color;
      const count = h('span', { className: 'count' });
      count.dataset.kind = kind;
      return h('li', {}, h('label', {}, checkbox, swatch, style.label, count));
    }),
  );
}

function updateLegend(): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_id, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  ui.legend.querySelectorAll<HTMLElement>('.count').forEach((span) => {
    span.textContent = String(counts.get(span.dataset.kind ?? '') ?? 0);
  });
}

/** One row per relationship type drawn (and any hidden): its colour, a checkbox, the count. */
function updateEdgeLegend(): void {
  const counts = new Map<string, number>();
  graph.forEachEdge((_e, a) => counts.set(a.relType, (counts.get(a.relType) ?? 0) + 1));
  const types = [...new Set([...counts.keys(), ...state.hiddenEdgeTypes])].sort();
  ui.edgeLegend.replaceChildren(
    ...types.map((type) => {
      const checkbox = h('input', { type: 'checkbox' });
      checkbox.checked = !state.hiddenEdgeTypes.includes(type);
      checkbox.dataset.edgeType = type;
      checkbox.addEventListener('change', () => {
        state.hiddenEdgeTypes = checkbox.checked
          ? state.hiddenEdgeTypes.filter((t) => t !== type)
          : [...state.hiddenEdgeTypes, type];
        updateFocus();
        renderer.refresh({ skipIndexation: true });
        writeUrl();
      });
      const swatch = h('span', { className: `swatch line${type === 'NOT_MEMBER_OF' ? ' negated' : ''}` });
      swatch.style.background = edgeColour(type);
      const group = EDGE_GROUPS.find((g) => g.types.includes(type));
      const count = h('span', { className: 'count', textContent: String(counts.get(type) ?? 0) });
      return h('li', {}, h('label', { title: group ? `Colour: ${group.label}` : '' }, checkbox, swatch, type, count));
    }),
  );
}

function updateColourLegend(): void {
  const rows: { color: string; text: string }[] = [];
  if (state.colour === 'community') {
    for (const c of drawing.communities.slice(0, PALETTE.length)) {
      rows.push({ color: PALETTE[c.id] ?? '#9e9e9e', text: `${c.label} and ${c.size - 1} more` });
    }
    if (drawing.communities.length > PALETTE.length) rows.push({ color: '#9e9e9e', text: 'smaller communities' });
    rows.push({ color: 'transparent', text: `modularity ${drawing.modularity.toFixed(2)}` });
  } else if (state.colour === 'side') {
    rows.push({ color: SIDE_COLOURS.SE!, text: 'Swedish side' }, { color: SIDE_COLOURS.DK!, text: 'Danish side' });
    rows.push({ color: '#bdbdbd', text: 'neither or both' }, { color: '#ff8c00', text: 'bridge between the sides' });
  } else if (state.colour === 'component') {
    rows.push({ color: PALETTE[0]!, text: 'largest connected component' });
  }
  ui.colourLegend.replaceChildren(
    ...rows.map((row) => {
      const swatch = h('span', { className: 'swatch' });
      swatch.style.background = row.color;
      return h('li', {}, swatch, row.text);
    }),
  );
}

/** Every drawn entity as a button, in the order of its displayed name: the keyboard's way in. */
function updateNodeList(): void {
  const nodes = graph
    .mapNodes((id, a) => ({ id, a, label: displayName(a) }))
    .filter(({ id }) => !drawing.focusSet || drawing.focusSet.has(id))
    .sort((x, y) => byLabel.compare(x.label, y.label));
  const LIMIT = 500;
  ui.nodeCount.textContent = `(${nodes.length})`;
  ui.nodeList.replaceChildren(
    ...nodes.slice(0, LIMIT).map(({ id, a, label }) => {
      const button = h('button', { type: 'button', textContent: label });
      button.dataset.id = id;
      button.append(h('span', { className: 'badge', textContent: kindStyle(a.kind).label }));
      if (id === selectedId()) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => select(id));
      return h('li', {}, button);
    }),
    ...(nodes.length > LIMIT
      ? [h('li', { className: 'hint', textContent: `…and ${nodes.length - LIMIT} more: search for them.` })]
      : []),
  );
}

/** Focus mode: the nodes within `state.focus` steps of the selection, along the edges shown. */
function updateFocus(): void {
  const centre = selectedId();
  if (state.focus === 0 || !centre || !graph.hasNode(centre)) {
    drawing.focusSet = null;
    return;
  }
  const seen = new Set([centre]);
  let frontier = [centre];
  for (let step = 0; step < state.focus; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (_edge, a, source, target) => {
        if (state.hiddenEdgeTypes.includes(a.relType)) return;
        const other = source === node ? target : source;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  drawing.focusSet = seen;
}

// ---------------------------------------------------------------------------------------------
// The graph view

function filterInput(): GraphFilter {
  const shownKinds = (Object.keys(KIND_STYLES) as GraphNodeKind[]).filter((kind) => !state.hiddenKinds.includes(kind));
  return {
    kinds: state.hiddenKinds.length > 0 ? shownKinds : null,
    themes: state.theme ? [state.theme] : null,
    regions: state.region ? [state.region] : null,
  };
}

let loadSerial = 0;

/**
 * The filter's entities. With "follow initiatives", a theme also brings in the actors of the
 * initiatives that work on it (LU Innovation through Path2Patient for ATMP), and a region keeps
 * those located in it; then every relationship among them is asked for.
 */
async function filteredGraph(): Promise<Subgraph> {
  const projection = state.projection;
  if (!state.follow || !state.theme) {
    return answered((await graphql(ExplorerGraphDocument, { filter: filterInput(), projection })).graph, 'graph');
  }
  const themed = answered((await graphql(ExplorerGraphDocument, { filter: { themes: [state.theme] } })).graph, 'graph');
  const initiatives = themed.nodes.filter((n) => n.kind === 'INITIATIVE').map((n) => n.entityId);
  const candidates = new Set(themed.nodes.map((n) => n.entityId));
  if (initiatives.length > 0) {
    const around = answered(
      (await graphql(ExplorerGraphDocument, { around: { ids: initiatives, depth: 1 } })).graph,
      'graph',
    );
    for (const node of around.nodes) {
      if (node.attributes.entityType === 'Actor') candidates.add(node.entityId);
    }
  }
  let kept = candidates;
  if (state.region) {
    const regional = answered(
      (await graphql(ExplorerGraphDocument, { filter: { regions: [state.region] } })).graph,
      'graph',
    );
    const inRegion = new Set(regional.nodes.map((n) => n.entityId));
    kept = new Set([...candidates].filter((id) => inRegion.has(id)));
    // The theme's own nodes and the initiatives (which seldom have a place of their own) stay.
    for (const node of themed.nodes) {
      if (node.kind === 'THEME' || node.kind === 'INITIATIVE') kept.add(node.entityId);
    }
    for (const node of regional.nodes) if (node.kind === 'REGION') kept.add(node.entityId);
  }
  const filter = filterInput();
  return answered(
    (
      await graphql(ExplorerGraphDocument, {
        filter: { kinds: filter.kinds },
        around: { ids: [...kept], depth: 0 },
        projection,
      })
    ).graph,
    'graph',
  );
}

async function loadFiltered(): Promise<void> {
  const serial = ++loadSerial;
  setState('loading');
  writeUrl();
  try {
    const subgraph = await filteredGraph();
    if (serial !== loadSerial) return; // a later change has its own answer coming
    drawing.extended = false;
    clearAnswer();
    const drawn = draw(subgraph);
    const filtered = Boolean(state.theme || state.region);
    const matched = subgraph.nodes.filter((n) => !['THEME', 'REGION', 'STAGE'].includes(n.kind));
    const empty = subgraph.nodes.length === 0 || (filtered && matched.length === 0);
    restoreSelection();
    updateDownloads();
    setState(
      'ready',
      empty
        ? `Nothing matches this filter${filtered ? ': no entity has the theme and region chosen' : ''}. Try another theme or region, or tick "Follow initiatives".`
        : '',
    );
    await drawn;
  } catch (error) {
    if (serial !== loadSerial) return;
    if (tooLarge(error)) {
      // A large graph (the 10,000-actor synthetic one) is not drawn whole: the page stays usable,
      // empty, and says how to narrow it; search and the filters still work.
      drawing.extended = false;
      clearAnswer();
      void draw(emptySubgraph());
      updateDownloads();
      setState('ready', TOO_LARGE_MESSAGE);
    } else failed(error);
  }
}

const TOO_LARGE_MESSAGE =
  'This view holds more nodes and edges than the explorer draws at once. Narrow it: choose a theme or a region, ' +
  'hide kinds of node, or search for an entity to draw it and then its neighbours.';

/** The API's answer when the graph asked for is larger than its limit (Query.graph's `limit`). */
function tooLarge(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.argumentName === 'limit';
}

/** Adds entities (and every relationship among what is then drawn) to the view. */
async function addToView(ids: string[]): Promise<void> {
  const all = [...new Set([...graph.nodes(), ...ids])];
  const subgraph = answered(
    (await graphql(ExplorerGraphDocument, { around: { ids: all, depth: 0 }, projection: 'FULL' })).graph,
    'graph',
  );
  drawing.extended = true;
  void draw(subgraph);
  updateDownloads();
}

async function expandNeighbours(id: string): Promise<void> {
  setState('loading');
  try {
    const around = answered((await graphql(ExplorerGraphDocument, { around: { ids: [id], depth: 1 } })).graph, 'graph');
    await addToView(around.nodes.map((node) => node.entityId));
    select(id);
    setState('ready');
  } catch (error) {
    failed(error);
  }
}

// ---------------------------------------------------------------------------------------------
// The supporters view and the path view

function clearAnswer(): void {
  drawing.highlightNodes = new Set();
  drawing.highlightEdges = new Set();
  ui.answer.replaceChildren();
}

/** The drawn edges a hop stands for: same ends and type (a hop may be walked backwards). */
function edgesOfHop(hop: { type: string; from: { id: string }; to: { id: string } }): string[] {
  if (!graph.hasNode(hop.from.id) || !graph.hasNode(hop.to.id)) return [];
  return graph.edges(hop.from.id, hop.to.id).filter((e) => graph.getEdgeAttribute(e, 'relType') === hop.type);
}

function entityButton(id: string, label: string): HTMLButtonElement {
  const button = h('button', { type: 'button', className: 'link', textContent: label });
  button.addEventListener('click', () => select(id));
  return button;
}

function nameOf(id: string): string {
  const entity = entities.get(id);
  return entity ? displayName(entity) : id;
}

function hopLine(hops: PathAnswer['hops']): HTMLElement {
  const line = h('p', { className: 'path-line' });
  hops.forEach((hop, index) => {
    const forward = hop.walkedForward !== false;
    const start = forward ? hop.from.id : hop.to.id;
    const end = forward ? hop.to.id : hop.from.id;
    if (index === 0) line.append(entityButton(start, nameOf(start)));
    line.append(h('span', { className: 'hop', textContent: forward ? ` —${hop.type}→ ` : ` ←${hop.type}— ` }));
    line.append(entityButton(end, nameOf(end)));
  });
  return line;
}

function hopQuotes(hops: PathAnswer['hops']): HTMLElement {
  const quotes = hops.flatMap((hop) => hop.sources);
  return h(
    'details',
    {},
    h('summary', { textContent: `${quotes.length} quote${quotes.length === 1 ? '' : 's'}` }),
    h(
      'ul',
      { className: 'quotes' },
      ...quotes.map((q) =>
        h('li', {}, h('blockquote', { textContent: q.quote }), h('cite', { textContent: q.document })),
      ),
    ),
  );
}

let answerSerial = 0;

async function loadSupporters(): Promise<void> {
  const serial = ++answerSerial;
  setState('loading');
  writeUrl();
  try {
    const answer = answered(
      (
        await graphql(ExplorerSupportersDocument, {
          theme: state.supportTheme,
          stage: (state.supportStage || null) as CompanyStage | null,
          kinds: state.supportKinds.length ? (state.supportKinds as ActorKind[]) : null,
        })
      ).supporters,
      'supporters',
    );
    const ids = new Set<string>();
    for (const edge of answer.edges) {
      ids.add(edge.node.id);
      for (const path of edge.evidence) for (const node of path.nodes) ids.add(node.id);
    }
    const subgraph =
      ids.size > 0
        ? answered((await graphql(ExplorerGraphDocument, { around: { ids: [...ids], depth: 0 } })).graph, 'graph')
        : emptySubgraph();
    if (serial !== answerSerial) return;
    drawing.extended = true;
    const drawn = draw(subgraph);
    showSupporters(answer);
    restoreSelection();
    updateDownloads();
    setState('ready', answer.edges.length === 0 ? 'No supporter found for this theme, stage and kinds.' : '');
    await drawn;
  } catch (error) {
    if (serial === answerSerial) failed(error);
  }
}

function showSupporters(answer: SupporterAnswer): void {
  clearAnswer();
  for (const edge of answer.edges) {
    drawing.highlightNodes.add(edge.node.id);
    for (const path of edge.evidence) {
      for (const node of path.nodes) drawing.highlightNodes.add(node.id);
      for (const hop of path.hops) for (const e of edgesOfHop(hop)) drawing.highlightEdges.add(e);
    }
  }
  const stage = ui.supportStage.selectedOptions[0]?.textContent ?? '';
  ui.answer.replaceChildren(
    h('h2', {
      textContent: `${answer.edges.length} supporter${answer.edges.length === 1 ? '' : 's'} of ${displayName(answer.theme)}${state.supportStage ? ` (${stage.toLowerCase()})` : ''}`,
    }),
    h(
      'ol',
      { className: 'supporters' },
      ...answer.edges.map((edge) => {
        const item = h(
          'li',
          {},
          entityButton(edge.node.id, displayName(edge.node)),
          h('span', {
            className: 'badge',
            textContent: `${edge.supportTypes.join(', ')}${edge.stageEvidence === 'STATED' ? ' · stage stated' : ''}`,
          }),
        );
        item.dataset.id = edge.node.id;
        const first = edge.evidence[0];
        if (first) item.append(hopLine(first.hops), hopQuotes(first.hops));
        return item;
      }),
    ),
  );
  renderer.refresh({ skipIndexation: true });
}

async function loadPaths(): Promise<void> {
  const serial = ++answerSerial;
  writeUrl();
  if (!state.from || !state.to || state.from === state.to) {
    clearAnswer();
    setState('ready', 'Choose two different entities to connect.');
    return;
  }
  setState('loading');
  try {
    const paths = answered(
      (await graphql(ExplorerPathsDocument, { from: state.from, to: state.to, maxHops: state.maxHops })).paths,
      'paths',
    );
    const ids = new Set<string>();
    for (const path of paths) for (const node of path.nodes) ids.add(node.id);
    const subgraph =
      ids.size > 0
        ? answered((await graphql(ExplorerGraphDocument, { around: { ids: [...ids], depth: 0 } })).graph, 'graph')
        : emptySubgraph();
    if (serial !== answerSerial) return;
    drawing.extended = true;
    const drawn = draw(subgraph);
    showPaths(paths);
    restoreSelection();
    updateDownloads();
    setState('ready', paths.length === 0 ? `No path of at most ${state.maxHops} hops joins these two entities.` : '');
    await drawn;
  } catch (error) {
    if (serial === answerSerial) failed(error);
  }
}

function showPaths(paths: PathAnswer[]): void {
  clearAnswer();
  for (const path of paths) {
    for (const node of path.nodes) drawing.highlightNodes.add(node.id);
    for (const hop of path.hops) for (const e of edgesOfHop(hop)) drawing.highlightEdges.add(e);
  }
  ui.answer.replaceChildren(
    h('h2', {
      textContent: `${paths.length} shortest path${paths.length === 1 ? '' : 's'}${paths[0] ? ` of ${paths[0].length} hop${paths[0].length === 1 ? '' : 's'}` : ''}`,
    }),
    h('ol', { className: 'paths' }, ...paths.map((path) => h('li', {}, hopLine(path.hops), hopQuotes(path.hops)))),
  );
  renderer.refresh({ skipIndexation: true });
}

function emptySubgraph(): Subgraph {
  return { projection: 'FULL', modularity: 0, componentCount: 0, communities: [], nodes: [], edges: [] };
}

function loadView(): Promise<void> {
  ui.body.dataset.mode = state.mode;
  switch (state.mode) {
    case 'graph':
      return loadFiltered();
    case 'supporters':
      return loadSupporters();
    case 'path':
      return loadPaths();
  }
}

// ---------------------------------------------------------------------------------------------
// Selection and details

/** Selects a node: highlights it, centres it, shows its details, remembers it in the URL. */
function select(id: string): void {
  if (!graph.hasNode(id)) {
    void focusEntity(id);
    return;
  }
  state.selected = graph.getNodeAttribute(id, 'slug');
  updateFocus();
  updateNodeList();
  renderer.refresh({ skipIndexation: true });
  const data = renderer.getNodeDisplayData(id);
  if (data) {
    const camera = renderer.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.8) }, { duration: 200 });
  }
  writeUrl();
  if (window.matchMedia('(max-width: 1099px)').matches) openPanel('details');
  void showDetails(id);
}

function clearSelection(): void {
  state.selected = '';
  updateFocus();
  updateNodeList();
  renderer.refresh({ skipIndexation: true });
  showDetailsPlaceholder();
  writeUrl();
}

/** After a redraw: the selection of the URL (or of before) again, if it is drawn. */
function restoreSelection(): void {
  const id = selectedId();
  if (id && graph.hasNode(id)) {
    updateFocus();
    updateNodeList();
    void showDetails(id);
  } else {
    showDetailsPlaceholder();
  }
}

function showDetailsPlaceholder(): void {
  ui.detailsBody.replaceChildren(
    h('h2', { textContent: 'Details' }),
    h('p', {
      className: 'hint',
      textContent:
        'Click an entity (or choose it from the list below) to see what it is, how it is related, and the sources that say so.',
    }),
  );
}

/** A citation's source as the details show it: title, publisher and year where the query asked for them. */
function citedAs(citation: Citation): string {
  const source = citation.source;
  if (!source) return citation.document;
  if (!('publisher' in source)) return source.title;
  return `${source.title}${source.publisher ? `, ${source.publisher}` : ''}${source.year ? ` (${source.year})` : ''}`;
}

function citationList(citations: Citation[], className: string): HTMLUListElement {
  return h(
    'ul',
    { className },
    ...citations.map((citation) =>
      h('li', {}, h('blockquote', { textContent: citation.quote }), h('cite', { textContent: citedAs(citation) })),
    ),
  );
}

const METRIC_LABELS: [keyof Metrics, string][] = [
  ['degree', 'Degree'],
  ['weightedDegree', 'Weighted degree'],
  ['betweenness', 'Betweenness'],
  ['closeness', 'Closeness'],
  ['pageRank', 'PageRank'],
  ['community', 'Community'],
  ['side', 'Side'],
];

function formatMetric(value: Metrics[keyof Metrics]): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value ?? '–';
}

let detailsSerial = 0;

async function showDetails(id: string): Promise<void> {
  const serial = ++detailsSerial;
  ui.details.dataset.state = 'loading';
  try {
    const { node: answer } = await graphql(ExplorerDetailsDocument, { id });
    if (serial !== detailsSerial) return; // the user has chosen another entity meanwhile
    if (!answer || !('name' in answer)) throw new ApiError(`"${id}" is not an entity.`, undefined);
    const node: EntityDetails = answer;
    const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
    const expand = h('button', { type: 'button', className: 'expand', textContent: 'Show neighbours' });
    expand.addEventListener('click', () => void expandNeighbours(id));
    const relationships = node.relationships.edges.map((edge) => {
      const other = h('button', {
        type: 'button',
        className: 'link',
        textContent: displayName(edge.node),
        title: state.lang === 'en' ? edge.node.name : edge.node.nameEn,
      });
      other.addEventListener('click', () => select(edge.node.id));
      const arrow = edge.direction === 'OUTGOING' ? '→' : '←';
      const qualifiers = [
        edge.role,
        edge.validFrom || edge.validTo ? `${edge.validFrom ?? '…'}–${edge.validTo ?? '…'}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      const sources = h(
        'details',
        {},
        h('summary', { textContent: `${edge.sources.length} source${edge.sources.length === 1 ? '' : 's'}` }),
        citationList(edge.sources, 'quotes'),
      );
      return h(
        'li',
        { className: edge.negated ? 'negated' : '' },
        h('span', { className: 'type', textContent: `${arrow} ${edge.type}` }),
        ' ',
        other,
        qualifiers ? ` (${qualifiers})` : '',
        sources,
      );
    });
    const metrics = attributes
      ? h(
          'dl',
          { className: 'metrics' },
          ...METRIC_LABELS.flatMap(([key, label]) => [
            h('dt', { textContent: label }),
            h('dd', { textContent: formatMetric(attributes.metrics[key]) }),
          ]),
        )
      : null;
    const other = state.lang === 'en' ? node.name : node.nameEn;
    ui.detailsBody.replaceChildren(
      h('h2', { textContent: displayName(node) }),
      h('p', {
        className: 'subtitle',
        textContent: [
          other !== displayName(node) ? other : null,
          attributes ? kindStyle(attributes.kind).label : node.__typename,
        ]
          .filter(Boolean)
          .join(' · '),
      }),
      ...(node.description ? [h('p', { textContent: node.description })] : []),
      ...('website' in node && node.website
        ? [h('p', {}, h('a', { href: node.website, textContent: node.website }))]
        : []),
      ...(node.aliases.length
        ? [h('p', { className: 'aliases', textContent: `Also: ${node.aliases.join(', ')}` })]
        : []),
      expand,
      ...(metrics ? [h('h3', { textContent: 'In this network' }), metrics] : []),
      h('h3', { textContent: 'Sources' }),
      node.sources.length
        ? citationList(node.sources, 'quotes node-sources')
        : h('p', { className: 'hint', textContent: 'No source quoted.' }),
      h('h3', { className: 'relationships-title', textContent: `Relationships (${node.relationships.totalCount})` }),
      h('ul', { className: 'relationships' }, ...relationships),
    );
    ui.details.dataset.state = 'ready';
  } catch (error) {
    if (serial !== detailsSerial) return;
    ui.details.dataset.state = 'error';
    failed(error);
  }
}

/** Shows an entity: selects it where it is drawn, or adds it to the view first. */
async function focusEntity(id: string): Promise<void> {
  if (!graph.hasNode(id)) {
    setState('loading');
    try {
      await addToView([id]);
      setState('ready');
    } catch (error) {
      failed(error);
      return;
    }
  }
  if (graph.hasNode(id)) select(id);
}

// ---------------------------------------------------------------------------------------------
// Search: every keystroke cancels the request before it, and results are only ever shown for
// the text in the box.

let searchController: AbortController | null = null;

async function runSearch(text: string): Promise<void> {
  searchController?.abort();
  const query = text.trim();
  if (query.length < 2) {
    ui.searchResults.replaceChildren();
    ui.searchResults.hidden = true;
    return;
  }
  const controller = new AbortController();
  searchController = controller;
  try {
    const search = answered(
      (await graphql(ExplorerSearchDocument, { query }, { signal: controller.signal })).search,
      'search',
    );
    if (controller.signal.aborted || ui.search.value.trim() !== query) return;
    const hits = search.edges.map((edge) => edge.node);
    ui.searchResults.dataset.query = query;
    ui.searchResults.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { className: 'hint', textContent: `Nothing is called "${query}".` })]
        : hits.map((hit) => {
            const button = h('button', { type: 'button', textContent: displayName(hit) });
            button.append(
              h('span', {
                className: 'hit-kind',
                textContent: graph.hasNode(hit.id) ? hit.__typename : `${hit.__typename}, not drawn yet`,
              }),
            );
            button.addEventListener('click', () => {
              ui.searchResults.hidden = true;
              void focusEntity(hit.id);
            });
            return h('li', {}, button);
          })),
    );
    ui.searchResults.hidden = false;
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    failed(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Downloads

let formats: ExportFormatInfo[] = [];

/** The current view as /export query parameters, or null when it is more than a filter. */
function exportQuery(): string | null {
  if (drawing.extended || state.mode !== 'graph' || (state.follow && state.theme)) return null;
  const filter = filterInput();
  const params = new URLSearchParams();
  if (filter.kinds) params.set('kinds', filter.kinds.join(','));
  if (filter.themes) params.set('themes', filter.themes.join(','));
  if (filter.regions) params.set('regions', filter.regions.join(','));
  if (state.projection !== 'FULL') params.set('projection', state.projection);
  return params.toString();
}

/**
 * Download buttons: plain links to /export/{format} while the view is a filter (a URL to share or
 * curl), otherwise a POST of exactly the entities drawn, saved through a Blob.
 */
function updateDownloads(): void {
  const query = exportQuery();
  ui.downloads.replaceChildren(
    ...formats.map((format) => {
      const link = h('a', {
        className: 'download',
        textContent: format.name,
        title: `${format.title}: ${format.fileName}`,
      });
      link.dataset.format = format.name;
      link.download = format.fileName;
      if (query !== null) {
        link.href = `/export/${format.name}${query ? `?${query}` : ''}`;
      } else {
        link.href = '#';
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void downloadView(format);
        });
      }
      return link;
    }),
  );
}

async function downloadView(format: ExportFormatInfo): Promise<void> {
  try {
    const response = await fetch(`/export/${format.name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ around: { ids: graph.nodes(), depth: 0 } }),
    });
    if (!response.ok) {
      const body = (await response.json()) as { error?: { message?: string } };
      throw new ApiError(body.error?.message ?? `The export answered ${response.status}.`, undefined);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url });
    link.download = format.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    failed(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Controls

let themeChoices: Choice[] = [];
let regionChoices: Choice[] = [];

/** A select of entities, named in the chosen language and sorted by that name. */
function fillSelect(
  select: HTMLSelectElement,
  anyLabel: string | null,
  choices: { slug: string; name: string; nameEn: string }[],
  value: string,
): void {
  const sorted = [...choices].sort((a, b) => byLabel.compare(displayName(a), displayName(b)));
  select.replaceChildren(
    ...(anyLabel === null ? [] : [h('option', { textContent: anyLabel })]),
    ...sorted.map((choice) => {
      const option = h('option', { textContent: displayName(choice) });
      option.value = choice.slug;
      return option;
    }),
  );
  if (anyLabel !== null) select.options[0]!.value = '';
  select.value = value;
}

function fillChoices(): void {
  fillSelect(ui.theme, 'Any theme', themeChoices, state.theme);
  fillSelect(ui.region, 'Any region', regionChoices, state.region);
  fillSelect(ui.supportTheme, null, themeChoices, state.supportTheme);
  const all = [...entities.values()].map((e) => ({ ...e, name: e.name, nameEn: e.nameEn }));
  const withKind = (e: (typeof all)[number]) => ({
    ...e,
    name: `${e.name} (${kindStyle(e.kind).label.toLowerCase()})`,
    nameEn: `${e.nameEn} (${kindStyle(e.kind).label.toLowerCase()})`,
  });
  fillSelect(ui.pathFrom, 'Choose an entity', all.map(withKind), state.from);
  fillSelect(ui.pathTo, 'Choose an entity', all.map(withKind), state.to);
}

/** Puts the state into the controls (on load, and when a link is followed). */
function syncControls(): void {
  ui.body.dataset.mode = state.mode;
  document.querySelectorAll<HTMLInputElement>('input[name="mode"]').forEach((radio) => {
    radio.checked = radio.value === state.mode;
  });
  ui.follow.checked = state.follow;
  ui.projection.value = state.projection;
  ui.sizeBy.value = state.size;
  ui.colourBy.value = state.colour;
  ui.language.value = state.lang;
  ui.focus.value = String(state.focus);
  ui.supportStage.value = state.supportStage;
  ui.pathHops.value = String(state.maxHops);
  ui.supportKinds.querySelectorAll<HTMLInputElement>('input').forEach((box) => {
    box.checked = state.supportKinds.includes(box.value);
  });
  fillChoices();
}

function buildSupportKinds(): void {
  ui.supportKinds.replaceChildren(
    ...ACTOR_KINDS.map((kind) => {
      const box = h('input', { type: 'checkbox' });
      box.value = kind;
      box.name = 'support-kind';
      return h('label', { className: 'check' }, box, KIND_STYLES[kind].label);
    }),
  );
}

function openPanel(panel: '' | 'filters' | 'details'): void {
  ui.body.dataset.panel = panel;
  ui.toggleFilters.setAttribute('aria-expanded', String(panel === 'filters'));
  ui.toggleDetails.setAttribute('aria-expanded', String(panel === 'details'));
}

function wireControls(): void {
  document.querySelectorAll<HTMLInputElement>('input[name="mode"]').forEach((radio) => {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      state.mode = radio.value as Mode;
      ui.body.dataset.mode = state.mode;
      if (state.mode === 'path' && !state.from && state.selected) {
        state.from = state.selected;
        ui.pathFrom.value = state.from;
      }
      void loadView();
    });
  });
  ui.theme.addEventListener('change', () => {
    state.theme = ui.theme.value;
    void loadFiltered();
  });
  ui.region.addEventListener('change', () => {
    state.region = ui.region.value;
    void loadFiltered();
  });
  ui.follow.addEventListener('change', () => {
    state.follow = ui.follow.checked;
    void loadFiltered();
  });
  ui.projection.addEventListener('change', () => {
    state.projection = ui.projection.value as ViewState['projection'];
    void loadFiltered();
  });
  ui.reset.addEventListener('click', () => void loadFiltered());
  ui.sizeBy.addEventListener('change', () => {
    state.size = ui.sizeBy.value as SizeMetric;
    resize();
    writeUrl();
  });
  ui.colourBy.addEventListener('change', () => {
    state.colour = ui.colourBy.value as Colouring;
    recolour();
    renderer.refresh({ skipIndexation: true });
    writeUrl();
  });
  ui.language.addEventListener('change', () => {
    state.lang = ui.language.value as ViewState['lang'];
    relabel();
    fillChoices();
    updateNodeList();
    const id = selectedId();
    if (id && graph.hasNode(id)) void showDetails(id);
    writeUrl();
  });
  ui.focus.addEventListener('change', () => {
    state.focus = Number(ui.focus.value);
    updateFocus();
    updateNodeList();
    renderer.refresh({ skipIndexation: true });
    writeUrl();
  });
  ui.supportersForm.addEventListener('submit', (event) => {
    event.preventDefault();
    state.supportTheme = ui.supportTheme.value;
    state.supportStage = ui.supportStage.value;
    state.supportKinds = [...ui.supportKinds.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
    void loadSupporters();
  });
  ui.pathForm.addEventListener('submit', (event) => {
    event.preventDefault();
    state.from = ui.pathFrom.value;
    state.to = ui.pathTo.value;
    state.maxHops = Number(ui.pathHops.value);
    void loadPaths();
  });
  ui.toggleFilters.addEventListener('click', () => openPanel(ui.body.dataset.panel === 'filters' ? '' : 'filters'));
  ui.toggleDetails.addEventListener('click', () => openPanel(ui.body.dataset.panel === 'details' ? '' : 'details'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && ui.body.dataset.panel) openPanel('');
  });

  renderer.on('clickNode', ({ node }) => select(node));
  renderer.on('clickStage', () => clearSelection());
  renderer.on('enterNode', ({ node, event }) => {
    drawing.hovered = node;
    showTooltip(node, event.x, event.y);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    drawing.hovered = null;
    ui.tooltip.hidden = true;
    renderer.refresh({ skipIndexation: true });
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.search.addEventListener('input', () => {
    // Whatever is listed belongs to the text before this keystroke: take it away at once.
    searchController?.abort();
    ui.searchResults.hidden = true;
    ui.searchResults.replaceChildren();
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(ui.search.value), 200);
  });
  ui.search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      clearTimeout(timer);
      void runSearch(ui.search.value);
    } else if (event.key === 'Escape') {
      ui.searchResults.hidden = true;
    } else if (event.key === 'ArrowDown') {
      ui.searchResults.querySelector<HTMLButtonElement>('button')?.focus();
      event.preventDefault();
    }
  });
  document.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('.search')) ui.searchResults.hidden = true;
  });
}

function showTooltip(id: string, x: number, y: number): void {
  const a = graph.getNodeAttributes(id);
  ui.tooltip.replaceChildren(
    h('strong', { textContent: displayName(a) }),
    h('span', { textContent: ` · ${kindStyle(a.kind).label}` }),
    h('br'),
    h('span', {
      textContent: `${graph.degree(id)} relationships drawn · betweenness ${a.metrics.betweenness.toFixed(3)} · community ${a.metrics.community}`,
    }),
  );
  ui.tooltip.style.left = `${Math.round(x + 12)}px`;
  ui.tooltip.style.top = `${Math.round(y + 12)}px`;
  ui.tooltip.hidden = false;
}

async function start(): Promise<void> {
  buildLegend();
  buildSupportKinds();
  showDetailsPlaceholder();
  wireControls();
  try {
    const [choices, all, exportList] = await Promise.all([
      graphql(ExplorerChoicesDocument),
      // Too many entities to list (the 10,000-actor synthetic graph): the page goes on without the
      // path view's lists; search still finds every entity.
      graphql(ExplorerEntitiesDocument).catch((error: unknown) => {
        if (tooLarge(error)) return { graph: { nodes: [] } };
        throw error;
      }),
      fetch('/export').then((response) => response.json() as Promise<{ formats: ExportFormatInfo[] }>),
    ]);
    themeChoices = answered(choices.themes, 'themes').nodes;
    regionChoices = answered(choices.regions, 'regions').nodes;
    for (const node of answered(all.graph, 'graph').nodes) {
      const entity = {
        id: node.entityId,
        slug: node.attributes.slug,
        name: node.label,
        nameEn: node.attributes.nameEn,
        kind: node.kind,
      };
      entities.set(node.entityId, entity);
      idBySlug.set(entity.slug, entity.id);
    }
    formats = exportList.formats;
  } catch (error) {
    failed(error);
    return;
  }
  syncControls();
  await loadView();
}

void start();
