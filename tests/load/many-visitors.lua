-- Many visitors with their own cookies, as real traffic is: each request is one of 2,000 consenting visitors.
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local ids = {}
math.randomseed(7)
for i = 1, 2000 do
  local t = {}
  for j = 1, 22 do
    local k = math.random(1, #chars)
    t[j] = chars:sub(k, k)
  end
  ids[i] = table.concat(t)
end
request = function()
  local id = ids[math.random(1, #ids)]
  wrk.headers["Cookie"] = "journey-consent=granted; journey-vid=" .. id
  wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"
  return wrk.format(nil, wrk.path)
end
