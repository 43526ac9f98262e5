#!/usr/bin/env python3
"""SSE sessions for the benchmark (Python's standard library only).

  sse.py session BASE KEY   open one MCP session on /sse, initialize it, print its /message path,
                            then read (and drop) every event until stdin closes
  sse.py hold BASE KEY N    open N SSE streams, print "open N" once each has its endpoint, hold
                            them until stdin closes
"""
import asyncio
import json
import sys
import urllib.request
from urllib.parse import urlsplit


async def open_stream(host, port, key):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write((f"GET /sse HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
                  f"Authorization: Bearer {key}\r\n\r\n").encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError(f"/sse answered {status!r}")
    while True:  # the endpoint event carries the session's /message path
        line = (await reader.readline()).decode().strip()
        if line.startswith("data:") and "sessionId=" in line:
            return reader, writer, line[5:].strip()


def post(base, key, path, message):
    request = urllib.request.Request(base + path, data=json.dumps(message).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


async def drain(reader):
    while await reader.read(65536):
        pass


async def wait_for_stdin():
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


async def session(base, key):
    url = urlsplit(base)
    reader, writer, path = await open_stream(url.hostname, url.port, key)
    post(base, key, path, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "benchmark", "version": "1"}}})
    post(base, key, path, {"jsonrpc": "2.0", "method": "notifications/initialized"})
    print(path, flush=True)
    drainer = asyncio.create_task(drain(reader))
    await wait_for_stdin()
    drainer.cancel()
    writer.close()


async def hold(base, key, count):
    url = urlsplit(base)
    streams = []
    for start in range(0, count, 100):  # in batches, so that the server is not hit by all at once
        streams += await asyncio.gather(*(open_stream(url.hostname, url.port, key)
                                          for _ in range(start, min(count, start + 100))))
    drainers = [asyncio.create_task(drain(reader)) for reader, _, _ in streams]
    print(f"open {len(streams)}", flush=True)
    await wait_for_stdin()
    for task in drainers:
        task.cancel()
    for _, writer, _ in streams:
        writer.close()


if __name__ == "__main__":
    mode, base, key = sys.argv[1:4]
    if mode == "session":
        asyncio.run(session(base, key))
    else:
        asyncio.run(hold(base, key, int(sys.argv[4])))
