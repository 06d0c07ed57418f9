-- wrk script: posts the gated benchmark form with a new address each time (the anti-spam fields come from the page,
-- fetched once by form-submit.sh). Counts answers other than 303 (thank-you redirect) and prints them at the end.
local counter = 0
local failures = {}
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  stamp = args[2]
  cookie = args[3]
  path = args[4]
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local email = "load-" .. thread_id .. "-" .. counter .. "@example.com"
  local body = "__RequestVerificationToken=" .. encode(token) .. "&form_stamp=" .. encode(stamp)
    .. "&email=" .. encode(email) .. "&first_name=Load&company=Bench&project_stage=consideration&consent=true"
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36" }, body)
end

function response(status, headers, body)
  if status ~= 303 then
    failures[status] = (failures[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d requests, %.0f req/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("non-2xx/3xx answers: %d\n", summary.errors.status))
end
