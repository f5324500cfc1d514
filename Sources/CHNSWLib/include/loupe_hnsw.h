// A small C API over hnswlib 0.6.2 (Debian libhnswlib-dev, header-only C++), for LoupeVectors.
//
// Labels are the caller's 64-bit ids. Every function that can fail writes a message into `error`
// (at most `error_size` bytes, NUL-terminated) and returns a failure value; no C++ exception
// crosses this boundary. The index does no locking of its own between calls: the Swift owner
// serialises writes (add, mark deleted, resize, free) against every other call, and lets reads
// (search, distances, vector, labels, save) run in parallel with each other.
#ifndef LOUPE_HNSW_H
#define LOUPE_HNSW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The distance space: squared Euclidean, or 1 − dot product (cosine on normalised vectors).
typedef enum {
  LOUPE_HNSW_L2 = 0,
  LOUPE_HNSW_INNER_PRODUCT = 1,
} loupe_hnsw_space;

/// Outcome of a call that can fail.
typedef enum {
  LOUPE_HNSW_OK = 0,
  LOUPE_HNSW_NOT_FOUND = 1,
  LOUPE_HNSW_IO_ERROR = 2,
  LOUPE_HNSW_CORRUPT = 3,
  LOUPE_HNSW_FAILED = 4,
} loupe_hnsw_status;

typedef struct loupe_hnsw loupe_hnsw;

/// Decides whether a label may be returned by a filtered search; called from the search thread.
typedef bool (*loupe_hnsw_filter)(uint64_t label, void *context);

/// Loupe's file header, written before hnswlib's own serialisation of the graph.
typedef struct {
  uint32_t format_version;
  uint32_t space;
  uint64_t dimension;
  uint64_t live_count;
  uint64_t generation;
  uint64_t payload_size;
  uint64_t payload_checksum;
} loupe_hnsw_file_info;

loupe_hnsw *loupe_hnsw_create(
  loupe_hnsw_space space, size_t dimension, size_t capacity, size_t m, size_t ef_construction, size_t seed,
  char *error, size_t error_size);

void loupe_hnsw_free(loupe_hnsw *index);

/// Elements stored (live and marked deleted), and those marked deleted.
size_t loupe_hnsw_element_count(const loupe_hnsw *index);
size_t loupe_hnsw_deleted_count(const loupe_hnsw *index);
size_t loupe_hnsw_capacity(const loupe_hnsw *index);

/// Grows the preallocated capacity (hnswlib allocates its arrays up front).
loupe_hnsw_status loupe_hnsw_reserve(loupe_hnsw *index, size_t capacity, char *error, size_t error_size);

/// Adds `count` vectors (row-major) with their labels, on `threads` threads. A label already
/// present is replaced in place, and undeleted if it was marked deleted. Capacity must suffice.
loupe_hnsw_status loupe_hnsw_add(
  loupe_hnsw *index, const float *vectors, const uint64_t *labels, size_t count, size_t threads, char *error,
  size_t error_size);

/// Marks a label deleted: it stays in the graph for routing but is never returned.
loupe_hnsw_status loupe_hnsw_mark_deleted(loupe_hnsw *index, uint64_t label);

bool loupe_hnsw_contains(const loupe_hnsw *index, uint64_t label);

/// The `k` nearest live labels allowed by `filter` (NULL allows all), best first, exploring with
/// a candidate list of `ef`. Returns how many were written to `labels` and `distances`.
size_t loupe_hnsw_search(
  const loupe_hnsw *index, const float *query, size_t k, size_t ef, loupe_hnsw_filter filter, void *context,
  uint64_t *labels, float *distances);

/// Exact distances from `query` to each of `count` labels, skipping labels that are missing or
/// deleted. Returns how many were written, in input order.
size_t loupe_hnsw_distances(
  const loupe_hnsw *index, const float *query, const uint64_t *candidates, size_t count, uint64_t *labels,
  float *distances);

/// Copies the stored vector of a live label into `vector` (dimension floats).
loupe_hnsw_status loupe_hnsw_vector(const loupe_hnsw *index, uint64_t label, float *vector);

/// Writes up to `capacity` live labels; returns how many were written.
size_t loupe_hnsw_live_labels(const loupe_hnsw *index, uint64_t *labels, size_t capacity);

/// Writes the live labels of up to `count` elements evenly spaced over the stored ones, for
/// estimating how selective a filter is without visiting every element; returns how many.
size_t loupe_hnsw_sample_labels(const loupe_hnsw *index, size_t count, uint64_t *labels);

/// Writes header and graph to `path` (through a temporary file renamed into place).
loupe_hnsw_status loupe_hnsw_save(
  const loupe_hnsw *index, const char *path, uint64_t generation, char *error, size_t error_size);

/// Reads and checks the header of `path`, and the payload's size and checksum against it.
loupe_hnsw_status loupe_hnsw_read_info(
  const char *path, bool verify_payload, loupe_hnsw_file_info *info, char *error, size_t error_size);

/// Loads a file written by loupe_hnsw_save after checking header and checksum. The header's
/// space and dimension must match the arguments.
loupe_hnsw *loupe_hnsw_load(
  const char *path, loupe_hnsw_space space, size_t dimension, loupe_hnsw_status *status, char *error,
  size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
