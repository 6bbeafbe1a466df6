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

function startStreams() {
  const query = streamQuery();
  for (const img of document.querySelectorAll("img[data-stream]")) {
    img.src = img.dataset.stream + query;
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
    const notice = document.getElementById("offline");
    notice.hidden = !offline;
    if (offline) {
      notice.textContent = "Camera offline: " + failure.message + ". Retrying…";
    }
  } catch (e) {
    text("state", "server unreachable");
  }
}

function startCameraPage(name) {
  document.getElementById("fullscreen").addEventListener("click", () => {
    document.getElementById("picture").requestFullscreen();
  });
  refreshFigures(name);
  setInterval(() => refreshFigures(name), 2000);
}

startStreams();
const single = document.querySelector("[data-camera]");
if (single) {
  startCameraPage(single.dataset.camera);
}
