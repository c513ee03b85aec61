// The ecosystem explorer at /explore: the graph drawn with Cytoscape.js (bundled from npm by
// scripts/build-web.ts, no CDN), read from the GraphQL API like any other client. Filters by kind,
// theme and region ask Query.graph again; a node's details come from Query.node; "show
// neighbours" adds Query.graph(around) to the view; downloads come from /export/{format}.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { KIND_STYLES, kindStyle } from '../../src/export/kindStyle';
import {
  ExplorerChoicesDocument,
  ExplorerDetailsDocument,
  ExplorerGraphDocument,
  ExplorerSearchDocument,
  type ExplorerChoicesQuery,
  type ExplorerGraphQuery,
  type GraphFilter,
  type GraphNodeKind,
} from './generated/graphql';
import { answered, ApiError, graphql, type Citation, type EntityDetails } from './graphql';
import './style.css';

type Subgraph = NonNullable<ExplorerGraphQuery['graph']>;
type Choice = NonNullable<ExplorerChoicesQuery['themes']>['nodes'][number];

interface ExportFormatInfo {
  name: string;
  title: string;
  fileName: string;
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
  cy: element<HTMLDivElement>('cy'),
  status: element<HTMLParagraphElement>('status'),
  message: element<HTMLParagraphElement>('message'),
  legend: element<HTMLUListElement>('legend'),
  theme: element<HTMLSelectElement>('theme-filter'),
  region: element<HTMLSelectElement>('region-filter'),
  reset: element<HTMLButtonElement>('reset-view'),
  search: element<HTMLInputElement>('search'),
  searchResults: element<HTMLUListElement>('search-results'),
  details: element<HTMLElement>('details'),
  downloads: element<HTMLDivElement>('downloads'),
};

/** What is drawn: the filter's graph, plus the neighbours of the nodes the user expanded. */
const view = {
  hiddenKinds: new Set<string>(),
  theme: '',
  region: '',
  /** True once entities beyond the filter's graph were added (neighbours, search hits). */
  extended: false,
  selected: null as string | null,
};

const cy: Core = cytoscape({
  container: ui.cy,
  minZoom: 0.05,
  maxZoom: 4,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        label: 'data(label)',
        'font-size': 10,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        color: '#222',
        'text-outline-color': '#fff',
        'text-outline-width': 2,
        // Strategy titles run to a sentence: cut them, the details panel has the whole name.
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#c8c8c8',
        'target-arrow-color': '#c8c8c8',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        'curve-style': 'bezier',
      },
    },
    {
      selector: 'edge.negated',
      style: { 'line-style': 'dashed', 'line-color': '#e08080', 'target-arrow-color': '#e08080' },
    },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#ffbf00' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
    {
      selector: 'edge.near',
      style: { width: 2, 'line-color': '#555', 'target-arrow-color': '#555', label: 'data(type)', 'font-size': 8 },
    },
  ],
});

// For the browser tests and for anyone curious in the console: the drawing and its data.
(window as unknown as { explorer: { cy: Core } }).explorer = { cy };

function setState(state: 'loading' | 'ready' | 'error', message = ''): void {
  ui.body.dataset.state = state;
  ui.message.textContent = message;
  ui.message.hidden = message === '';
}

