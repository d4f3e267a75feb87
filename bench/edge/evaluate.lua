-- wrk script: POST /evaluate for random flags and contexts.
--   wrk -t2 -c64 -d30s --latency -s bench/edge/evaluate.lua http://127.0.0.1:18090 -- <sdk token> [env] [flags]
-- Requests are pre-built in init() (POOL per thread), so picking one costs wrk almost nothing.
local POOL = 4096
local requests = {}
local countries = {"NL", "BE", "DE", "FR", "US", "GB", "ES", "IT", "SE", "PL"}
local plans = {"free", "pro", "enterprise"}

function init(args)
  local token = args[1]
  local env = args[2] or "prod"
  local flags = tonumber(args[3] or "1000")
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  for i = 1, POOL do
    local user = math.random(0, 99999)
    local context = string.format(
      '{"key":"u%d","country":"%s","plan":"%s","appVersion":"%d.%d.%d","email":"u%d@%s"}',
      user, countries[math.random(#countries)], plans[math.random(#plans)],
      math.random(1, 3), math.random(0, 9), math.random(0, 20),
      user, (math.random(4) == 1) and "example.com" or "mail.test")
    local body = string.format('{"envKey":"%s","flagKey":"flag-%d","context":%s,"default":null}',
      env, math.random(0, flags - 1), context)
    requests[i] = wrk.format("POST", "/evaluate", headers, body)
  end
end

function request()
  return requests[math.random(POOL)]
end
