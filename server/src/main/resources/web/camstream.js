"use strict";

// Which of µStreamer's workarounds this browser needs: Chromium-based browsers draw a part only when the next
// part's headers arrive (https://bugs.chromium.org/p/chromium/issues/detail?id=527446), WebKit when the next
// part begins, so a paused camera would show a frame late or never.
function streamQuery() {
  const brands = (navigator.userAgentData && navigator.userAgentData.brands) || [];
  const ua = navigator.userAgent;
  if (brands.some(b => b.brand === "Chromium") || /Chrome\/|Chromium\/|Edg\//.test(ua)) {
    return "?advance_headers=1";
  }
  if (/AppleWebKit/.test(ua) && !/Firefox\//.test(ua)) {
    return "?dual_final_frames=1";
  }
  return "";
}

// Adds the browser's stream workarounds to a stream URL that may have a query already.
function streamUrl(url) {
  const query = streamQuery();
  return query === "" ? url : url + (url.includes("?") ? "&" : "?") + query.substring(1);
}

// A stream runs only while its tab is shown: a hidden tab closes it, so nothing is downloaded for nobody.
function startStreams() {
  const pictures = [...document.querySelectorAll("img[data-stream]")];
  const show = () => {
    for (const img of pictures) {
      if (document.hidden) {
        img.removeAttribute("src");
      } else if (!img.getAttribute("src")) {
        img.src = streamUrl(img.dataset.stream);
      }
    }
  };
  document.addEventListener("visibilitychange", show);
  show();
}

// The grid shows each camera as snapshots of a small variant rather than a live stream: over plain HTTP/1.1 a
// browser opens about six connections per host, so a page of more live streams than that leaves the others
// blank. Snapshots share GRID_REQUESTS connections: each tile has at most one request in flight and asks again
// TILE_PERIOD_MS after its last picture came (later when so many tiles are in view that the page would ask for more
// than GRID_RATE pictures a second, which bounds what one open page costs the server), the tile waiting longest goes
// first, and tiles that are off-screen or in a hidden tab ask for nothing. Two connections stay free for the page,
// the API and a click on a camera.
const GRID_REQUESTS = 4;
const GRID_RATE = 48;
const TILE_PERIOD_MS = 250;
const TILE_RETRY_MS = 2000;

// The smallest width the camera offers that fills the tile on this screen, else its largest; none: the picture.
// Each picture's URL is new (n=), since an <img> shows an address it has shown before from memory, unasked.
function tileUrl(img, n) {
  const offered = img.dataset.widths.split(" ").filter(w => w).map(Number);
  const wanted = img.clientWidth * (window.devicePixelRatio || 1);
  const width = offered.find(w => w >= wanted) || offered[offered.length - 1];
  return img.dataset.tile + (width ? "?width=" + width + "&" : "?") + "n=" + n;
}