function failed(error: unknown): void {
  const text = error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`;
  setState('error', text);
}

function filterInput(): GraphFilter {
  const shownKinds = (Object.keys(KIND_STYLES) as GraphNodeKind[]).filter((kind) => !view.hiddenKinds.has(kind));
  return {
    kinds: view.hiddenKinds.size > 0 ? shownKinds : null,
    themes: view.theme ? [view.theme] : null,
    regions: view.region ? [view.region] : null,
  };
}

function toElements(graph: Subgraph): ElementDefinition[] {
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return [
    ...graph.nodes.map((node) => ({
      group: 'nodes' as const,
      data: {
        id: node.entityId,
        label: node.label,
        kind: node.kind,
        slug: node.attributes.slug,
        nameEn: node.attributes.nameEn,
        color: kindStyle(node.kind).color,
        size: 12 + 3 * Math.sqrt(degree.get(node.entityId) ?? 0),
      },
    })),
    ...graph.edges.map((edge) => ({
      group: 'edges' as const,
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
      classes: edge.type === 'NOT_MEMBER_OF' ? 'negated' : '',
    })),
  ];
}

/**
 * Replaces the drawing with `graph`. Nodes already drawn keep their place; new ones start next to
 * `near` (an expanded node) or anywhere, and the force layout settles them.
 */
function draw(graph: Subgraph, options: { fresh: boolean; near?: string }): void {
  const elements = toElements(graph);
  const wanted = new Set(elements.map((e) => e.data.id as string));
  const anchor = options.near ? cy.getElementById(options.near) : null;
  const start = anchor && anchor.nonempty() ? { ...anchor.position() } : null;
  cy.batch(() => {
    cy.elements()
      .filter((e) => !wanted.has(e.id()))
      .remove();
    for (const definition of elements) {
      const existing = cy.getElementById(definition.data.id as string);
      if (existing.nonempty()) {
        existing.data(definition.data);
      } else {
        cy.add(
          start && definition.group === 'nodes'
            ? {
                ...definition,
                position: { x: start.x + Math.random() * 40 - 20, y: start.y + Math.random() * 40 - 20 },
              }
            : definition,
        );
      }
    }
  });
  cy.layout({
    name: 'cose',
    animate: false,
    randomize: options.fresh,
    fit: true,
    padding: 30,
    // Spread out: long names need room, and a hub (a region, a strategy) should not swallow its neighbours.
    nodeRepulsion: () => 60000,
    idealEdgeLength: () => 90,
    gravity: 0.4,
    nodeOverlap: 20,
    componentSpacing: 80,
    numIter: 2000,
  }).run();
  updateStatus();
  updateLegend();
}

function updateStatus(): void {
  const nodes = cy.nodes().length;
  const edges = cy.edges().length;
  ui.status.dataset.nodes = String(nodes);
  ui.status.dataset.edges = String(edges);
  ui.status.textContent = `${nodes} ${nodes === 1 ? 'entity' : 'entities'} · ${edges} ${edges === 1 ? 'relationship' : 'relationships'}${view.extended ? ' (with added neighbours)' : ''}`;
}

/** The legend doubles as the kind filter: a colour swatch, a checkbox and the count drawn. */
function buildLegend(): void {
  ui.legend.replaceChildren(
    ...Object.entries(KIND_STYLES).map(([kind, style]) => {
      const checkbox = h('input', { type: 'checkbox' });
      checkbox.checked = !view.hiddenKinds.has(kind);
      checkbox.dataset.kind = kind;
      checkbox.addEventListener('change', () => {
        if (checkbox.checked) view.hiddenKinds.delete(kind);
        else view.hiddenKinds.add(kind);
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
  cy.nodes().forEach((node) => {
    const kind = node.data('kind') as string;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  ui.legend.querySelectorAll<HTMLElement>('.count').forEach((span) => {
    span.textContent = String(counts.get(span.dataset.kind ?? '') ?? 0);
  });
}

async function loadFiltered(): Promise<void> {
  setState('loading');
  try {
    const graph = answered((await graphql(ExplorerGraphDocument, { filter: filterInput() })).graph, 'graph');
    view.extended = false;
    clearSelection();
    draw(graph, { fresh: true });
    showDetailsPlaceholder();
    setState('ready');
  } catch (error) {
    failed(error);
  }
  updateDownloads();
}

/** Adds entities (and every relationship among what is then drawn) to the view. */
async function addToView(ids: string[], near?: string): Promise<void> {
  const drawn = cy.nodes().map((node) => node.id());
  const all = [...new Set([...drawn, ...ids])];
  const graph = answered((await graphql(ExplorerGraphDocument, { around: { ids: all, depth: 0 } })).graph, 'graph');
  view.extended = true;
  draw(graph, { fresh: drawn.length === 0, near });
  updateDownloads();
}

async function expandNeighbours(id: string): Promise<void> {
  setState('loading');
  try {
    const graph = answered((await graphql(ExplorerGraphDocument, { around: { ids: [id], depth: 1 } })).graph, 'graph');
    await addToView(
      graph.nodes.map((node) => node.entityId),
      id,
    );
    select(id);
    setState('ready');
  } catch (error) {
    failed(error);
  }
}

/** Selects a node: highlights it and its relationships, centres it, shows its details. */
function select(id: string): void {
  const node = cy.getElementById(id) as NodeSingular;
  if (node.empty()) return;
  clearSelection();
  node.select();
  node.connectedEdges().addClass('near');
  // Everything that is not the node or a neighbour steps back, so that its ties stand out.
  cy.elements().not(node.closedNeighborhood()).addClass('faded');
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
  view.selected = id;
  void showDetails(id);
}

function clearSelection(): void {
  cy.elements().unselect();
  cy.elements().removeClass('near faded');
}

function showDetailsPlaceholder(): void {
  view.selected = null;
  ui.details.replaceChildren(
    h('h2', { textContent: 'Details' }),
    h('p', {
      className: 'hint',
      textContent: 'Click an entity to see what it is, how it is related, and the sources that say so.',
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
      h(
        'li',
        {},
        h('blockquote', { textContent: citation.quote }),
        h('cite', {
          textContent: citedAs(citation),
        }),
      ),
    ),
  );
}

async function showDetails(id: string): Promise<void> {
  ui.details.dataset.state = 'loading';
  try {
    const { node: answer } = await graphql(ExplorerDetailsDocument, { id });
    if (view.selected !== id) return; // the user has clicked elsewhere meanwhile
    if (!answer || !('name' in answer)) throw new ApiError(`"${id}" is not an entity.`, undefined);
    const node: EntityDetails = answer;
    const kind = cy.getElementById(id).data('kind') as string | undefined;
    const expand = h('button', { type: 'button', className: 'expand', textContent: 'Show neighbours' });
    expand.addEventListener('click', () => void expandNeighbours(id));
    const relationships = node.relationships.edges.map((edge) => {
      const other = h('button', {
        type: 'button',
        className: 'link',
        textContent: edge.node.name,
        title: edge.node.nameEn,
      });
      other.addEventListener('click', () => void focus(edge.node.id));
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
    ui.details.replaceChildren(
      h('h2', { textContent: node.name }),
      h('p', {
        className: 'subtitle',
        textContent: [node.nameEn !== node.name ? node.nameEn : null, kind ? kindStyle(kind).label : node.__typename]
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
      h('h3', { textContent: 'Sources' }),
      node.sources.length
        ? citationList(node.sources, 'quotes node-sources')
        : h('p', { className: 'hint', textContent: 'No source quoted.' }),
      h('h3', { textContent: `Relationships (${node.relationships.totalCount})` }),
      h('ul', { className: 'relationships' }, ...relationships),
    );
    ui.details.dataset.state = 'ready';
  } catch (error) {
    ui.details.dataset.state = 'error';
    failed(error);
  }
}

/** Shows an entity: selects it where it is drawn, or adds it to the view first. */
async function focus(id: string): Promise<void> {
  if (cy.getElementById(id).empty()) {
    setState('loading');
    try {
      await addToView([id], view.selected ?? undefined);
      setState('ready');
    } catch (error) {
      failed(error);
      return;
    }
  }
  select(id);
}

let searchSerial = 0;
async function runSearch(text: string): Promise<void> {
  const serial = ++searchSerial;
  cy.nodes().removeClass('match');
  if (text.trim().length < 2) {
    ui.searchResults.replaceChildren();
    ui.searchResults.hidden = true;
    return;
  }
  try {
    const search = answered((await graphql(ExplorerSearchDocument, { query: text })).search, 'search');
    if (serial !== searchSerial) return; // a later keystroke has its own answer coming
    const hits = search.edges.map((edge) => edge.node);
    for (const hit of hits) cy.getElementById(hit.id).addClass('match');
    ui.searchResults.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { className: 'hint', textContent: `Nothing is called "${text}".` })]
        : hits.map((hit) => {
            const button = h('button', { type: 'button', textContent: hit.name, title: hit.nameEn });
            button.append(
              h('span', {
                className: 'hit-kind',
                textContent: cy.getElementById(hit.id).nonempty() ? hit.__typename : `${hit.__typename}, not drawn yet`,
              }),
            );
            button.addEventListener('click', () => {
              ui.searchResults.hidden = true;
              void focus(hit.id);
            });
            return h('li', {}, button);
          })),
    );
    ui.searchResults.hidden = false;
  } catch (error) {
    failed(error);
  }
}

let formats: ExportFormatInfo[] = [];

/** The current view as /export query parameters, or null when it is more than a filter. */
function exportQuery(): string | null {
  if (view.extended) return null;
  const filter = filterInput();
  const params = new URLSearchParams();
  if (filter.kinds) params.set('kinds', filter.kinds.join(','));
  if (filter.themes) params.set('themes', filter.themes.join(','));
  if (filter.regions) params.set('regions', filter.regions.join(','));
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
      body: JSON.stringify({ around: { ids: cy.nodes().map((node) => node.id()), depth: 0 } }),
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

function fillSelect(select: HTMLSelectElement, anyLabel: string, choices: Choice[]): void {
  select.replaceChildren(
    h('option', { textContent: anyLabel }),
    ...choices.map((choice) => {
      const option = h('option', { textContent: choice.nameEn });
      option.value = choice.slug;
      return option;
    }),
  );
  select.options[0]!.value = '';
}

async function start(): Promise<void> {
  buildLegend();
  showDetailsPlaceholder();
  cy.on('tap', 'node', (event) => select((event.target as NodeSingular).id()));
  cy.on('tap', (event) => {
    if (event.target === cy) {
      clearSelection();
      showDetailsPlaceholder();
    }
  });
  ui.theme.addEventListener('change', () => {
    view.theme = ui.theme.value;
    void loadFiltered();
  });
  ui.region.addEventListener('change', () => {
    view.region = ui.region.value;
    void loadFiltered();
  });
  ui.reset.addEventListener('click', () => void loadFiltered());
  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(ui.search.value), 250);
  });
  ui.search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      clearTimeout(timer);
      void runSearch(ui.search.value);
    } else if (event.key === 'Escape') {
      ui.searchResults.hidden = true;
    }
  });
  document.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('.search')) ui.searchResults.hidden = true;
  });
  try {
    const [choices, exportList] = await Promise.all([
      graphql(ExplorerChoicesDocument),
      fetch('/export').then((response) => response.json() as Promise<{ formats: ExportFormatInfo[] }>),
    ]);
    fillSelect(ui.theme, 'Any theme', answered(choices.themes, 'themes').nodes);
    fillSelect(ui.region, 'Any region', answered(choices.regions, 'regions').nodes);
    formats = exportList.formats;
  } catch (error) {
    failed(error);
    return;
  }
  await loadFiltered();
}

void start();
