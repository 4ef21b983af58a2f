#!/usr/bin/env bash
# Everything one call of the lent GPU machine should measure, written under $OUT (docs/gpu.md, "Checks on a
# lent GPU"). Needs .gpu/gpu.txz from tools/gpu/pack.sh, carried with the device tool (carry: [".gpu"]).
#   1. CUDA parity on golden fixture A (float32; then bfloat16, reported against a loose bound)
#   2. the demo on CUDA, compared with the CPU baseline results/baselines/demo.json
#   3. generation speed of the real-size xGen-MM v1.5 architecture (random weights, bf16, MMBench shapes)
# Each step runs even if an earlier one failed; $OUT/summary.txt says how each ended.
set -u
OUT=${OUT:-out/device}
mkdir -p "$OUT"
tar xJf .gpu/gpu.txz -C .gpu
export LD_LIBRARY_PATH=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")')
X=.gpu/gpu/xgen-eval
PERF=.gpu/gpu/xgen-eval-perf
step() { local name=$1; shift; local start=$SECONDS; "$@"; echo "$name: exit $? in $((SECONDS - start)) s" | tee -a "$OUT/summary.txt"; }

nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1

A=tests/Model.Tests/TestData/xgenmm-tiny/A_base
PROMPT=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['prompt_text'])" "$A/meta.json")
parity() {
  local dtype=$1 tolerance=$2
  "$X" predict --model xgenmm-tiny-base --device cuda --dtype "$dtype" --raw-prompt "$PROMPT" \
    --image "$A/images/A_0.png" --image "$A/images/A_1.png" --image "$A/images/A_2.png" \
    --max-new-tokens 8 --format json --dump "$OUT/A_$dtype.safetensors" > "$OUT/A_$dtype.json" 2> "$OUT/A_$dtype.err" &&
  python3 tools/gpu/compare_dump.py "$A" "$OUT/A_$dtype.safetensors" --tolerance "$tolerance" > "$OUT/A_$dtype.parity.txt"
}
step "parity float32 (tolerance 1e-4)" parity float32 1e-4
step "parity bfloat16 (reported, tolerance 0.1)" parity bfloat16 0.1

demo() {
  "$X" run demo --device cuda --dtype float32 --work-dir "$OUT/work" > "$OUT/demo.txt" 2>&1 &&
  "$X" compare results/baselines/demo.json "$OUT/work/xgenmm-tiny" --fail-on-change > "$OUT/demo-compare.md" 2>&1
}
step "demo on CUDA equals the CPU baseline" demo

step "speed, real size, bf16" "$PERF" xgenmm-generate --model real --device cuda --dtype bfloat16 \
  --batch-sizes 1,8,32,64 --batches 3 > "$OUT/speed-real-bf16.txt" 2>&1
rm -rf "$OUT/work/xgenmm-tiny"/*/journal
cat "$OUT/summary.txt"
