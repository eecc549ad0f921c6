#!/usr/bin/env python3
"""Score TrustLens's trend statuses and signals against the labelled scenarios.

Usage:
    python3 scripts/score_trends.py                       # generate into a temp dir, score
    python3 scripts/score_trends.py --data output/scenarios   # score an existing scenario dir
    python3 scripts/score_trends.py --out DIR --per-status 24 --json metrics.json

Generates the scenarios with scripts/scenarios/make_scenarios.py (unless --data is
given), runs `trustlens trends DIR --subject folder --timezone UTC --format json`, and
prints accuracy, per-status precision/recall/F1, macro-F1, a confusion matrix and
per-signal precision/recall, next to a simple BASELINE computed in Python from the same
files (trust ratings only):

    fewer than 4 dated days                                  -> insufficient-data
    no held trust rating                                     -> plateau
    trust <= 4 followed by >= 8 within 21 days               -> rushing
    mean of the last 21 days' trust <= max(trust) - 2        -> setback
    least-squares trust slope > +0.1 per week                -> progress
    otherwise                                                -> plateau
  baseline signals: its status (when it is a signal kind), plus self-care-neglect when
  the last 21 days' mean self_care rating is <= 3.

Standard library only. Always exits 0: it is a report.
"""

import argparse
import csv
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts" / "scenarios"))

STATUSES = ["progress", "setback", "rushing", "avoidance", "plateau", "insufficient-data"]
SIGNALS = ["rushing", "setback", "avoidance", "progress", "self-care-neglect"]


# ----------------------------------------------------------------------------- baseline

def parse_day(s):
    s = s.strip()
    return dt.date.fromisoformat(s[:10])


def read_subject(folder):
    ratings, self_care, days = [], [], set()
    cf = folder / "checkins.csv"
    if cf.exists():
        with open(cf, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                try:
                    d = parse_day(row["date"])
                except (ValueError, KeyError):
                    continue
                days.add(d)
                if (row.get("held") or "yes").strip().lower() in ("no", "false", "0"):
                    continue
                try:
                    ratings.append((d, float(row["trust"])))
                except (ValueError, TypeError, KeyError):
                    pass
                try:
                    self_care.append((d, float(row["self_care"])))
                except (ValueError, TypeError, KeyError):
                    pass
    jf = folder / "journal.jsonl"
    if jf.exists():
        for line in jf.read_text(encoding="utf-8").splitlines():
            try:
                days.add(parse_day(json.loads(line)["date"]))
            except (ValueError, KeyError, TypeError):
                pass
    ratings.sort()
    self_care.sort()
    return ratings, self_care, days


def baseline(folder, as_of):
    ratings, self_care, days = read_subject(folder)
    signals = []
    if self_care:
        rec = [v for d, v in self_care if (as_of - d).days <= 21]
        if rec and sum(rec) / len(rec) <= 3:
            signals.append("self-care-neglect")
    if len(days) < 4:
        return "insufficient-data", signals
    if not ratings:
        return "plateau", signals

    def result(status):
        return status, ([status] if status in SIGNALS else []) + signals

    for i, (d0, v0) in enumerate(ratings):
        if v0 <= 4:
            for d1, v1 in ratings[i + 1:]:
                if (d1 - d0).days > 21:
                    break
                if v1 >= 8:
                    return result("rushing")
    last = ratings[-1][0]
    recent = [v for d, v in ratings if (last - d).days <= 21]
    if recent and sum(recent) / len(recent) <= max(v for _, v in ratings) - 2:
        return result("setback")
    if len(ratings) >= 2:
        xs = [(d - ratings[0][0]).days / 7 for d, _ in ratings]
        ys = [v for _, v in ratings]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        if sxx > 0 and sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx > 0.1:
            return result("progress")
    return result("plateau")


# ----------------------------------------------------------------------------- metrics

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(labels, preds):
    """preds: {subject: (status, [signals])}."""
    subjects = sorted(labels)
    conf = {t: {p: 0 for p in STATUSES + ["(missing)"]} for t in STATUSES}
    correct = 0
    for s in subjects:
        t = labels[s]["status"]
        p = preds.get(s, ("(missing)", []))[0]
        if p not in conf[t]:
            p = "(missing)"
        conf[t][p] += 1
        correct += t == p
    per_status = {}
    for st in STATUSES:
        tp = conf[st][st]
        fn = sum(conf[st].values()) - tp
        fp = sum(conf[t][st] for t in STATUSES if t != st)
        p, r, f = prf(tp, fp, fn)
        per_status[st] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                          "support": sum(conf[st].values())}
    per_signal = {}
    for sig in SIGNALS:
        tp = fp = fn = 0
        for s in subjects:
            truth = sig in labels[s]["signals"]
            got = sig in preds.get(s, ("", []))[1]
            tp += truth and got
            fp += got and not truth
            fn += truth and not got
        p, r, f = prf(tp, fp, fn)
        per_signal[sig] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                           "support": tp + fn, "predicted": tp + fp}
    return {"n": len(subjects), "accuracy": round(correct / len(subjects), 3) if subjects else 0.0,
            "macro_f1": round(sum(v["f1"] for v in per_status.values()) / len(STATUSES), 3),
            "per_status": per_status, "per_signal": per_signal, "confusion": conf}


# ----------------------------------------------------------------------------- report

