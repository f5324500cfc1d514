// The C API of loupe_hnsw.h over hnswlib 0.6.2. hnswlib.h defines functions at namespace scope,
// so it is included by this one translation unit only.
//
// hnswlib 0.6.2 has no filtered search and no stream (de)serialisation, so both are written here
// against HierarchicalNSW's public members, following its own searchBaseLayerST, saveIndex and
// loadIndex line for line; the search also takes ef per call, because setEf would be shared state
// between concurrent searches.
#include "loupe_hnsw.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace {

using Graph = hnswlib::HierarchicalNSW<float>;
using hnswlib::labeltype;
using hnswlib::tableint;

constexpr char kMagic[8] = {'L', 'O', 'U', 'P', 'E', 'H', 'N', 'S'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 64;
constexpr size_t kIOBufferSize = 1 << 20;

void report(char *error, size_t error_size, const std::string &message) {
  if (error == nullptr || error_size == 0) return;
  std::snprintf(error, error_size, "%s", message.c_str());
}

// A fast non-cryptographic 64-bit checksum over a stream: four independent multiply-mix lanes over
// 32-byte blocks. It detects truncation and accidental corruption, not tampering.
class Checksum {
 public:
  void update(const void *data, size_t size) {
    auto bytes = static_cast<const uint8_t *>(data);
    total_ += size;
    if (pending_size_ > 0) {
      size_t take = std::min(size, sizeof(pending_) - pending_size_);
      std::memcpy(pending_ + pending_size_, bytes, take);
      pending_size_ += take;
      bytes += take;
      size -= take;
      if (pending_size_ < sizeof(pending_)) return;
      block(pending_);
      pending_size_ = 0;
    }
    while (size >= sizeof(pending_)) {
      block(bytes);
      bytes += sizeof(pending_);
      size -= sizeof(pending_);
    }
    std::memcpy(pending_, bytes, size);
    pending_size_ = size;
  }

  uint64_t finish() const {
    uint64_t hash = total_ * kPrime;
    for (uint64_t lane : lanes_) hash = mix(hash ^ lane);
    for (size_t i = 0; i < pending_size_; i++) hash = mix(hash ^ pending_[i]);
    return mix(hash);
  }

 private:
  static constexpr uint64_t kPrime = 0x9E3779B97F4A7C15ULL;

  static uint64_t mix(uint64_t value) {
    value *= kPrime;
    return value ^ (value >> 29);
  }

  void block(const uint8_t *bytes) {
    for (int lane = 0; lane < 4; lane++) {
      uint64_t word;
      std::memcpy(&word, bytes + lane * 8, 8);
      lanes_[lane] = mix(lanes_[lane] ^ word);
    }
  }

  uint64_t lanes_[4] = {1, 2, 3, 4};
  uint8_t pending_[32] = {};
  size_t pending_size_ = 0;
  uint64_t total_ = 0;
};

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t space;
  uint64_t dimension;
  uint64_t live_count;
  uint64_t generation;
  uint64_t payload_size;
  uint64_t payload_checksum;
  uint64_t header_checksum;
};
static_assert(sizeof(Header) == kHeaderSize, "the header is 64 bytes on disk");

uint64_t header_checksum(const Header &header) {
  Checksum checksum;
  checksum.update(&header, offsetof(Header, header_checksum));
  return checksum.finish();
}

// Writes through a FILE, keeping the payload's size and checksum.
class PayloadWriter {
 public:
  explicit PayloadWriter(FILE *file) : file_(file) {}

  void write(const void *data, size_t size) {
    if (size == 0) return;
    if (std::fwrite(data, 1, size, file_) != size) throw std::runtime_error("write failed");
    checksum_.update(data, size);
    size_ += size;
  }

  template <typename T>
  void pod(const T &value) {
    write(&value, sizeof(T));
  }

  uint64_t size() const { return size_; }
  uint64_t checksum() const { return checksum_.finish(); }

 private:
  FILE *file_;
  Checksum checksum_;
  uint64_t size_ = 0;
};

// Reads from a FILE, failing with a corrupt-file error when the file ends early.
class PayloadReader {
 public:
  explicit PayloadReader(FILE *file) : file_(file) {}

