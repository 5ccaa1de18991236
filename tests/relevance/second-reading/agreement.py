#!/usr/bin/env python3
"""How far two readers of a blind set agree, and what each one's grades make of the other's ranking, beside the engine's.

For each query of SET (the first reader's grades) and of its second reading (the second reader's grades of every case the
set grades and of the engine's first ten): the engine's first ten scored by each reader; the pool ranked by one reader's
grades (ties in random order, 200 draws) scored by the other's. nDCG@10, recall@10 and MRR as RelevanceEvaluator computes
them. Prints figures only, never a query.  Usage: agreement.py tests/relevance/blind8.json tests/relevance/second-reading/blind8.json
"""
import collections, json, math, random, sys

first = {q['id']: q for q in json.load(open(sys.argv[1], encoding='utf-8'))['queries']}
second = json.load(open(sys.argv[2], encoding='utf-8'))

def scores(ranked, grades):
    top = ranked[:10]
    dcg = sum((2 ** grades.get(c, 0) - 1) / math.log2(i + 2) for i, c in enumerate(top))
    best = sorted((g for g in grades.values() if g > 0), reverse=True)[:10]
    ideal = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(best))
    judged = sum(1 for g in grades.values() if g > 0)
    recall = sum(1 for c in top if grades.get(c, 0) > 0) / min(10, judged) if judged else 0
    rr = next((1 / (i + 1) for i, c in enumerate(top) if grades.get(c, 0) >= 2), 0)
    return (dcg / ideal if ideal else 0, recall, rr)

def mean(rows):
    return tuple(sum(r[k] for r in rows) / len(rows) for k in range(3))

rnd = random.Random(47)
def ranked_by(grades, pool):
    cases = sorted(pool); rnd.shuffle(cases)
    return sorted(cases, key=lambda c: -grades.get(c, 0))

rows, pairs = collections.defaultdict(list), []
for i, g2 in second['grades'].items():
    g1, pool, top = first[i]['relevant'], list(g2), second['engine_top10'][i]
    pairs += [(g1.get(c, 0), g2[c]) for c in pool]
    row = (scores(top, g1), mean([scores(ranked_by(g2, pool), g1) for _ in range(200)]),
           scores(top, g2), mean([scores(ranked_by(g1, pool), g2) for _ in range(200)]))
    for kind in ('all', first[i]['kind']):
        rows[kind].append(row)

print(f"{len(rows['all'])} queries, {len(pairs)} cases graded by both readers (nDCG@10 / recall@10 / MRR)")
print(f"{'kind':13}{'n':>3}  {'engine, 1st':20}  {'2nd reader, 1st':20}  {'engine, 2nd':20}  {'1st reader, 2nd':20}")
for kind in ['all'] + sorted(k for k in rows if k != 'all'):
    cells = ["/".join(f"{x:.3f}" for x in mean([r[j] for r in rows[kind]])) for j in range(4)]
    print(f"{kind:13}{len(rows[kind]):>3}  " + "  ".join(f"{c:20}" for c in cells))
n = len(pairs)
for cut in (1, 2):
    a = [(x >= cut, y >= cut) for x, y in pairs]
    po = sum(x == y for x, y in a) / n
    p1, p2 = sum(x for x, _ in a) / n, sum(y for _, y in a) / n
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    print(f"graded {cut} or more: agree {po:.3f}, Cohen's kappa {(po - pe) / (1 - pe):.3f}")
seen = collections.Counter(pairs)
m1, m2 = collections.Counter(x for x, _ in pairs), collections.Counter(y for _, y in pairs)
w = lambda i, j: (i - j) ** 2
kappa = 1 - sum(w(i, j) * seen[(i, j)] for i in range(4) for j in range(4)) / sum(w(i, j) * m1[i] * m2[j] / n for i in range(4) for j in range(4))
print(f"same grade {sum(x == y for x, y in pairs) / n:.3f}, quadratic weighted kappa {kappa:.3f}")
print("grades (rows: first reader 0-3, columns: second reader 0-3):", [[seen[(i, j)] for j in range(4)] for i in range(4)])