function startGrid(images) {
  const tiles = images.map(img => ({img: img, visible: false, busy: false, due: 0, pictures: 0}));
  let running = 0;
  let timer = null;

  function waiting(now) {
    return tiles.filter(t => t.visible && !t.busy && t.due <= now);
  }

  function pump() {
    clearTimeout(timer);
    timer = null;
    if (document.hidden) {
      return;
    }
    const now = performance.now();
    for (const tile of waiting(now).sort((a, b) => a.due - b.due)) {
      if (running >= GRID_REQUESTS) {
        return;
      }
      refresh(tile);
    }
    const next = tiles.filter(t => t.visible && !t.busy).map(t => t.due);
    if (next.length > 0 && running < GRID_REQUESTS) {
      timer = setTimeout(pump, Math.max(0, Math.min(...next) - now));
    }
  }

  // The tile keeps showing its last picture until the next one has loaded: the next one loads in an element of its
  // own, which then takes the tile's place. (Chromium has an <img> given a new src at 0×0 until the new picture has
  // come.)
  function refresh(tile) {
    running++;
    tile.busy = true;
    const next = document.createElement("img");
    for (const attribute of tile.img.attributes) {
      if (attribute.name !== "src") {
        next.setAttribute(attribute.name, attribute.value);
      }
    }
    const done = shown => {
      running--;
      tile.busy = false;
      if (shown) {
        observer.unobserve(tile.img);
        tile.img.replaceWith(next);
        tile.img = next;
        observer.observe(next);
      }
      const inView = tiles.filter(t => t.visible).length;
      tile.due = performance.now() + (shown ? Math.max(TILE_PERIOD_MS, 1000 * inView / GRID_RATE) : TILE_RETRY_MS);
      pump();
    };
    next.onload = () => done(true);
    next.onerror = () => done(false);
    next.src = tileUrl(tile.img, ++tile.pictures);
  }

  // An element that has just left its tile may still have an entry on its way.
  const observer = new IntersectionObserver(entries => {
    for (const entry of entries) {
      const tile = tiles.find(t => t.img === entry.target);
      if (tile) {
        tile.visible = entry.isIntersecting;
      }
    }
    pump();
  });
  tiles.forEach(t => observer.observe(t.img));
  document.addEventListener("visibilitychange", pump);
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

async function refreshFigures(name) {
  try {
    const response = await fetch("/api/cameras/" + encodeURIComponent(name), {cache: "no-store"});
    const camera = await response.json();
    const failure = camera["last-error"];
    const offline = camera.capturing && !camera.online && failure !== null;
    text("state", !camera.capturing ? "idle" : camera.online ? "online" : offline ? "offline" : "starting");
    text("fps", camera.measured.fps.toFixed(1) + " fps (configured " + camera.configured.fps + ")");
    text("resolution", camera.measured.width + " × " + camera.measured.height);
    text("viewers", camera.viewers.count);
    text("driver", camera.driver);
    const recording = camera.recording;
    text("recording", recording.state === "stopped" ? "stopped: " + recording["stopped-because"]
        : recording.mode === "off" ? (recording.timelapse ? "timelapse" : "off") : recording.mode + ", " + recording.state);
    document.getElementById("events").hidden = !camera.motion.enabled;
    const notice = document.getElementById("offline");
    notice.hidden = !offline;
    if (offline) {
      notice.textContent = "Camera offline: " + failure.message + ". Retrying…";
    }
  } catch (e) {
    text("state", "server unreachable");
  }
}

function describeEvent(event) {
  const start = new Date(event.start);
  const length = event["duration-seconds"] === null ? "going on" : event["duration-seconds"].toFixed(1) + " s";
  return start.toLocaleString() + " · " + length;
}

// Plays an event's recording in the page's player, through the same kind of stream as the live picture.
function playEvent(event) {
  const player = document.getElementById("player");
  const playback = document.getElementById("playback");
  player.hidden = false;
  playback.src = streamUrl(event.recording.stream);
  text("playing", "Event " + event.id + ": " + describeEvent(event));
  document.getElementById("export").href = event.recording.export;
}

function closePlayer() {
  const playback = document.getElementById("playback");
  playback.removeAttribute("src");
  document.getElementById("player").hidden = true;
}

function eventItem(event) {
  const item = document.createElement("li");
  item.dataset.event = event.id;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "event";
  const thumbnail = document.createElement("img");
  thumbnail.src = event.thumbnail;
  thumbnail.alt = "Event " + event.id;
  thumbnail.loading = "lazy";
  const caption = document.createElement("span");
  caption.textContent = describeEvent(event) + (event.recording === null ? " · not recorded" : "");
  button.append(thumbnail, caption);
  button.disabled = event.recording === null;
  button.addEventListener("click", () => playEvent(event));
  item.append(button);
  return item;
}

async function refreshEvents(name) {
  try {
    const response = await fetch("/api/cameras/" + encodeURIComponent(name) + "/events?limit=24", {cache: "no-store"});
    const page = await response.json();
    document.getElementById("event-list").replaceChildren(...page.events.map(eventItem));
  } catch (e) {
    // the figures say when the server is unreachable
  }
}

function startCameraPage(name) {
  document.getElementById("fullscreen").addEventListener("click", () => {
    document.getElementById("picture").requestFullscreen();
  });
  document.getElementById("close-player").addEventListener("click", closePlayer);
  refreshFigures(name);
  // A hidden tab asks for nothing.
  setInterval(() => {
    if (!document.hidden) {
      refreshFigures(name);
    }
  }, 2000);
  refreshEvents(name);
  setInterval(() => {
    if (!document.hidden) {
      refreshEvents(name);
    }
  }, 5000);
}

startStreams();
const gridTiles = [...document.querySelectorAll("img[data-tile]")];
if (gridTiles.length > 0) {
  startGrid(gridTiles);
}
const single = document.querySelector("[data-camera]");
if (single) {
  startCameraPage(single.dataset.camera);
}
