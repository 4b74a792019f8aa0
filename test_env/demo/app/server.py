# Sample app of `make demo` and EndToEndIT: answers every GET with the deployed commit id.
import http.server, os, sys

COMMIT = os.environ.get("COMMIT", "unknown")
PORT = int(os.environ.get("PORT", "8000"))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (COMMIT + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print("request: " + fmt % args, flush=True)


print("demo app serving commit %s on port %d" % (COMMIT, PORT), flush=True)
sys.stdout.flush()
http.server.ThreadingHTTPServer(("0.0.0.0", PORT), Handler).serve_forever()
