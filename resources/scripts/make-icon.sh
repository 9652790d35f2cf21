#!/usr/bin/env bash
# Draws the app icon (a small three-layer network on a rounded tile) with ImageMagick,
# so the icon can be remade at another size instead of being scaled from a bitmap.
set -euo pipefail
out_dir="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/io/neuralworkbench/resources/icons"
mkdir -p "$out_dir"

layer_x=(64 128 192)
layer_ys=("88 168" "64 128 192" "96 160")
edges=""
nodes=""
for i in 0 1 2; do
  for y in ${layer_ys[$i]}; do
    nodes+="circle ${layer_x[$i]},$y $((layer_x[$i] + 17)),$y "
    if [ "$i" -lt 2 ]; then
      for next_y in ${layer_ys[$((i + 1))]}; do
        edges+="line ${layer_x[$i]},$y ${layer_x[$((i + 1))]},$next_y "
      done
    fi
  done
done

convert -size 256x256 xc:none \
  -fill '#1f3b5c' -draw 'roundrectangle 8,8 247,247 44,44' \
  -stroke '#7fb3e6' -strokewidth 5 -draw "$edges" \
  -stroke '#ffffff' -strokewidth 4 -fill '#f2a33a' -draw "$nodes" \
  "$out_dir/workbench-256.png"
convert "$out_dir/workbench-256.png" -resize 64x64 "$out_dir/workbench-64.png"
echo "Wrote $out_dir/workbench-256.png and workbench-64.png"
