#!/usr/bin/env python3
"""Generates workloads of realistic size for the three workflows (deterministic, stdlib only).

  python3 scripts/make_workload.py caseload --clients 50 --months 12 --out output/workload/caseload
  python3 scripts/make_workload.py journal --years 2 --out output/workload/journal
  python3 scripts/make_workload.py nightly-day --day N --out output/workload/nightly

Text is assembled from the phrase banks of the sample data (scripts/sample_data/), so it
carries the signals a reader would see. Each client follows one of five courses (progress,
rushing, setback, avoidance, plateau) chosen by a seeded generator.
"""
import argparse, csv, datetime as dt, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
BANKS = json.load(open(os.path.join(HERE, "sample_data", "client_phrases.json"), encoding="utf-8"))
START = dt.date(2025, 1, 6)
COURSES = ["progress", "rushing", "setback", "avoidance", "plateau"]
THEMES = {
    "hurt": ["betrayal", "anger", "insecurity", "anxiety", "sadness"],
    "repair": ["acknowledgment", "responsibility", "accountability", "transparency"],
    "calm": ["daily"],
}


def bank(name):
    value = BANKS.get(name)
    return value if isinstance(value, list) and value else BANKS["daily"]


def entry_text(rng, mood):
    groups = THEMES["hurt"] if mood < 0.4 else (THEMES["repair"] if mood > 0.6 else THEMES["calm"] + THEMES["hurt"][:1])
    if mood < 0.4 and rng.random() < 0.3:
        groups = groups + ["pressure"] if "pressure" in BANKS else groups
    sentences = [rng.choice(bank("openers"))]
    for _ in range(rng.randint(2, 5)):
        sentences.append(rng.choice(bank(rng.choice(groups))))
    sentences.append(rng.choice(bank("closers")))
    return " ".join(sentences)


def trust_of(course, week, weeks, rng):
    t = week / max(weeks - 1, 1)
    base = {
        "progress": 2.5 + 5 * t,
        "rushing": 2.5 if t < 0.4 else 8.5,
        "setback": 3 + 8 * t if t < 0.6 else 7.8 - 9 * (t - 0.6),
        "avoidance": 3,
        "plateau": 5,
    }[course]
    return max(0, min(10, round(base + rng.uniform(-0.8, 0.8), 1)))


def caseload(args):
    weeks = args.months * 52 // 12
    for number in range(1, args.clients + 1):
        rng = random.Random(f"client-{number}")
        course = COURSES[(number - 1) % len(COURSES)]
        folder = os.path.join(args.out, f"client{number:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "journal.jsonl"), "w", encoding="utf-8") as journal, \
             open(os.path.join(folder, "checkins.csv"), "w", newline="", encoding="utf-8") as checkins:
            writer = csv.writer(checkins)
            writer.writerow(["date", "trust", "communication", "safety", "self_care", "mood", "held", "note"])
            for week in range(weeks):
                trust = trust_of(course, week, weeks, rng)
                for _ in range(rng.randint(2, 5)):
                    day = START + dt.timedelta(days=week * 7 + rng.randint(0, 6), minutes=0)
                    moment = dt.datetime.combine(day, dt.time(rng.randint(7, 23), rng.randint(0, 59)))
                    journal.write(json.dumps({"date": moment.isoformat(), "text": entry_text(rng, trust / 10)}) + "\n")
                held = not (course == "avoidance" and rng.random() < 0.7) and not (course == "rushing" and week > weeks * 0.5)
                day = START + dt.timedelta(days=week * 7 + 2)
                if held:
                    writer.writerow([day.isoformat(), trust, trust, trust, rng.randint(3, 7), rng.randint(3, 8), "yes", ""])
                else:
                    writer.writerow([day.isoformat(), "", "", "", "", "", "no", "cancelled"])


def journal(args):
    rng = random.Random("journal")
    os.makedirs(args.out, exist_ok=True)
    days = args.years * 365
    with open(os.path.join(args.out, "journal.txt"), "w", encoding="utf-8") as out:
        for offset in range(days):
            if rng.random() < 0.7:
                day = START + dt.timedelta(days=offset)
                mood = min(1, 0.2 + offset / days * 0.7 + rng.uniform(-0.2, 0.2))
                out.write(f"[{day.isoformat()} {rng.randint(18, 23)}:{rng.randint(0, 59):02d}] {entry_text(rng, mood)}\n\n")


def nightly_day(args):
    """Appends a few entries for day N of a 30-day nightly sequence to three clients."""
    rng = random.Random(f"nightly-{args.day}")
    day = START + dt.timedelta(days=args.day)
    for number in range(1, 4):
        folder = os.path.join(args.out, f"client{number:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "journal.jsonl"), "a", encoding="utf-8") as journal:
            for _ in range(rng.randint(1, 3)):
                moment = dt.datetime.combine(day, dt.time(rng.randint(7, 23), rng.randint(0, 59)))
                journal.write(json.dumps({"date": moment.isoformat(), "text": entry_text(rng, rng.random())}) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["caseload", "journal", "nightly-day"])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--day", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    {"caseload": caseload, "journal": journal, "nightly-day": nightly_day}[args.what](args)


if __name__ == "__main__":
    main()
