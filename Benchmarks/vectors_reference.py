"""Reference vector indexes for `loupe bench vectors`: hnswlib and faiss-cpu on Loupe's data.

Reads the vectors, queries and exact top-k ids that the Swift side wrote (raw little-endian
float32 rows and int64 rows; vectors already normalised, so inner product is cosine), builds
each index with the same parameters as Loupe's, times one query at a time on one thread as Loupe
does, and prints one JSON object: {"versions": {...}, "rows": [{index, build_s, rss_mb, p50_ms,
p99_ms, recall, queries}]}; build_s and rss_mb are null on the rows that reuse a build.

usage: vectors_reference.py --vectors v.f32 --queries q.f32 --truth t.i64 --dimension 512 --k 10
       --m 16 --ef-construction 100 --ef-search 64,128,256 --threads 2 --scan-queries 200
"""

import argparse
import gc
import importlib.metadata
import json
import os
import time

import numpy as np


def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def summary(name, build_s, rss_mb, latencies, found, truth):
    k = truth.shape[1]
    hits = sum(len(set(row[:k]) & set(expected)) for row, expected in zip(found, truth[: len(found)]))
    latencies = np.array(latencies) * 1000
    return {
        "index": name,
        "build_s": build_s,
        "rss_mb": rss_mb,
        "p50_ms": float(np.percentile(latencies, 50)),
        "p99_ms": float(np.percentile(latencies, 99)),
        "recall": hits / (len(found) * k),
        "queries": len(found),
    }


def timed_queries(search, queries, k):
    latencies, found = [], []
    for query in queries:
        start = time.perf_counter()
        ids = search(query[np.newaxis, :], k)
        latencies.append(time.perf_counter() - start)
        found.append([int(i) for i in ids])
    return latencies, found


def run_hnswlib(args, vectors, queries, truth):
    import hnswlib

    before = resident_mb()
    start = time.perf_counter()
    index = hnswlib.Index(space="ip", dim=args.dimension)
    index.init_index(max_elements=len(vectors), M=args.m, ef_construction=args.ef_construction, random_seed=100)
    index.add_items(vectors, np.arange(len(vectors)), num_threads=args.threads)
    build = time.perf_counter() - start
    rss = resident_mb() - before
    index.set_num_threads(1)
    rows = []
    for number, ef in enumerate(args.ef_search):
        index.set_ef(ef)
        latencies, found = timed_queries(lambda q, k: index.knn_query(q, k=k, num_threads=1)[0][0], queries, args.k)
        # One build serves every ef; its cost is shown once.
        rows.append(summary(f"hnswlib HNSW (M={args.m}, efC={args.ef_construction}, ef={ef})",
                            build if number == 0 else None, rss if number == 0 else None, latencies, found, truth))
    return rows


def run_faiss_flat(args, vectors, queries, truth):
    import faiss

    faiss.omp_set_num_threads(args.threads)
    before = resident_mb()
    start = time.perf_counter()
    index = faiss.IndexFlatIP(args.dimension)
    index.add(vectors)
    build = time.perf_counter() - start
    rss = resident_mb() - before
    faiss.omp_set_num_threads(1)
    subset = queries[: args.scan_queries]
    latencies, found = timed_queries(lambda q, k: index.search(q, k)[1][0], subset, args.k)
    return [summary("faiss IndexFlatIP (exact)", build, rss, latencies, found, truth)]


def run_faiss_hnsw(args, vectors, queries, truth):
    import faiss

    faiss.omp_set_num_threads(args.threads)
    before = resident_mb()
    start = time.perf_counter()
    index = faiss.IndexHNSWFlat(args.dimension, args.m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = args.ef_construction
    index.add(vectors)
    build = time.perf_counter() - start
    rss = resident_mb() - before
    faiss.omp_set_num_threads(1)
    rows = []
    for number, ef in enumerate(args.ef_search):
        index.hnsw.efSearch = ef
        latencies, found = timed_queries(lambda q, k: index.search(q, k)[1][0], queries, args.k)
        rows.append(summary(f"faiss IndexHNSWFlat (M={args.m}, efC={args.ef_construction}, ef={ef})",
                            build if number == 0 else None, rss if number == 0 else None, latencies, found, truth))
    return rows


def main():
    parser = argparse.ArgumentParser()
    for name in ("--vectors", "--queries", "--truth"):
        parser.add_argument(name, required=True)
    for name, default in (("--dimension", 512), ("--k", 10), ("--m", 16), ("--ef-construction", 100),
                          ("--threads", 2), ("--scan-queries", 200)):
        parser.add_argument(name, type=int, default=default)
    parser.add_argument("--ef-search", default="64,128,256", help="comma separated, one row each")
    args = parser.parse_args()
    args.ef_search = [int(value) for value in args.ef_search.split(",")]

    vectors = np.fromfile(args.vectors, dtype="<f4").reshape(-1, args.dimension)
    queries = np.fromfile(args.queries, dtype="<f4").reshape(-1, args.dimension)
    truth = np.fromfile(args.truth, dtype="<i8").reshape(len(queries), -1)

    import faiss
    import hnswlib

    rows = []
    for run in (run_faiss_flat, run_hnswlib, run_faiss_hnsw):
        rows += run(args, vectors, queries, truth)
        gc.collect()
    print(json.dumps({"versions": {"faiss": faiss.__version__, "hnswlib": importlib.metadata.version("hnswlib")},
                      "rows": rows}))


if __name__ == "__main__":
    main()
