-- wrk script: POST the body in $BODY with the headers a door needs, and those in $EXTRA_HEADERS
-- ("Name: value" pairs separated by ";"), such as the 2026-07-28 era's mirrored headers.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("CB_KEY")
for pair in string.gmatch(os.getenv("EXTRA_HEADERS") or "", "[^;]+") do
  local name, value = string.match(pair, "^%s*([^:]+):%s*(.-)%s*$")
  if name then
    wrk.headers[name] = value
  end
end
