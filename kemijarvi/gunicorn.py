"""gunicorn settings for production (`make serve`; README: Production start).

Sized for a 2-CPU server: three worker processes (2 × CPUs − 1, leaving room
for the database and the report worker) with four threads each, so a slow
request (a large export, a draft PDF preview) does not hold up the others.
Every value can be changed with the environment variable named beside it.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(
    os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count() * 2 - 1))
)
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# The slowest request is a draft report's PDF preview of a large city (about
# 20 s on a slow server); published PDFs are made by the background worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
# Longer than the idle timeout of the proxy in front (nginx and most load
# balancers: 60 s) and a reader's pause: a kept-alive connection closed by the
# server just as the next request arrives is reset, an error for that request
# (seen by bench/load.py with the old 5 s). Idle connections cost no thread.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# Recycle workers now and then so that a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
