"""The benchmark's Python peer: the usual Python answer to "call an API once per item, all at once" --
one aiohttp ClientSession with an unlimited connector and asyncio.gather over every item.

Runs ROUNDS times with the same session: round 1 is the cold one (new connections), later rounds reuse
the kept-alive connections. LIMIT 0 = unlimited connector (TCPConnector(limit=0)); otherwise at most
LIMIT connections (needed for 20,000 items: one socket each would pass the open-files limit).

    python3 bench/aiohttp_peer.py URL_TEMPLATE NAMES_FILE ROUNDS [LIMIT]

(URL_TEMPLATE contains {color}; NAMES_FILE has one item per line.) Prints one line per round.
Needs aiohttp (Debian: python3-aiohttp); the benchmark checks that before it runs this.
"""

import asyncio
import sys
import time
from urllib.parse import quote

import aiohttp
from yarl import URL


async def fetch(session: aiohttp.ClientSession, url: URL):
    async with session.get(url) as response:
        return response.status, await response.json()


async def main(template: str, names: list[str], rounds: int, limit: int) -> None:
    urls = [URL(template.replace("{color}", quote(n, safe="")), encoded=True) for n in names]
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit)) as session:
        for r in range(1, rounds + 1):
            t0 = time.monotonic()
            results = await asyncio.gather(*(fetch(session, u) for u in urls))
            wall = time.monotonic() - t0
            ok = sum(1 for status, _ in results if status == 200)
            print(f"round {r}: {len(urls)} items, {ok} ok, wall {wall:.4f} s, started {round(t0 * 1e9)} ns", flush=True)


if __name__ == "__main__":
    with open(sys.argv[2], encoding="utf-8") as f:
        items = [line.rstrip("\n") for line in f if line.strip()]
    asyncio.run(main(sys.argv[1], items, int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 0))
