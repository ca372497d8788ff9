#!/usr/bin/env python3
"""Summarise JFR execution samples: share of samples whose stack contains each marker frame.
Usage: [WITHIN=frame] [SELF_DEPTH=n] bench/jfr-stacks.py FILE.jfr [marker ...] (markers: substrings of "Class.method").
Prints the top self frames and, per marker, the share of samples with that frame on the stack."""
import json, subprocess, sys, collections, os
jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
f = sys.argv[1]
markers = sys.argv[2:]
within = os.environ.get("WITHIN")  # only samples with this frame on the stack
self_depth = int(os.environ.get("SELF_DEPTH", "1"))  # top frames to report per sample
out = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", f],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
total = 0
self_frames = collections.Counter()
hits = collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    names = [fr["method"]["type"]["name"] + "." + fr["method"]["name"] for fr in frames]
    if not names or (within and not any(within in n for n in names)):
        continue
    total += 1
    self_frames[" < ".join(names[:self_depth])] += 1
    for m in markers:
        if any(m in n for n in names):
            hits[m] += 1
print(f"samples: {total}")
for m in markers:
    print(f"{hits[m] * 100.0 / max(total, 1):6.2f}%  on stack: {m}")
print("top self frames:")
for n, c in self_frames.most_common(15):
    print(f"{c * 100.0 / total:6.2f}%  {n}")
