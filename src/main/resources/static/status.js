// The status page: polls /api/status once a second and draws it. Every value from the server is put
// into the page with textContent or an attribute, never as HTML: a list named
// "<img src=x onerror=alert(1)>.txt" shows as that text.
"use strict";

(function () {
  const POLL_MS = 1000;
  const KEY_STORE = "color-inbox.api-key";
  const $ = (id) => document.getElementById(id);

  function apiKey() {
    return sessionStorage.getItem(KEY_STORE);
  }

  function headers() {
    const key = apiKey();
    return key ? { "X-Api-Key": key } : {};
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const rateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

  function duration(ms) {
    if (ms === undefined || ms === null) return "–";
    const s = ms / 1000;
    if (s < 10) return s.toFixed(2) + " s";
    if (s < 120) return Math.round(s) + " s";
    const m = Math.floor(s / 60);
    if (m < 120) return m + " min " + Math.round(s % 60) + " s";
    return Math.floor(m / 60) + " h " + (m % 60) + " min";
  }

  function eta(seconds) {
    return seconds === undefined || seconds === null ? "–" : duration(seconds * 1000);
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : "";
  }

  function nameCell(list) {
    const td = el("td", "name");
    td.appendChild(el("span", "list-name", list.name));
    td.appendChild(el("span", "origin", list.origin));
    if (list.error) {
      td.appendChild(el("span", "error", list.error + (list.where ? " (" + list.where + ")" : "")));
    }
    return td;
  }

  function progressBar(done, total, estimated) {
    const bar = el("div", "bar" + (estimated ? " estimated" : ""));
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuenow", String(done));
    if (total !== undefined && total !== null) bar.setAttribute("aria-valuemax", String(total));
    const fill = el("div", "fill");
    const share = total ? Math.min(1, done / total) : 0;
    fill.style.width = (share * 100).toFixed(1) + "%";
    bar.appendChild(fill);
    return bar;
  }

  function runningRow(list) {
    const tr = el("tr");
    tr.dataset.id = list.id;
    tr.appendChild(nameCell(list));
    const progress = el("td");
    progress.appendChild(progressBar(list.done, list.total, list.totalEstimated));
    tr.appendChild(progress);
    const total = list.total === undefined || list.total === null ? "?" : (list.totalEstimated ? "~" : "") + number.format(list.total);
    tr.appendChild(el("td", "num done-total", number.format(list.done) + " / " + total));
    tr.appendChild(el("td", "num" + (list.failed > 0 ? " failed-some" : ""), number.format(list.failed)));
    tr.appendChild(el("td", "num reused", number.format(list.reused || 0)));
    tr.appendChild(el("td", "num", list.state === "queued" ? "queued" : rateFormat.format(list.itemsPerSecond)));
    tr.appendChild(el("td", "num", eta(list.etaSeconds)));
    tr.appendChild(el("td", "num", duration(list.durationMs)));
    return tr;
  }

  function download(event) {
    // with an API key the browser cannot send the header on a plain link: fetch it and save the blob
    if (!apiKey()) return;
    event.preventDefault();
    const link = event.currentTarget;
    fetch(link.href, { headers: headers() })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error("HTTP " + r.status))))
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const save = el("a");
        save.href = url;
        save.download = link.getAttribute("download") || "result.json";
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      })
      .catch((e) => alert("Download failed: " + e.message));
  }

  function finishedRow(list) {
    const tr = el("tr");
    tr.dataset.id = list.id;
    tr.appendChild(nameCell(list));
    tr.appendChild(el("td", "state-" + list.state, list.state));
    tr.appendChild(el("td", "num", number.format(list.total || 0)));
    tr.appendChild(el("td", "num", number.format(list.succeeded)));
    tr.appendChild(el("td", "num" + (list.failed > 0 ? " failed-some" : ""), number.format(list.failed)));
    tr.appendChild(el("td", "num reused", number.format(list.reused || 0)));
    tr.appendChild(el("td", "num", duration(list.durationMs)));
    tr.appendChild(el("td", "when", time(list.finishedAt)));
    const out = el("td");
    if (list.resultUrl) {
      const a = el("a", "download", list.output || "result.json");
      // the link is built from the list's id only: the server answers it with that list's output, nothing else
      a.href = "api/lists/" + encodeURIComponent(list.id) + "/result";
      a.setAttribute("download", list.output || "result.json");
      a.addEventListener("click", download);
      out.appendChild(a);
    }
    tr.appendChild(out);
    return tr;
  }

  const drawn = {};

  function fill(tableId, emptyId, rows, makeRow) {
    // redrawn only when something changed: a finished row stays put (its link, a selection) between polls
    const signature = JSON.stringify(rows);
    if (drawn[tableId] === signature) return;
    drawn[tableId] = signature;
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...rows.map(makeRow));
    $(tableId).hidden = rows.length === 0;
    $(emptyId).hidden = rows.length !== 0;
  }

  function drawChart(samples) {
    const canvas = $("chart");
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext("2d");
    g.scale(ratio, ratio);
    g.clearRect(0, 0, width, height);
    const left = 52, right = 10, top = 12, bottom = 22;
    const plotW = width - left - right, plotH = height - top - bottom;
    const span = 300;
    const max = Math.max(10, ...samples);
    // four grid steps of a round size (1, 2, 2.5 or 5 times a power of ten): every label is exact
    const tick = niceStep(max / 4);
    const scale = 4 * tick;
    g.font = "11px system-ui, sans-serif";
    g.fillStyle = "#667085";
    g.strokeStyle = "#e4e7ec";
    g.lineWidth = 1;
    for (let i = 0; i <= 4; i++) {
      const y = top + plotH - (plotH * i) / 4;
      g.beginPath();
      g.moveTo(left, Math.round(y) + 0.5);
      g.lineTo(left + plotW, Math.round(y) + 0.5);
      g.stroke();
      g.textAlign = "right";
      g.fillText(rateFormat.format(tick * i), left - 6, y + 4);
    }
    g.textAlign = "center";
    for (let m = 0; m <= 5; m++) {
      const x = left + plotW - (plotW * m * 60) / span;
      g.fillText(m === 0 ? "now" : "-" + m + " min", x, height - 6);
    }
    if (samples.length === 0) return;
    // the curve stays inside the plot: no sample below zero, and round joins (a sharp dip's miter would poke
    // through the axis)
    g.save();
    g.beginPath();
    g.rect(left, top, plotW, plotH);
    g.clip();
    g.lineJoin = "round";
    samples = samples.map((v) => Math.max(0, v));
    const step = plotW / span;
    const x0 = left + plotW - samples.length * step;
    g.beginPath();
    g.moveTo(x0, top + plotH);
    samples.forEach((v, i) => g.lineTo(x0 + (i + 1) * step, top + plotH - (plotH * v) / scale));
    g.lineTo(x0 + samples.length * step, top + plotH);
    g.closePath();
    g.fillStyle = "rgba(53, 99, 233, 0.15)";
    g.fill();
    g.beginPath();
    samples.forEach((v, i) => {
      const x = x0 + (i + 1) * step, y = top + plotH - (plotH * v) / scale;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.strokeStyle = "#3563e9";
    g.lineWidth = 1.5;
    g.stroke();
    g.restore();
  }

  function niceStep(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function render(s) {
    $("node").textContent = s.node ? "node " + s.node : "";
    $("in-flight").textContent = number.format(s.inFlight);
    $("bound").textContent = number.format(s.concurrency);
    $("in-flight-bar").style.width = Math.min(100, (100 * s.inFlight) / s.concurrency).toFixed(1) + "%";
    $("bound-kind").textContent = s.adaptive ? "bound: auto, finding the API's capacity" : "bound: fixed";
    $("api-pause").textContent = s.apiPausedForMs > 0
      ? "· paused by the API (Retry-After): " + rateFormat.format(s.apiPausedForMs / 1000) + " s left" : "";
    const recent = s.itemsPerSecond.slice(-5);
    const now = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
    $("rate-now").textContent = rateFormat.format(now);
    const reused = s.itemsReused + s.itemsFromCache;
    $("items-done").textContent = number.format(s.itemsDone) + " items done since the start"
      + (reused > 0 ? " · " + number.format(reused) + " without a call (" + number.format(s.itemsReused)
        + " repeats, " + number.format(s.itemsFromCache) + " from the cache)" : "");
    $("lists-in-progress").textContent = number.format(s.listsInProgress);
    $("http-in-progress").textContent = number.format(s.httpListsInProgress);
    $("http-max").textContent = number.format(s.httpMaxLists);
    fill("running", "running-empty", s.inProgress, runningRow);
    fill("finished", "finished-empty", s.finished, finishedRow);
    drawChart(s.itemsPerSecond);
  }

  function setLive(ok, text) {
    const live = $("live");
    live.className = "live " + (ok ? "ok" : "down");
    live.textContent = text;
  }

  let timer = null;

  function poll() {
    fetch("api/status", { headers: headers(), cache: "no-store" })
      .then((r) => {
        if (r.status === 401) {
          $("key-form").hidden = false;
          setLive(false, "API key needed");
          return null;
        }
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then((s) => {
        if (s) {
          $("key-form").hidden = true;
          render(s);
          setLive(true, "live · " + new Date(s.now).toLocaleTimeString());
        }
      })
      .catch((e) => setLive(false, "not reachable (" + e.message + "), retrying"))
      .finally(() => {
        timer = setTimeout(poll, POLL_MS);
      });
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORE, $("key").value);
    $("key").value = "";
    clearTimeout(timer);
    poll();
  });

  poll();
})();
