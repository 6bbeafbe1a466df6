#!/usr/bin/env bash
# A stand-in for rpicam-vid, for tests on machines without a Raspberry Pi camera.
#
# Like the real one it writes JPEGs back to back on stdout at --framerate, logs to stderr, and exits 0 on SIGINT.
# It refuses a command line without the arguments camstream relies on, records the arguments of each run in
# runs/<pid>.args beside itself, and plays the JPEG files of frames/ beside itself in a loop.
#
# FAKE_RPICAM_MODE, or else the first line of the file "mode" beside it (read at each start), makes it misbehave:
#   normal          the default
#   die-after N     after N frames, write half a frame and an error on stderr, and exit with code 3
#   hang-after N    after N frames, write nothing more and ignore SIGINT, like a driver stuck in the kernel
#   garbage         write text between frames
#   stderr-flood    write 64 KiB to stderr before every frame
set -u
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/runs"
printf '%s\n' "$@" > "$here/runs/$$.args"

all=" $* "
for required in "-t 0" "-n" "--codec mjpeg" "--flush" "-o -"; do
    if [[ "$all" != *" $required "* ]]; then
        echo "ERROR: *** fake rpicam-vid: '$required' missing from: $* ***" >&2
        exit 1
    fi
done
fps=30
while [[ $# -gt 0 ]]; do
    case "$1" in
        --framerate) fps="$2"; shift 2 ;;
        *) shift ;;
    esac
done
interval="$(awk -v fps="$fps" 'BEGIN { printf "%.4f", 1 / fps }')"

mode="${FAKE_RPICAM_MODE:-$(head -n 1 "$here/mode" 2>/dev/null || true)}"
read -r kind count <<< "${mode:-normal}"
count="${count:-0}"

trap 'echo "fake rpicam-vid: interrupted, exiting" >&2; exit 0' INT
echo "[0:00:00.000000001] [$$]  INFO Camera camera_manager.cpp:330 libcamera v0.0.0+fake ($kind)" >&2

frames=("$here"/frames/*.jpg)
n=0
while :; do
    for frame in "${frames[@]}"; do
        if [[ "$kind" == die-after && "$n" -ge "$count" ]]; then
            head -c 300 "$frame"
            echo "ERROR: *** fake rpicam-vid: camera unplugged ***" >&2
            exit 3
        fi
        if [[ "$kind" == hang-after && "$n" -ge "$count" ]]; then
            trap '' INT
            echo "fake rpicam-vid: hanging" >&2
            sleep 3600 & wait $!
        fi
        if [[ "$kind" == garbage ]]; then
            printf 'garbage between frames %d\n' "$n"
        fi
        if [[ "$kind" == stderr-flood ]]; then
            yes "fake rpicam-vid: flooding stderr" | head -c 65536 >&2
        fi
        # The real one ends when its output pipe breaks; so does this.
        cat "$frame" || exit 141
        n=$((n + 1))
        echo "#$n ($fps fps) exp 20000.00 ag 1.00 dg 1.00" >&2
        sleep "$interval" & wait $!
    done
done
