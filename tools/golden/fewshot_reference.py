"""An independent Python version of xgen-eval's few-shot demonstration choice (docs/few-shot.md), and the
golden file the C# tests compare against.

Every random choice is a pure function of a key: SHA-256 of "xgen-eval/fewshot/v1" and the key's parts
joined with U+001F, first 8 bytes little-endian, seeds a SplitMix64 stream.

    python3 tools/golden/fewshot_reference.py > tests/Benchmarks.Tests/TestData/fewshot/reference_choices.json
"""
import hashlib
import json

DOMAIN = "xgen-eval/fewshot/v1"
MASK = (1 << 64) - 1


def key_hash(*parts):
    text = "\x1f".join([DOMAIN] + [str(p) for p in parts])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        threshold = (2**64 - n) % n  # reject the lowest 2^64 mod n outputs: no modulo bias
        while True:
            r = self.next()
            if r >= threshold:
                return r % n


def query_set(item_ids, seed, size=None):
    """The pool: the items of lowest key_hash("query-set", seed, id), in that order."""
    ranked = sorted(item_ids, key=lambda i: (key_hash("query-set", seed, i), i))
    return ranked if size is None else ranked[:size]


def demos(seed, item_id, shots, count, pool_size):
    """Positions in the query set: the first `count` steps of a Fisher-Yates shuffle."""
    rng = SplitMix64(key_hash("demos", seed, item_id, shots))
    swapped = {}
    chosen = []
    for i in range(count):
        j = i + rng.below(pool_size - i)
        at_j = swapped.get(j, j)
        swapped[j] = swapped.get(i, i)
        swapped[i] = at_j
        chosen.append(at_j)
    return chosen


if __name__ == "__main__":
    first = SplitMix64(0)
    out = {
        "splitmix64_seed0": [str(first.next()) for _ in range(3)],
        "key_hash": {"parts": ["demos", 42, "391895", 4], "value": str(key_hash("demos", 42, "391895", 4))},
        "pool": [str(i) for i in range(101, 125)],
        "cases": [],
    }
    for seed in (42, 43):
        pool = query_set(out["pool"], seed, 10)
        for item in ("1", "2", "12", "COCO_val2014_000000000042"):
            for shots, count in ((4, 4), (0, 2), (8, 8)):
                out["cases"].append({
                    "seed": seed, "query_set_size": 10, "query_set": pool,
                    "item": item, "shots": shots, "count": count,
                    "demonstrations": [pool[p] for p in demos(seed, item, shots, count, len(pool))],
                })
    print(json.dumps(out, indent=1))
