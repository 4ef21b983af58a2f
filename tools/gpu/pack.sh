#!/usr/bin/env bash
# Builds what the lent GPU machine runs (it has no .NET): xgen-eval and the speed benchmarks, published
# self-contained into one folder against the machine's own libtorch (-p:TorchBackend=external), packed as
# .gpu/gpu.txz (about 46 MB, under the device tool's 64 MiB carry limit). Run from the repository root.
set -euo pipefail
rm -rf .gpu/gpu .gpu/gpu.txz
mkdir -p .gpu
for project in src/Eval perf/XGenEval.Perf; do
  dotnet publish "$project" -c Release -r linux-x64 --self-contained -p:TorchBackend=external -o .gpu/gpu -v q
done
rm -f .gpu/gpu/*.pdb
tar cJf .gpu/gpu.txz -C .gpu gpu
rm -rf .gpu/gpu
ls -la .gpu/gpu.txz
