// The GraphiQL playground, bundled by esbuild (scripts/build-web.ts) and served by the API
// itself: no CDN, so it works offline.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

const defaultQuery = `# Welcome to medicon-graph: the Medicon Valley life-science ecosystem as a graph.
# Press the run button (or Ctrl-Enter); open the docs on the left to explore the schema.
# More examples: docs/queries/ in the repository.
{
  supporters(theme: "ATMP", stage: STARTUP, first: 10) {
    totalCount
    edges {
      node { __typename name nameEn }
      supportTypes
      evidence {
        hops { from { name } type to { name } sources { document quote } }
      }
    }
  }
  actors(first: 5) {
    totalCount
    nodes {
      __typename
      name
      nameEn
      relationships(first: 3) {
        totalCount
        edges { type direction node { name } sources { quote source { title } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
const container = document.getElementById('graphiql');
if (!container) throw new Error('The page has no #graphiql element.');
createRoot(container).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
