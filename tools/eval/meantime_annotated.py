#!/usr/bin/env python3
"""Score the engine's MEANTIME times on the part of each article MEANTIME annotates.

    tools/eval/meantime_annotated.py OUT/meantime.out.jsonl [EVAL_DIR]

MEANTIME's annotators covered only the opening of each Wikinews article (about
the first quarter of the body, title and first sentences): past the last gold
annotation of any facet (entities, places, times) there is none, yet the
articles go on naming dates. `run.sh` scores every time the engine finds there
as a false positive, so the set's time precision measures article length, not
the engine.

This script keeps the engine's times that start before the end of the sentence
holding the last gold annotation of the article (the annotated region), drops
the rest, says how many it dropped, and runs the set's own scorer on the result.
It reads the evaluation data in place (EVAL_DIR, default ../shared/eval) and
copies nothing.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    out = Path(sys.argv[1])
    eval_dir = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/eval")
    gold_path = eval_dir / "sets/meantime/meantime.gold.jsonl"
    gold = {g["doc"]: g for g in map(json.loads, gold_path.open())}
    bodies = {a["id"]: a["body"] for a in map(json.loads, (eval_dir / "sets/meantime/meantime.jsonl").open())}
    sentence_end = re.compile(r"[.!?][\"”]?(\s|$)")
    kept = dropped = 0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
        for line in out.open():
            rec = json.loads(line)
            g, body = gold.get(rec["id"], {}), bodies.get(rec["id"], "")
            ends = [x["span"][1] for f in ("times", "entities", "places") for x in g.get(f) or [] if x.get("span")]
            m = sentence_end.search(body, max(ends, default=0))
            cut = m.end() if m else len(body)
            times = rec.get("times") or []
            rec["times"] = [t for t in times if t["span"][0] < cut]
            kept += len(rec["times"])
            dropped += len(times) - len(rec["times"])
            tmp.write(json.dumps(rec) + "\n")
    print(f"times kept in the annotated region: {kept}; left out after it: {dropped}", flush=True)
    subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold_path), tmp.name], check=True)
    Path(tmp.name).unlink()


if __name__ == "__main__":
    main()
