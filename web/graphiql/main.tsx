// The GraphiQL playground, bundled by esbuild (scripts/build-web.ts) and served by the API
// itself: no CDN, so it works offline. The README's example questions (docs/queries/) come with
// it: the first few open as tabs, and the "Example questions" pane lists them all.
import { createGraphiQLFetcher, type Fetcher, type FetcherParams } from '@graphiql/toolkit';
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

// Short lines: the editor's toolbar sits over the right edge of the query editor.
const defaultQuery = `# Welcome to medicon-graph: the Medicon Valley
# life-science ecosystem as a graph.
#
# Run a query with the ▶ button (or Ctrl-Enter).
# The docs (book icon, left) describe the schema;
# the list icon opens the README's example
# questions, each in a new tab.
{
  supporters(theme: "ATMP", stage: STARTUP, first: 10) {
    totalCount
    edges {
      node { __typename name nameEn }
      supportTypes
      evidence {
        hops {
          from { name }
          type
          to { name }
          sources { document quote }
        }
      }
    }
  }
}
`;

/** How many of the README's questions open as tabs on a first visit (the rest are in the pane). */
const TABS = 4;

function ExampleIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M4 6h16M4 12h16M4 18h10" />
    </svg>
  );
}

function ExampleQuestions() {
  const editor = useEditorContext();
  const open = (query: string) => {
    if (!editor) return;
    editor.addTab();
    // The new tab takes the editor on the next render; its text is set after that.
    setTimeout(() => {
      editor.queryEditor?.setValue(query);
    }, 0);
  };
  return (
    <div className="example-questions">
      <div className="graphiql-doc-explorer-title">Example questions</div>
      <p>From the README: each opens in a new tab, with its source and expected answer.</p>
      <ul>
        {EXAMPLE_QUESTIONS.map((example) => (
          <li key={example.file}>
            <button
              type="button"
              className="graphiql-un-styled"
              title={example.file}
              onClick={() => open(example.query)}
            >
              {example.question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: 'Example questions', icon: ExampleIcon, content: ExampleQuestions };

const sendToApi = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

/**
 * GraphiQL keeps a tab's operation name when its text is replaced by an anonymous operation, and
 * the API then refuses the request ("Unknown operation named ..."). Drop a name the document does
 * not define; a document that does not parse goes as it is, for the API to explain.
 */
function withDefinedOperationName(params: FetcherParams): FetcherParams {
  if (!params.operationName) return params;
  try {
    const names = parse(params.query).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    );
    return names.includes(params.operationName) ? params : { ...params, operationName: null };
  } catch {
    return params;
  }
}

const fetcher: Fetcher = (params, options) => sendToApi(withDefinedOperationName(params), options);
const container = document.getElementById('graphiql');
if (!container) throw new Error('The page has no #graphiql element.');
createRoot(container).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={defaultQuery}
    defaultTabs={[
      { query: defaultQuery },
      ...EXAMPLE_QUESTIONS.slice(0, TABS).map((example) => ({ query: example.query })),
    ]}
    plugins={[examplesPlugin]}
  />,
);
