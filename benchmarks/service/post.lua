-- wrk script: POSTs the JSON bodies of a file (one per line) to one path, in turn, each thread from its own start.
--   wrk -t2 -c50 -d60s --latency -s benchmarks/service/post.lua http://127.0.0.1:PORT -- PATH BODIES
-- Counts answers by status and prints them at the end, so a run with any answer other than 200 is visible.
local bodies = {}
local path
local index = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then
      table.insert(bodies, line)
    end
  end
  statuses = {}
  index = math.random(#bodies)
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, bodies[index])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do
      total[k] = (total[k] or 0) + v
    end
  end
  for k, v in pairs(total) do
    io.write(string.format("status %d: %d\n", k, v))
  end
  io.write(string.format("p50_ms %.3f p90_ms %.3f p99_ms %.3f p999_ms %.3f max_ms %.3f requests %d errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
