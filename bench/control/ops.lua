-- wrk script for the control plane's /v1 API. One script; the operation and settings come after "--":
--   wrk -t1 -c<connections> -d<duration> -s ops.lua <base-url> -- <op> <token> <env-path> <rate> <connections> [flags]
-- op: seed | get | list | update | create
-- Paces each connection with wrk's delay() hook so the total stays near <rate-per-second>, and
-- prints p50/p95/p99 and the achieved rate in done().

local op, token, env, rate, conns, flags
local counter = 0

function init(args)
  op = args[1]
  token = args[2]
  env = args[3]
  rate = tonumber(args[4]) or 0
  conns = tonumber(args[5]) or 1
  flags = tonumber(args[6]) or 10000
  math.randomseed(os.time())
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

local function flag_json(key)
  return '{"key":"' .. key .. '","type":"boolean","enabled":true,"variations":[{"key":"off","value":false},{"key":"on","value":true}],"offVariation":"off","defaultVariation":"off","rules":[],"tags":["bench"]}'
end

function delay()
  if rate <= 0 then
    return 0
  end
  return math.floor(conns * 1000 / rate)
end

function request()
  -- run with -t1: one Lua state, so the counter is unique across the connections
  counter = counter + 1
  if op == "seed" then
    if counter > flags then
      return wrk.format("GET", "/live")
    end
    return wrk.format("POST", env .. "/flags", nil, flag_json("bench-" .. (counter - 1)))
  elseif op == "get" then
    return wrk.format("GET", env .. "/flags/bench-" .. math.random(0, flags - 1))
  elseif op == "list" then
    return wrk.format("GET", env .. "/flags?limit=50&prefix=bench-" .. math.random(0, 9))
  elseif op == "update" then
    -- each request patches a flag nobody patched before, so If-Match "1" is always current
    local body = '{"enabled":' .. ((counter % 2 == 0) and "true" or "false") .. "}"
    -- wrk.format uses the given headers instead of wrk.headers, so pass all of them
    local headers = { ["If-Match"] = '"1"' }
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    return wrk.format("PATCH", env .. "/flags/bench-" .. (counter - 1), headers, body)
  elseif op == "create" then
    return wrk.format("POST", env .. "/flags", nil, flag_json("new-" .. os.time() .. "-" .. counter))
  end
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rate=%.1f/s p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
