"""The color-inbox benchmark as a package: bench/benchmark.py is its command line (see cli.py).

common    logging, formatting, errors            procs     child processes, ports, HTTP probes
meters    CPU, memory, connections, GC, threads   lists     generated list files and output checks
apps      the jar (CDS), the loopback API, the app under test
runs      the run's shared state: apps by key, rows, one measured file
peers     the JDK HttpClient and aiohttp answers, on the same API
scenarios the scenarios                           report    the table (text and Markdown)
"""
