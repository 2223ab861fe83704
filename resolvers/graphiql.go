package resolvers

import (
	"embed"
	"net/http"
	"path"
)

//go:embed graphiql/*.gz
var graphiqlAssets embed.FS

// graphiqlPage loads the embedded assets, so GraphiQL works with no network.
const graphiqlPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lattice GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script>
const fetcher = GraphiQL.createFetcher({url: '/graphql'});
const query = '# Lattice: ask the career graph.\n{\n  skillsMap(from: "it-support-specialist", to: "systems-administrator") {\n    overlap { skill { id name } }\n    gaps { skill { id name } level closedBy { name cost hours } }\n  }\n}\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {fetcher, defaultQuery: query}));
</script>
</body>
</html>
`

// graphiqlHandler serves GraphiQL at /graphiql and its gzipped assets under
// /graphiql/; the explorer (package web) has /.
func graphiqlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /graphiql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(graphiqlPage))
	})
	mux.HandleFunc("GET /graphiql/{file}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("file")
		b, err := graphiqlAssets.ReadFile(path.Join("graphiql", name+".gz"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if path.Ext(name) == ".css" {
			w.Header().Set("Content-Type", "text/css; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Cache-Control", "public, max-age=86400")
		w.Write(b)
	})
	return mux
}
