-- wrk script: one registration per request (POST JSON), a unique email per request (run + thread + counter),
-- spread over the events in MADANG_EVENTS (comma-separated ids), with the dev token issuer's HQ token.
-- See deploy/bench/README.md for the command; the bench runs the same one beside its own closed loop.
local token = os.getenv("MADANG_TOKEN") or error("MADANG_TOKEN: a token from the dev token issuer")
local list = os.getenv("MADANG_EVENTS") or error("MADANG_EVENTS: comma-separated open event ids")
local events = {}
for id in string.gmatch(list, "[^,]+") do events[#events + 1] = id end
local run = os.getenv("MADANG_RUN") or tostring(os.time())
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local event = events[(counter % #events) + 1]
  local body = string.format('{"name":"김벤치","email":"wrk%s-%d-%d@bench.madang.test",'
    .. '"organisation":"제주특별자치도","jobTitle":"주무관","attendeeType":"GENERAL","language":"ko",'
    .. '"consent":{"accepted":true,"policyVersion":"2023-01"}}', run, tid or 0, counter)
  return wrk.format("POST", "/api/events/" .. event .. "/registrations", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("wrk registrations: %d requests, %.1f/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
