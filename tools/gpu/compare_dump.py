#!/usr/bin/env python3
"""Compares an `xgen-eval predict --dump` file with a golden fixture of tests/Model.Tests/TestData/xgenmm-tiny.

Pure Python (no numpy), so it runs on the lent GPU machine and on Debian CI alike:

    python3 tools/gpu/compare_dump.py tests/Model.Tests/TestData/xgenmm-tiny/A_base dump.safetensors [--tolerance 1e-4]

Prints one line per stage with the maximum absolute difference, then PASS or FAIL; exits 1 on FAIL.
The stages are those of tests/Eval.Tests/Predict/: fixture A (base layout, one sample, the fixture's raw prompt
and three images) and fixture B's sample 0 (instruct layout, anyres, "Describe this image in detail." with
B_s0_i0.png and --tokenizer fast), whose rows are cut out of the fixture's left-padded batch of three.
"""
import json
import struct
import sys

FORMATS = {"BOOL": ("?", 1), "F32": ("f", 4), "F64": ("d", 8), "I64": ("q", 8), "I32": ("i", 4), "U8": ("B", 1), "BF16": (None, 2), "F16": ("e", 2)}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_len,) = struct.unpack_from("<Q", data, 0)
    header = json.loads(data[8:8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        code, size = FORMATS[info["dtype"]]
        start, end = info["data_offsets"]
        raw = data[base + start:base + end]
        count = (end - start) // size
        if code is None:  # bfloat16: the high half of a float32
            values = [struct.unpack("<f", b"\x00\x00" + raw[2 * i:2 * i + 2])[0] for i in range(count)]
        else:
            values = list(struct.unpack("<%d%s" % (count, code), raw))
        tensors[name] = (info["shape"], values)
    return tensors, header.get("__metadata__", {})


def max_abs_diff(a, b):
    if len(a) != len(b):  # another prompt or image: no element-wise comparison
        return float("inf")
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def rows(tensor, start, count):
    """Entries start..start+count-1 along the first dimension, flattened."""
    shape, values = tensor
    width = 1
    for d in shape[1:]:
        width *= d
    return values[start * width:(start + count) * width]


def expected_a(golden):
    """Fixture A: one sample, nothing padded."""
    vocab, length = golden["logits"][0][-1], golden["logits"][0][-2]
    return {
        "stages": {name: golden[name][1] for name in ["pixel_values", "vision_features", "vision_tokens", "inputs_embeds", "final_hidden"]},
        "last_logits": golden["logits"][1][(length - 1) * vocab:length * vocab],
        "input_ids": golden["input_ids"][1],
        "sample": 0,
    }


def expected_b(golden):
    """Fixture B, sample 0: its image is the first 4 tiles and chunks; its positions the last of the padded batch."""
    mask = rows(golden["lm_attention_mask"], 0, 1)
    length, padded = int(sum(mask)), len(mask)
    width = golden["inputs_embeds"][0][-1]
    vocab = golden["logits_last4"][0][-1]
    ids = rows(golden["input_ids"], 0, 1)
    keep = rows(golden["attention_mask"], 0, 1)
    return {
        "stages": {
            "pixel_values": rows(golden["pixel_tiles"], 0, 4),
            "vision_features": rows(golden["vision_features_tiles"], 0, 4),
            "perceiver_input": rows(golden["perceiver_input"], 0, 4),
            "perceiver_mask": rows(golden["perceiver_mask"], 0, 4),
            "vision_tokens": rows(golden["vision_tokens"], 0, 4),
            "inputs_embeds": rows(golden["inputs_embeds"], 0, 1)[(padded - length) * width:],
            "final_hidden": rows(golden["final_hidden"], 0, 1)[(padded - length) * width:],
        },
        "last_logits": rows(golden["logits_last4"], 0, 1)[3 * vocab:],
        "input_ids": [i for i, m in zip(ids, keep) if m],
        "sample": 0,
    }


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    fixture, dump_path = argv[1].rstrip("/"), argv[2]
    tolerance = float(argv[argv.index("--tolerance") + 1]) if "--tolerance" in argv else 1e-4
    golden, _ = read_safetensors(fixture + "/tensors.safetensors")
    with open(fixture + "/meta.json") as f:
        name = json.load(f)["fixture"]
    expected = expected_b(golden) if name.startswith("B_") else expected_a(golden)
    dump, metadata = read_safetensors(dump_path)
    ok = True

    def check(stage, diff):
        nonlocal ok
        good = diff < tolerance
        ok &= good
        print("%-28s max abs diff %.2e %s" % (stage, diff, "" if good else "(over %g)" % tolerance))

    for stage, values in expected["stages"].items():
        check(stage, max_abs_diff(dump[stage][1], values) if stage in dump else float("inf"))

    vocab = dump["step_logits"][0][-1]
    check("prompt last-position logits", max_abs_diff(dump["step_logits"][1][:vocab], expected["last_logits"]))

    # Every step at the official top-10 ids (the uncached per-step reference values).
    top_ids = rows(golden["greedy_step_top10_ids"], expected["sample"], 1)
    top_vals = rows(golden["greedy_step_top10_vals"], expected["sample"], 1)
    steps = dump["step_logits"][0][0]
    worst = 0.0 if steps * 10 <= len(top_ids) else float("inf")
    for s in range(min(steps, len(top_ids) // 10)):
        row = dump["step_logits"][1][s * vocab:(s + 1) * vocab]
        for k in range(10):
            worst = max(worst, abs(row[int(top_ids[s * 10 + k])] - top_vals[s * 10 + k]))
    check("step logits at top-10 ids", worst)

    same_ids = [int(x) for x in dump["generated_ids"][1]] == [int(x) for x in rows(golden["greedy_ids"], expected["sample"], 1)]
    same_input = [int(x) for x in dump["input_ids"][1]] == [int(x) for x in expected["input_ids"]]
    print("input_ids identical:         %s" % same_input)
    print("generated_ids identical:     %s" % same_ids)
    ok &= same_ids and same_input
    print("fixture:                     %s" % name)
    print("device/dtype of the dump:    %s" % {k: v for k, v in metadata.items() if k in ("device", "dtype", "harness")})
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
