import type { GraphNodeKind } from '../generated/graphql';

/**
 * How each kind of node looks: a readable name (Kumu's Type column, the explorer's legend) and a
 * colour (GEXF viz:color, the graphology export for sigma.js, the explorer). Shared by the server
 * and the browser bundle, so it imports nothing but types.
 */
export interface KindStyle {
  label: string;
  color: string;
}

/** Colours chosen to stay apart from each other on white: organisations warm and varied, the taxonomy grey-blue. */
export const KIND_STYLES: Record<GraphNodeKind, KindStyle> = {
  UNIVERSITY: { label: 'University', color: '#1f77b4' },
  HOSPITAL: { label: 'Hospital', color: '#d62728' },
  SCIENCE_PARK: { label: 'Science park', color: '#2ca02c' },
  INCUBATOR: { label: 'Incubator', color: '#ff7f0e' },
  INNOVATION_OFFICE: { label: 'Innovation office', color: '#9467bd' },
  INVESTOR: { label: 'Investor', color: '#8c564b' },
  RESEARCH_INFRASTRUCTURE: { label: 'Research infrastructure', color: '#e377c2' },
  PUBLIC_BODY: { label: 'Public body', color: '#17becf' },
  NETWORK: { label: 'Network', color: '#bcbd22' },
  COMPANY: { label: 'Company', color: '#393b79' },
  FOUNDATION: { label: 'Foundation', color: '#637939' },
  INITIATIVE: { label: 'Initiative', color: '#e7969c' },
  STRATEGY: { label: 'Strategy', color: '#843c39' },
  PRIORITY: { label: 'Priority', color: '#d6616b' },
  THEME: { label: 'Theme', color: '#6baed6' },
  STAGE: { label: 'Company stage', color: '#fd8d3c' },
  REGION: { label: 'Region', color: '#969696' },
};

/** The style of a kind; a kind this table lacks (newer data) is drawn grey under its own name. */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind as GraphNodeKind] ?? { label: kind, color: '#7f7f7f' };
}