  void read(void *data, size_t size) {
    if (size > 0 && std::fread(data, 1, size, file_) != size) throw std::runtime_error("file ends early");
  }

  template <typename T>
  T pod() {
    T value;
    read(&value, sizeof(T));
    return value;
  }

 private:
  FILE *file_;
};

struct FileCloser {
  void operator()(FILE *file) const {
    if (file != nullptr) std::fclose(file);
  }
};
using File = std::unique_ptr<FILE, FileCloser>;

File open_file(const char *path, const char *mode) {
  File file(std::fopen(path, mode));
  if (file) std::setvbuf(file.get(), nullptr, _IOFBF, kIOBufferSize);
  return file;
}

std::unique_ptr<hnswlib::SpaceInterface<float>> make_space(loupe_hnsw_space space, size_t dimension) {
  if (space == LOUPE_HNSW_INNER_PRODUCT) return std::make_unique<hnswlib::InnerProductSpace>(dimension);
  return std::make_unique<hnswlib::L2Space>(dimension);
}

}  // namespace

struct loupe_hnsw {
  loupe_hnsw_space space_kind;
  size_t dimension;
  std::unique_ptr<hnswlib::SpaceInterface<float>> space;
  std::unique_ptr<Graph> graph;
};

namespace {

bool is_live(const Graph &graph, labeltype label, tableint *internal) {
  auto found = graph.label_lookup_.find(label);
  if (found == graph.label_lookup_.end() || graph.isMarkedDeleted(found->second)) return false;
  *internal = found->second;
  return true;
}

using Queue = std::priority_queue<std::pair<float, tableint>, std::vector<std::pair<float, tableint>>,
                                  Graph::CompareByFirst>;

// hnswlib's searchBaseLayerST with a per-call ef and a label filter (as hnswlib 0.7 added): nodes
// that are deleted or filtered out still route the search but never enter the results, and while
// any node can be excluded the search keeps going until it holds ef allowed results.
Queue search_base_layer(const Graph &graph, tableint entry, const float *query, size_t ef, loupe_hnsw_filter filter,
                        void *context) {
  const bool restricted = filter != nullptr || graph.num_deleted_ > 0;
  auto allowed = [&](tableint id) {
    return !graph.isMarkedDeleted(id) && (filter == nullptr || filter(graph.getExternalLabel(id), context));
  };
  hnswlib::VisitedList *visited_list = graph.visited_list_pool_->getFreeVisitedList();
  hnswlib::vl_type *visited = visited_list->mass;
  hnswlib::vl_type tag = visited_list->curV;

  Queue top;
  Queue candidates;
  float lower_bound;
  if (!restricted || allowed(entry)) {
    float distance = graph.fstdistfunc_(query, graph.getDataByInternalId(entry), graph.dist_func_param_);
    lower_bound = distance;
    top.emplace(distance, entry);
    candidates.emplace(-distance, entry);
  } else {
    lower_bound = std::numeric_limits<float>::max();
    candidates.emplace(-lower_bound, entry);
  }
  visited[entry] = tag;

  while (!candidates.empty()) {
    auto current = candidates.top();
    if (-current.first > lower_bound && (top.size() == ef || !restricted)) break;
    candidates.pop();
    int *links = reinterpret_cast<int *>(graph.get_linklist0(current.second));
    size_t size = graph.getListCount(reinterpret_cast<hnswlib::linklistsizeint *>(links));
#ifdef USE_SSE
    _mm_prefetch(reinterpret_cast<char *>(visited + *(links + 1)), _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<char *>(visited + *(links + 1) + 64), _MM_HINT_T0);
    _mm_prefetch(graph.data_level0_memory_ + (*(links + 1)) * graph.size_data_per_element_ + graph.offsetData_,
                 _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<char *>(links + 2), _MM_HINT_T0);
#endif
    for (size_t j = 1; j <= size; j++) {
      tableint candidate = static_cast<tableint>(*(links + j));
#ifdef USE_SSE
      _mm_prefetch(reinterpret_cast<char *>(visited + *(links + j + 1)), _MM_HINT_T0);
      _mm_prefetch(graph.data_level0_memory_ + (*(links + j + 1)) * graph.size_data_per_element_ + graph.offsetData_,
                   _MM_HINT_T0);
#endif
      if (visited[candidate] == tag) continue;
      visited[candidate] = tag;
      float distance = graph.fstdistfunc_(query, graph.getDataByInternalId(candidate), graph.dist_func_param_);
      if (top.size() < ef || lower_bound > distance) {
        candidates.emplace(-distance, candidate);
#ifdef USE_SSE
        _mm_prefetch(graph.data_level0_memory_ + candidates.top().second * graph.size_data_per_element_ +
                         graph.offsetLevel0_,
                     _MM_HINT_T0);
#endif
        if (!restricted || allowed(candidate)) top.emplace(distance, candidate);
        if (top.size() > ef) top.pop();
        if (!top.empty()) lower_bound = top.top().first;
      }
    }
  }
  graph.visited_list_pool_->releaseVisitedList(visited_list);
  return top;
}

void save_payload(const Graph &graph, PayloadWriter &out) {
  out.pod(graph.offsetLevel0_);
  out.pod(graph.max_elements_);
  out.pod(graph.cur_element_count);
  out.pod(graph.size_data_per_element_);
  out.pod(graph.label_offset_);
  out.pod(graph.offsetData_);
  out.pod(graph.maxlevel_);
  out.pod(graph.enterpoint_node_);
  out.pod(graph.maxM_);
  out.pod(graph.maxM0_);
  out.pod(graph.M_);
  out.pod(graph.mult_);
  out.pod(graph.ef_construction_);
  out.write(graph.data_level0_memory_, graph.cur_element_count * graph.size_data_per_element_);
  for (size_t i = 0; i < graph.cur_element_count; i++) {
    unsigned int size = graph.element_levels_[i] > 0 ? graph.size_links_per_element_ * graph.element_levels_[i] : 0;
    out.pod(size);
    if (size) out.write(graph.linkLists_[i], size);
  }
}

// The fields hnswlib's loadIndex reads, checked against the space before anything is allocated.
struct PayloadLayout {
  size_t offset_level0, max_elements, element_count, size_data_per_element, label_offset, offset_data;
  int max_level;
  tableint entry_point;
  size_t max_m, max_m0, m;
  double mult;
  size_t ef_construction;
};

PayloadLayout read_layout(PayloadReader &in, size_t data_size, uint64_t payload_size) {
  PayloadLayout layout;
  layout.offset_level0 = in.pod<size_t>();
  layout.max_elements = in.pod<size_t>();
  layout.element_count = in.pod<size_t>();
  layout.size_data_per_element = in.pod<size_t>();
  layout.label_offset = in.pod<size_t>();
  layout.offset_data = in.pod<size_t>();
  layout.max_level = in.pod<int>();
  layout.entry_point = in.pod<tableint>();
  layout.max_m = in.pod<size_t>();
  layout.max_m0 = in.pod<size_t>();
  layout.m = in.pod<size_t>();
  layout.mult = in.pod<double>();
  layout.ef_construction = in.pod<size_t>();
  size_t links_level0 = layout.max_m0 * sizeof(tableint) + sizeof(hnswlib::linklistsizeint);
  bool consistent = layout.offset_level0 == 0 && layout.offset_data == links_level0 &&
                    layout.label_offset == links_level0 + data_size &&
                    layout.size_data_per_element == links_level0 + data_size + sizeof(labeltype) &&
                    layout.element_count <= layout.max_elements && layout.max_m > 0 && layout.max_m <= 10000 &&
                    layout.max_m0 <= 20000 && layout.max_level >= -1 &&
                    layout.element_count <= payload_size / layout.size_data_per_element &&
                    (layout.element_count == 0 || layout.entry_point < layout.element_count);
  if (!consistent) throw std::invalid_argument("graph layout does not match the index's dimension");
  return layout;
}

// hnswlib's loadIndex, from a FILE positioned after Loupe's header, with every level size checked.
std::unique_ptr<Graph> load_payload(FILE *file, hnswlib::SpaceInterface<float> *space, uint64_t payload_size) {
  PayloadReader in(file);
  PayloadLayout layout = read_layout(in, space->get_data_size(), payload_size);
  auto graph = std::make_unique<Graph>(space);
  Graph &g = *graph;
  // The empty constructor initialises nothing; make the destructor safe before any allocation.
  g.cur_element_count = 0;
  g.data_level0_memory_ = nullptr;
  g.linkLists_ = nullptr;
  g.visited_list_pool_ = nullptr;
  g.num_deleted_ = 0;
  g.metric_distance_computations = 0;
  g.metric_hops = 0;

  g.offsetLevel0_ = layout.offset_level0;
  g.max_elements_ = std::max<size_t>(layout.max_elements, 1);
  g.size_data_per_element_ = layout.size_data_per_element;
  g.label_offset_ = layout.label_offset;
  g.offsetData_ = layout.offset_data;
  g.maxlevel_ = layout.max_level;
  g.enterpoint_node_ = layout.entry_point;
  g.maxM_ = layout.max_m;
  g.maxM0_ = layout.max_m0;
  g.M_ = layout.m;
  g.mult_ = layout.mult;
  g.ef_construction_ = layout.ef_construction;
  g.data_size_ = space->get_data_size();
  g.fstdistfunc_ = space->get_dist_func();
  g.dist_func_param_ = space->get_dist_func_param();
  g.size_links_per_element_ = g.maxM_ * sizeof(tableint) + sizeof(hnswlib::linklistsizeint);
  g.size_links_level0_ = g.maxM0_ * sizeof(tableint) + sizeof(hnswlib::linklistsizeint);
  g.revSize_ = 1.0 / g.mult_;
  g.ef_ = 10;

  g.linkLists_ = static_cast<char **>(std::calloc(g.max_elements_, sizeof(void *)));
  g.data_level0_memory_ = static_cast<char *>(std::malloc(g.max_elements_ * g.size_data_per_element_));
  if (g.linkLists_ == nullptr || g.data_level0_memory_ == nullptr) throw std::bad_alloc();
  g.element_levels_ = std::vector<int>(g.max_elements_, 0);
  std::vector<std::mutex>(g.max_elements_).swap(g.link_list_locks_);
  std::vector<std::mutex>(Graph::max_update_element_locks).swap(g.link_list_update_locks_);
  g.visited_list_pool_ = new hnswlib::VisitedListPool(1, g.max_elements_);

  in.read(g.data_level0_memory_, layout.element_count * g.size_data_per_element_);
  for (size_t i = 0; i < layout.element_count; i++) {
    auto size = in.pod<unsigned int>();
    if (size % g.size_links_per_element_ != 0 || size / g.size_links_per_element_ > 64)
      throw std::invalid_argument("a node's level list has an impossible size");
    if (size > 0) {
      g.linkLists_[i] = static_cast<char *>(std::malloc(size));
      if (g.linkLists_[i] == nullptr) throw std::bad_alloc();
      // Counted before the read, so the destructor frees this list even if the read fails.
      g.element_levels_[i] = static_cast<int>(size / g.size_links_per_element_);
      g.cur_element_count = i + 1;
      in.read(g.linkLists_[i], size);
    }
    g.cur_element_count = i + 1;
  }
  if (std::fgetc(file) != EOF) throw std::invalid_argument("data after the graph");
  for (size_t i = 0; i < g.cur_element_count; i++) {
    g.label_lookup_[g.getExternalLabel(i)] = static_cast<tableint>(i);
    if (g.isMarkedDeleted(static_cast<tableint>(i))) g.num_deleted_ += 1;
  }
  return graph;
}

loupe_hnsw_status read_header(FILE *file, const char *path, Header *header, char *error, size_t error_size) {
  if (std::fread(header, 1, sizeof(Header), file) != sizeof(Header)) {
    report(error, error_size, "shorter than its header");
    return LOUPE_HNSW_CORRUPT;
  }
  if (std::memcmp(header->magic, kMagic, sizeof(kMagic)) != 0) {
    report(error, error_size, "not a Loupe HNSW index file");
    return LOUPE_HNSW_CORRUPT;
  }
  if (header_checksum(*header) != header->header_checksum) {
    report(error, error_size, "header checksum mismatch");
    return LOUPE_HNSW_CORRUPT;
  }
  if (header->format_version != kFormatVersion) {
    report(error, error_size, "format version " + std::to_string(header->format_version) + ", expected " +
                                  std::to_string(kFormatVersion));
    return LOUPE_HNSW_CORRUPT;
  }
  if (std::fseek(file, 0, SEEK_END) != 0) {
    report(error, error_size, std::string("cannot seek ") + path);
    return LOUPE_HNSW_IO_ERROR;
  }
  long end = std::ftell(file);
  if (end < 0 || static_cast<uint64_t>(end) != kHeaderSize + header->payload_size) {
    report(error, error_size, "file is " + std::to_string(end) + " bytes, header says " +
                                  std::to_string(kHeaderSize + header->payload_size));
    return LOUPE_HNSW_CORRUPT;
  }
  std::fseek(file, kHeaderSize, SEEK_SET);
  return LOUPE_HNSW_OK;
}

loupe_hnsw_status verify_payload(FILE *file, const Header &header, char *error, size_t error_size) {
  std::vector<char> buffer(kIOBufferSize);
  Checksum checksum;
  uint64_t remaining = header.payload_size;
  while (remaining > 0) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(remaining, buffer.size()));
    size_t got = std::fread(buffer.data(), 1, want, file);
    if (got != want) {
      report(error, error_size, "read failed");
      return LOUPE_HNSW_IO_ERROR;
    }
    checksum.update(buffer.data(), got);
    remaining -= got;
  }
  if (checksum.finish() != header.payload_checksum) {
    report(error, error_size, "payload checksum mismatch");
    return LOUPE_HNSW_CORRUPT;
  }
  std::fseek(file, kHeaderSize, SEEK_SET);
  return LOUPE_HNSW_OK;
}

}  // namespace

