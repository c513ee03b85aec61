// The GraphiQL playground, bundled by esbuild (scripts/build-web.ts) and served by the API
// itself: no CDN, so it works offline. The README's example questions (docs/queries/) come with
// it: the first few open as tabs, and the "Example questions" pane lists them all.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
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

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
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
