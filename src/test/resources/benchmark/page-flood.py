#!/usr/bin/env python3
"""One client asking for the sign-in page again and again, without a cookie, as fast as it can.

    python3 page-flood.py SECONDS [BASE_URL]

Three connections; prints the pages answered. Each answer opens a session on the portal (Faces keeps
the page's views in it): watch the heap meanwhile with `jstat -gc PID`.
"""
import http.client, sys, threading, time, urllib.parse

seconds = float(sys.argv[1])
base = urllib.parse.urlsplit(sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8081")
answered = [0]


def client():
    connection = http.client.HTTPConnection(base.hostname, base.port)
    end = time.time() + seconds
    while time.time() < end:
        try:
            connection.request("GET", base.path.rstrip("/") + "/login/sign-in.xhtml")
            connection.getresponse().read()
            answered[0] += 1
        except (OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection(base.hostname, base.port)


threads = [threading.Thread(target=client) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("pages answered", answered[0])
