// The explorer's view as data, and as the page's URL: every control writes here, and the URL
// (?view=supporters&theme=atmp&stage=STARTUP…) is rewritten after each change, so that a view can
// be shared, bookmarked and reloaded. Unknown or malformed parameters fall back to the defaults.

export const MODES = ['graph', 'supporters', 'path'] as const;
export const PROJECTIONS = ['FULL', 'ACTOR_NETWORK', 'ACTOR_INITIATIVE'] as const;
export const SIZE_METRICS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'pageRank', 'none'] as const;
export const COLOURINGS = ['kind', 'community', 'component', 'side'] as const;
export const LANGUAGES = ['local', 'en'] as const;
export const STAGES = ['IDEA', 'PRE_SEED', 'STARTUP', 'SCALE_UP', 'ESTABLISHED'] as const;

export type Mode = (typeof MODES)[number];
export type Projection = (typeof PROJECTIONS)[number];
export type SizeMetric = (typeof SIZE_METRICS)[number];
export type Colouring = (typeof COLOURINGS)[number];
export type Language = (typeof LANGUAGES)[number];

export interface ViewState {
  mode: Mode;
  /** Graph view: kinds left out, theme and region slugs, whether filters follow initiatives. */
  hiddenKinds: string[];
  theme: string;
  region: string;
  follow: boolean;
  projection: Projection;
  /** How nodes are sized and coloured, and in which language they are named. */
  size: SizeMetric;
  colour: Colouring;
  lang: Language;
  /** Relationship types not drawn. */
  hiddenEdgeTypes: string[];
  /** The selected entity (slug) and focus mode: 0 shows all, N hides what is over N steps away. */
  selected: string;
  focus: number;
  /** Supporters view. */
  supportTheme: string;
  supportStage: string;
  supportKinds: string[];
  /** Path view: slugs, and the longest path looked for. */
  from: string;
  to: string;
  maxHops: number;
}

export const DEFAULT_STATE: ViewState = {
  mode: 'graph',
  hiddenKinds: [],
  theme: '',
  region: '',
  follow: false,
  projection: 'FULL',
  size: 'degree',
  colour: 'kind',
  lang: 'local',
  hiddenEdgeTypes: [],
  selected: '',
  focus: 0,
  supportTheme: 'atmp',
  supportStage: 'STARTUP',
  supportKinds: [],
  from: '',
  to: '',
  maxHops: 4,
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

function integer(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  return {
    mode: oneOf(MODES, p.get('view'), d.mode),
    hiddenKinds: list(p.get('hide')),
    theme: p.get('theme') ?? d.theme,
    region: p.get('region') ?? d.region,
    follow: p.get('follow') === '1',
    projection: oneOf(PROJECTIONS, p.get('projection'), d.projection),
    size: oneOf(SIZE_METRICS, p.get('size'), d.size),
    colour: oneOf(COLOURINGS, p.get('colour'), d.colour),
    lang: oneOf(LANGUAGES, p.get('lang'), d.lang),
    hiddenEdgeTypes: list(p.get('hideEdges')),
    selected: p.get('node') ?? d.selected,
    focus: integer(p.get('focus'), 0, 5, d.focus),
    supportTheme: p.get('supportTheme') ?? d.supportTheme,
    supportStage: p.has('stage') ? oneOf(['', ...STAGES], p.get('stage'), '') : d.supportStage,
    supportKinds: list(p.get('kinds')),
    from: p.get('from') ?? d.from,
    to: p.get('to') ?? d.to,
    maxHops: integer(p.get('hops'), 1, 6, d.maxHops),
  };
}

/** The query string of a state: only what differs from the defaults, so links stay short. */
export function stateQuery(state: ViewState): string {
  const d = DEFAULT_STATE;
  const p = new URLSearchParams();
  const set = (key: string, value: string, fallback: string): void => {
    if (value !== fallback) p.set(key, value);
  };
  set('view', state.mode, d.mode);
  if (state.mode === 'graph') {
    set('hide', state.hiddenKinds.join(','), '');
    set('theme', state.theme, '');
    set('region', state.region, '');
    set('follow', state.follow ? '1' : '', '');
    set('projection', state.projection, d.projection);
  } else if (state.mode === 'supporters') {
    set('supportTheme', state.supportTheme, d.supportTheme);
    set('stage', state.supportStage, d.supportStage);
    set('kinds', state.supportKinds.join(','), '');
  } else {
    set('from', state.from, '');
    set('to', state.to, '');
    set('hops', String(state.maxHops), String(d.maxHops));
  }
  set('size', state.size, d.size);
  set('colour', state.colour, d.colour);
  set('lang', state.lang, d.lang);
  set('hideEdges', state.hiddenEdgeTypes.join(','), '');
  set('node', state.selected, '');
  set('focus', String(state.focus), String(d.focus));
  return p.toString();
}
