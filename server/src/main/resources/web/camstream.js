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

function startStreams() {
  for (const img of document.querySelectorAll("img[data-stream]")) {
    img.src = streamUrl(img.dataset.stream);
  }
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
  setInterval(() => refreshFigures(name), 2000);
  refreshEvents(name);
  setInterval(() => refreshEvents(name), 5000);
}

startStreams();
const single = document.querySelector("[data-camera]");
if (single) {
  startCameraPage(single.dataset.camera);
}