extern "C" {

loupe_hnsw *loupe_hnsw_create(loupe_hnsw_space space, size_t dimension, size_t capacity, size_t m,
                              size_t ef_construction, size_t seed, char *error, size_t error_size) {
  try {
    auto index = std::make_unique<loupe_hnsw>();
    index->space_kind = space;
    index->dimension = dimension;
    index->space = make_space(space, dimension);
    index->graph =
        std::make_unique<Graph>(index->space.get(), std::max<size_t>(capacity, 1), m, ef_construction, seed);
    return index.release();
  } catch (const std::exception &exception) {
    report(error, error_size, exception.what());
    return nullptr;
  }
}

void loupe_hnsw_free(loupe_hnsw *index) { delete index; }

size_t loupe_hnsw_element_count(const loupe_hnsw *index) { return index->graph->cur_element_count; }

size_t loupe_hnsw_deleted_count(const loupe_hnsw *index) { return index->graph->num_deleted_; }

size_t loupe_hnsw_capacity(const loupe_hnsw *index) { return index->graph->max_elements_; }

loupe_hnsw_status loupe_hnsw_reserve(loupe_hnsw *index, size_t capacity, char *error, size_t error_size) {
  try {
    if (capacity > index->graph->max_elements_) index->graph->resizeIndex(capacity);
    return LOUPE_HNSW_OK;
  } catch (const std::exception &exception) {
    report(error, error_size, exception.what());
    return LOUPE_HNSW_FAILED;
  }
}

loupe_hnsw_status loupe_hnsw_add(loupe_hnsw *index, const float *vectors, const uint64_t *labels, size_t count,
                                 size_t threads, char *error, size_t error_size) {
  Graph &graph = *index->graph;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex message_lock;
  std::string message;
  // hnswlib's addPoint is safe to call from several threads at once (its Python binding does).
  auto work = [&] {
    for (size_t row = next++; row < count && !failed; row = next++) {
      try {
        graph.addPoint(vectors + row * index->dimension, static_cast<labeltype>(labels[row]));
      } catch (const std::exception &exception) {
        std::lock_guard<std::mutex> lock(message_lock);
        if (!failed.exchange(true)) message = exception.what();
      }
    }
  };
  size_t workers = std::max<size_t>(1, std::min(threads, count / 64 + 1));
  if (workers == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    try {
      for (size_t i = 0; i < workers; i++) pool.emplace_back(work);
    } catch (const std::exception &exception) {
      failed = true;
      message = exception.what();
    }
    for (auto &thread : pool) thread.join();
  }
  if (failed) {
    report(error, error_size, message);
    return LOUPE_HNSW_FAILED;
  }
  return LOUPE_HNSW_OK;
}

loupe_hnsw_status loupe_hnsw_mark_deleted(loupe_hnsw *index, uint64_t label) {
  tableint internal;
  if (!is_live(*index->graph, label, &internal)) return LOUPE_HNSW_NOT_FOUND;
  index->graph->markDeletedInternal(internal);
  return LOUPE_HNSW_OK;
}

bool loupe_hnsw_contains(const loupe_hnsw *index, uint64_t label) {
  tableint internal;
  return is_live(*index->graph, label, &internal);
}

size_t loupe_hnsw_search(const loupe_hnsw *index, const float *query, size_t k, size_t ef, loupe_hnsw_filter filter,
                         void *context, uint64_t *labels, float *distances) {
  const Graph &graph = *index->graph;
  if (graph.cur_element_count == 0 || k == 0) return 0;
  // Greedy descent through the upper layers, as in hnswlib's searchKnn.
  tableint current = graph.enterpoint_node_;
  float current_distance = graph.fstdistfunc_(query, graph.getDataByInternalId(current), graph.dist_func_param_);
  for (int level = graph.maxlevel_; level > 0; level--) {
    bool changed = true;
    while (changed) {
      changed = false;
      auto *links = graph.get_linklist(current, level);
      int size = graph.getListCount(links);
      auto *neighbours = reinterpret_cast<tableint *>(links + 1);
      for (int i = 0; i < size; i++) {
        float distance =
            graph.fstdistfunc_(query, graph.getDataByInternalId(neighbours[i]), graph.dist_func_param_);
        if (distance < current_distance) {
          current_distance = distance;
          current = neighbours[i];
          changed = true;
        }
      }
    }
  }
  Queue top = search_base_layer(graph, current, query, std::max(ef, k), filter, context);
  while (top.size() > k) top.pop();
  size_t found = top.size();
  for (size_t i = found; i > 0; i--) {
    labels[i - 1] = graph.getExternalLabel(top.top().second);
    distances[i - 1] = top.top().first;
    top.pop();
  }
  return found;
}

size_t loupe_hnsw_distances(const loupe_hnsw *index, const float *query, const uint64_t *candidates, size_t count,
                            uint64_t *labels, float *distances) {
  const Graph &graph = *index->graph;
  size_t written = 0;
  for (size_t i = 0; i < count; i++) {
    tableint internal;
    if (!is_live(graph, candidates[i], &internal)) continue;
    labels[written] = candidates[i];
    distances[written] = graph.fstdistfunc_(query, graph.getDataByInternalId(internal), graph.dist_func_param_);
    written++;
  }
  return written;
}

loupe_hnsw_status loupe_hnsw_vector(const loupe_hnsw *index, uint64_t label, float *vector) {
  tableint internal;
  if (!is_live(*index->graph, label, &internal)) return LOUPE_HNSW_NOT_FOUND;
  std::memcpy(vector, index->graph->getDataByInternalId(internal), index->graph->data_size_);
  return LOUPE_HNSW_OK;
}

size_t loupe_hnsw_live_labels(const loupe_hnsw *index, uint64_t *labels, size_t capacity) {
  const Graph &graph = *index->graph;
  size_t written = 0;
  for (size_t i = 0; i < graph.cur_element_count && written < capacity; i++) {
    if (graph.isMarkedDeleted(static_cast<tableint>(i))) continue;
    labels[written++] = graph.getExternalLabel(i);
  }
  return written;
}

size_t loupe_hnsw_sample_labels(const loupe_hnsw *index, size_t count, uint64_t *labels) {
  const Graph &graph = *index->graph;
  size_t elements = graph.cur_element_count;
  if (elements == 0 || count == 0) return 0;
  size_t written = 0;
  for (size_t i = 0; i < count && i < elements; i++) {
    auto internal = static_cast<tableint>(i * elements / std::min(count, elements));
    if (!graph.isMarkedDeleted(internal)) labels[written++] = graph.getExternalLabel(internal);
  }
  return written;
}

loupe_hnsw_status loupe_hnsw_save(const loupe_hnsw *index, const char *path, uint64_t generation, char *error,
                                  size_t error_size) {
  std::string temporary = std::string(path) + ".tmp-" + std::to_string(getpid());
  try {
    File file = open_file(temporary.c_str(), "wb");
    if (!file) {
      report(error, error_size, "cannot create " + temporary + ": " + std::strerror(errno));
      return LOUPE_HNSW_IO_ERROR;
    }
    Header header = {};
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.format_version = kFormatVersion;
    header.space = static_cast<uint32_t>(index->space_kind);
    header.dimension = index->dimension;
    header.live_count = index->graph->cur_element_count - index->graph->num_deleted_;
    header.generation = generation;
    // Written once as a placeholder, then again once the payload's size and checksum are known.
    if (std::fwrite(&header, 1, sizeof(header), file.get()) != sizeof(header)) throw std::runtime_error("write failed");
    PayloadWriter writer(file.get());
    save_payload(*index->graph, writer);
    header.payload_size = writer.size();
    header.payload_checksum = writer.checksum();
    header.header_checksum = header_checksum(header);
    if (std::fseek(file.get(), 0, SEEK_SET) != 0 || std::fwrite(&header, 1, sizeof(header), file.get()) != sizeof(header) ||
        std::fflush(file.get()) != 0 || fsync(fileno(file.get())) != 0)
      throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
    if (std::fclose(file.release()) != 0) throw std::runtime_error("close failed");
    if (std::rename(temporary.c_str(), path) != 0)
      throw std::runtime_error(std::string("rename failed: ") + std::strerror(errno));
    return LOUPE_HNSW_OK;
  } catch (const std::exception &exception) {
    std::remove(temporary.c_str());
    report(error, error_size, exception.what());
    return LOUPE_HNSW_IO_ERROR;
  }
}

loupe_hnsw_status loupe_hnsw_read_info(const char *path, bool verify, loupe_hnsw_file_info *info, char *error,
                                       size_t error_size) {
  File file = open_file(path, "rb");
  if (!file) {
    report(error, error_size, std::strerror(errno));
    return errno == ENOENT ? LOUPE_HNSW_NOT_FOUND : LOUPE_HNSW_IO_ERROR;
  }
  Header header;
  loupe_hnsw_status status = read_header(file.get(), path, &header, error, error_size);
  if (status == LOUPE_HNSW_OK && verify) status = verify_payload(file.get(), header, error, error_size);
  if (status != LOUPE_HNSW_OK) return status;
  *info = {header.format_version, header.space,        header.dimension,       header.live_count,
           header.generation,     header.payload_size, header.payload_checksum};
  return LOUPE_HNSW_OK;
}

loupe_hnsw *loupe_hnsw_load(const char *path, loupe_hnsw_space space, size_t dimension, loupe_hnsw_status *status,
                            char *error, size_t error_size) {
  File file = open_file(path, "rb");
  if (!file) {
    report(error, error_size, std::strerror(errno));
    *status = errno == ENOENT ? LOUPE_HNSW_NOT_FOUND : LOUPE_HNSW_IO_ERROR;
    return nullptr;
  }
  Header header;
  *status = read_header(file.get(), path, &header, error, error_size);
  if (*status == LOUPE_HNSW_OK && (header.space != static_cast<uint32_t>(space) || header.dimension != dimension)) {
    report(error, error_size, "file holds dimension " + std::to_string(header.dimension) + " space " +
                                  std::to_string(header.space) + ", expected dimension " + std::to_string(dimension) +
                                  " space " + std::to_string(static_cast<int>(space)));
    *status = LOUPE_HNSW_CORRUPT;
  }
  if (*status == LOUPE_HNSW_OK) *status = verify_payload(file.get(), header, error, error_size);
  if (*status != LOUPE_HNSW_OK) return nullptr;
  try {
    auto index = std::make_unique<loupe_hnsw>();
    index->space_kind = space;
    index->dimension = dimension;
    index->space = make_space(space, dimension);
    index->graph = load_payload(file.get(), index->space.get(), header.payload_size);
    return index.release();
  } catch (const std::bad_alloc &) {
    report(error, error_size, "out of memory");
    *status = LOUPE_HNSW_FAILED;
  } catch (const std::exception &exception) {
    report(error, error_size, exception.what());
    *status = LOUPE_HNSW_CORRUPT;
  }
  return nullptr;
}

}  // extern "C"
