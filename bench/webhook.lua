-- wrk script for scripts/bench-webhook.sh: signed GitHub push deliveries, each with its own delivery id
-- (a repeated id would take the duplicate path). BODY and SIG come from the benchmark daemon.
local body = assert(io.open(os.getenv("BODY"), "rb")):read("*a")
local sig = os.getenv("SIG")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "GitHub-Hookshot/bench",
    ["X-GitHub-Event"] = "push",
    ["X-GitHub-Delivery"] = "wrk-" .. tid .. "-" .. n,
    ["X-Hub-Signature-256"] = sig,
  }, body)
end