def print_report(m_tl, m_bl, confusions):
    print(f"subjects: {m_tl['n']}")
    print(f"{'':22}{'TrustLens':>12}{'baseline':>12}")
    print(f"{'accuracy':22}{m_tl['accuracy']:>12.3f}{m_bl['accuracy']:>12.3f}")
    print(f"{'status macro-F1':22}{m_tl['macro_f1']:>12.3f}{m_bl['macro_f1']:>12.3f}")
    print()
    print("per status            TrustLens P / R / F1       baseline P / R / F1     n")
    for st in STATUSES:
        a, b = m_tl["per_status"][st], m_bl["per_status"][st]
        print(f"  {st:20}{a['precision']:7.2f}{a['recall']:7.2f}{a['f1']:7.2f}      "
              f"{b['precision']:7.2f}{b['recall']:7.2f}{b['f1']:7.2f}   {a['support']:3d}")
    print()
    print("per signal            TrustLens P / R  (pred)    baseline P / R  (pred)   n")
    for sig in SIGNALS:
        a, b = m_tl["per_signal"][sig], m_bl["per_signal"][sig]
        print(f"  {sig:20}{a['precision']:7.2f}{a['recall']:7.2f}  ({a['predicted']:3d})    "
              f"{b['precision']:7.2f}{b['recall']:7.2f}  ({b['predicted']:3d})  {a['support']:3d}")
    short = {"progress": "prog", "setback": "setb", "rushing": "rush", "avoidance": "avoid",
             "plateau": "plat", "insufficient-data": "insuf", "(missing)": "miss"}
    for name, m in (("TrustLens", m_tl), ("baseline", m_bl)):
        print()
        print(f"confusion matrix, {name} (rows: label, columns: predicted)")
        cols = STATUSES + (["(missing)"] if any(m["confusion"][t]["(missing)"] for t in STATUSES) else [])
        print(" " * 20 + "".join(f"{short[c]:>7}" for c in cols))
        for t in STATUSES:
            print(f"  {t:18}" + "".join(f"{m['confusion'][t][c]:7d}" for c in cols))
    print()
    print("most common TrustLens confusions (label -> predicted: subjects)")
    for (t, p), subs in confusions[:8]:
        print(f"  {t} -> {p}: {len(subs)}  e.g. {', '.join(subs[:4])}")


def run_trustlens(binary, data):
    cmd = [str(binary), "trends", str(data), "--subject", "folder", "--timezone", "UTC", "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 3):
        print(f"trustlens exited {proc.returncode}: {proc.stderr.strip()[:500]}", file=sys.stderr)
    try:
        return json.loads(proc.stdout), proc
    except json.JSONDecodeError:
        print("trustlens printed no JSON; stderr:\n" + proc.stderr[:2000], file=sys.stderr)
        return [], proc


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score TrustLens trends against labelled scenarios.")
    ap.add_argument("--data", help="existing scenario folder (with labels.json); default: generate")
    ap.add_argument("--out", help="where to generate (default: a temporary folder)")
    ap.add_argument("--per-status", type=int, default=24)
    ap.add_argument("--trustlens", default=".build/debug/trustlens",
                    help="TrustLens binary (relative paths are taken from the repo root)")
    ap.add_argument("--json", help="also write the metrics (and per-subject predictions) here")
    args = ap.parse_args(argv)
    try:
        tmp = None
        if args.data:
            data = Path(args.data)
        else:
            import make_scenarios
            if args.out:
                data = Path(args.out)
            else:
                tmp = tempfile.TemporaryDirectory(prefix="trustlens-scenarios-")
                data = Path(tmp.name)
            make_scenarios.generate(data, args.per_status)
        labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
        binary = Path(args.trustlens)
        if not binary.is_absolute():
            binary = REPO / binary
        out, proc = run_trustlens(binary, data)
        by_subject = {o["subject"]: o for o in out if isinstance(o, dict) and "subject" in o}
        tl = {s: (o.get("status"), sorted({g.get("kind") for g in o.get("signals", [])}))
              for s, o in by_subject.items()}
        # baseline, judged at the same "as of" date: the last dated day of the caseload
        all_days = set()
        for s in labels:
            all_days |= read_subject(data / s)[2]
        as_of = max(all_days) if all_days else dt.date.today()
        bl = {s: baseline(data / s, as_of) for s in labels}
        m_tl, m_bl = score(labels, tl), score(labels, bl)
        pairs = {}
        for s in sorted(labels):
            t, p = labels[s]["status"], tl.get(s, ("(missing)", []))[0]
            if t != p:
                pairs.setdefault((t, p), []).append(s)
        confusions = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        manifest_file = data / "manifest.json"
        manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else {}
        print(f"data: {data}   binary: {binary}")
        print(f"trustlens trends: exit {proc.returncode}, {len(by_subject)} subjects; "
              + (proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "no diagnostics"))
        print()
        print_report(m_tl, m_bl, confusions)
        if manifest:
            print()
            print("per variant (hard negatives included): correct / n   TrustLens   baseline")
            groups = {}
            for s in sorted(labels):
                key = f"{labels[s]['status']}/{manifest.get(s, {}).get('variant', '?')}"
                g = groups.setdefault(key, [0, 0, 0])
                g[0] += 1
                g[1] += tl.get(s, ("", []))[0] == labels[s]["status"]
                g[2] += bl[s][0] == labels[s]["status"]
            for key, (n, a, b) in groups.items():
                print(f"  {key:40}{a:5d} / {n:<3d}{b:9d} / {n}")
        if args.json:
            doc = {"data": str(data), "trustlens": m_tl, "baseline": m_bl,
                   "confusions": [{"label": t, "predicted": p, "subjects": subs} for (t, p), subs in confusions],
                   "predictions": {s: {"label": labels[s], "trustlens": {"status": tl.get(s, (None, []))[0],
                                                                        "signals": tl.get(s, (None, []))[1]},
                                       "baseline": {"status": bl[s][0], "signals": bl[s][1]}}
                                   for s in sorted(labels)}}
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        if tmp:
            tmp.cleanup()
    except Exception as e:  # a report never fails the caller
        print(f"score_trends: {type(e).__name__}: {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
