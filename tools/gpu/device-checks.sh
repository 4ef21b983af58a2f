#!/usr/bin/env bash
# Everything one call of the lent GPU machine should measure, written under $OUT (docs/gpu.md, "Checks on a
# lent GPU"). Needs .gpu/gpu.txz from tools/gpu/pack.sh, carried with the device tool (carry: [".gpu"]).
#   1. CUDA parity on golden fixtures A (base) and B (instruct, anyres): float32 against 1e-4, then bfloat16
#      reported against a loose bound
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

TINY=tests/Model.Tests/TestData/xgenmm-tiny
A=$TINY/A_base
B=$TINY/B_instruct_anyres
PROMPT=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['prompt_text'])" "$A/meta.json")
# parity NAME FIXTURE DTYPE TOLERANCE PREDICT-ARGS...: predict on CUDA with a dump, then compare_dump.py
parity() {
  local name=$1 fixture=$2 dtype=$3 tolerance=$4; shift 4
  "$X" predict --device cuda --dtype "$dtype" --max-new-tokens 8 --format json --dump "$OUT/$name.safetensors" "$@" \
    > "$OUT/$name.json" 2> "$OUT/$name.err" &&
  python3 tools/gpu/compare_dump.py "$fixture" "$OUT/$name.safetensors" --tolerance "$tolerance" > "$OUT/$name.parity.txt"
}
A_ARGS=(--model xgenmm-tiny-base --raw-prompt "$PROMPT" --image "$A/images/A_0.png" --image "$A/images/A_1.png" --image "$A/images/A_2.png")
B_ARGS=(--model xgenmm-tiny --tokenizer fast --image "$B/images/B_s0_i0.png" "Describe this image in detail.")
step "parity A (base) float32, tolerance 1e-4" parity A_float32 "$A" float32 1e-4 "${A_ARGS[@]}"
step "parity B (instruct anyres) float32, tolerance 1e-4" parity B_float32 "$B" float32 1e-4 "${B_ARGS[@]}"
step "parity A (base) bfloat16, reported, tolerance 0.25" parity A_bfloat16 "$A" bfloat16 0.25 "${A_ARGS[@]}"
step "parity B (instruct anyres) bfloat16, reported, tolerance 0.25" parity B_bfloat16 "$B" bfloat16 0.25 "${B_ARGS[@]}"

demo() {
  "$X" run demo --device cuda --dtype float32 --work-dir "$OUT/work" > "$OUT/demo.txt" 2>&1 &&
  "$X" compare results/baselines/demo.json "$OUT/work/xgenmm-tiny" --fail-on-change > "$OUT/demo-compare.md" 2>&1
}
step "demo on CUDA equals the CPU baseline" demo

step "speed, real size, bf16" "$PERF" xgenmm-generate --model real --device cuda --dtype bfloat16 \
  --batch-sizes 1,8,32,64 --batches 3 > "$OUT/speed-real-bf16.txt" 2>&1
rm -rf "$OUT/work/xgenmm-tiny"/*/journal

