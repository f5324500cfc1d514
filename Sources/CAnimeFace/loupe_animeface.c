#define _GNU_SOURCE
#include "loupe_animeface.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libnvxs's own types, as its headers (nvxs 1.0.2) and the wheel's debug information lay them
// out; Loupe has no copy of those headers, so the sizes are checked here.
typedef struct {
  int list;
  unsigned int list_step;
  int n;
  int m;
  int rows;
  int cols;
  int step;
  int alias;
  float *v;
} nv_matrix;

typedef struct {
  int x, y, width, height;
} nv_rect;

typedef struct {
  float v[4];
} nv_color;

typedef struct {
  float likelihood;
  nv_rect face, left_eye, right_eye, nose, mouth, chin;
} nv_face_position;

typedef struct {
  float eye_ratio;
  float face_ratio;
  nv_color skin_bgr, skin_ec, hair_bgr, hair_ec;
  nv_color left_eye_bgr[4], right_eye_bgr[4], eye_bgr[4];
  nv_color left_eye_ec[4], right_eye_ec[4], eye_ec[4];
} nv_face_feature;

_Static_assert(sizeof(nv_matrix) == 40, "nv_matrix_t is 40 bytes in libnvxs");
_Static_assert(sizeof(nv_face_position) == 100, "nv_face_position_t is 100 bytes in libnvxs");
_Static_assert(sizeof(nv_face_feature) == 456, "nv_face_feature_t is 456 bytes in libnvxs");

typedef const void nv_mlp;  // the compiled-in networks: only their addresses are passed on

struct loupe_animeface_library {
  void *handle;
  nv_matrix *(*matrix3d_alloc)(int n, int rows, int cols);
  void (*matrix_zero)(nv_matrix *matrix);
  void (*matrix_free)(nv_matrix **matrix);
  void (*gray)(nv_matrix *gray, const nv_matrix *bgr);
  void (*gaussian5x5)(nv_matrix *dest, int dch, const nv_matrix *src, int sch);
  void (*laplacian1)(nv_matrix *edge, const nv_matrix *gray, float level);
  void (*integral)(nv_matrix *integral, const nv_matrix *image, int channel);
  int (*face_detect)(nv_face_position *faces, int max_faces, const nv_matrix *gray_integral,
                     const nv_matrix *edge_integral, const nv_rect *image_size, nv_mlp *dir_mlp,
                     nv_mlp *detector_mlp, nv_mlp **bagging_mlp, int bagging_mlps, nv_mlp *parts_mlp,
                     float step, float scale_factor, float min_window_size);
  void (*face_analyze)(nv_face_feature *feature, const nv_face_position *face, const nv_matrix *image);
  void (*srand)(unsigned long seed);
  nv_mlp *dir_mlp, *detector_mlp, *bagging_mlp[3], *parts_mlp;
};

// nv_face_detect keeps its 8,192 candidates (40 bytes each) on the stack; a thread of its own
// with a known stack makes that safe whatever thread the caller is on.
static const size_t detection_stack_bytes = 8u << 20;
// As many faces as nv_face_detect keeps candidates: a smaller bound would drop faces, since it
// only refines the first `max_faces` candidates.
enum { max_faces = 8192 };
// AnimeFace's own detection settings (window step, pyramid scale, smallest window in pixels),
// as every binding of the library passes them.
static const float window_step = 4.0f, pyramid_scale = 1.095f, smallest_window = 42.592f;

// nv_face_analyze samples pixels through one process-wide random state (nv_rand): colour
// analyses run one at a time from a fixed seed, so a face's colours are the same on every run.
static pthread_mutex_t analysis_lock = PTHREAD_MUTEX_INITIALIZER;
static const unsigned long analysis_seed = 20090623;

static void write_message(char *message, size_t size, const char *prefix, const char *detail) {
  if (message == NULL || size == 0) return;
  snprintf(message, size, "%s%s", prefix, detail != NULL ? detail : "unknown error");
}

static void *resolve(void *handle, const char *name, int *missing, char *message, size_t size) {
  void *symbol = dlsym(handle, name);
  if (symbol == NULL && !*missing) {
    *missing = 1;
    write_message(message, size, "libnvxs lacks a symbol the detector needs: ", name);
  }
  return symbol;
}

loupe_animeface_library *loupe_animeface_open(const char *path, char *message, size_t message_size) {
  // RTLD_DEEPBIND: libnvxs carries its own f2c BLAS/LAPACK under common Fortran names (sgemm_,
  // lsame_, xerbla_ ...); its calls must reach its own copies, not another library's.
  void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (handle == NULL) {
    write_message(message, message_size, "", dlerror());
    return NULL;
  }
  loupe_animeface_library *library = calloc(1, sizeof(*library));
  if (library == NULL) {
    dlclose(handle);
    write_message(message, message_size, "", "out of memory");
    return NULL;
  }
  int missing = 0;
  library->handle = handle;
#define RESOLVE(field, name) *(void **)(&library->field) = resolve(handle, name, &missing, message, message_size)
  RESOLVE(matrix3d_alloc, "nv_matrix3d_alloc");
  RESOLVE(matrix_zero, "nv_matrix_zero");
  RESOLVE(matrix_free, "nv_matrix_free");
  RESOLVE(gray, "nv_gray");
  RESOLVE(gaussian5x5, "nv_gaussian5x5");
  RESOLVE(laplacian1, "nv_laplacian1");
  RESOLVE(integral, "nv_integral");
  RESOLVE(face_detect, "nv_face_detect");
  RESOLVE(face_analyze, "nv_face_analyze");
  RESOLVE(srand, "nv_srand");
#undef RESOLVE
  library->dir_mlp = resolve(handle, "nv_face_mlp_dir", &missing, message, message_size);
  library->detector_mlp = resolve(handle, "nv_face_mlp_face_00", &missing, message, message_size);
  library->bagging_mlp[0] = resolve(handle, "nv_face_mlp_face_01", &missing, message, message_size);
  library->bagging_mlp[1] = resolve(handle, "nv_face_mlp_face_02", &missing, message, message_size);
  library->bagging_mlp[2] = NULL;
  library->parts_mlp = resolve(handle, "nv_face_mlp_parts", &missing, message, message_size);
  if (missing) {
    loupe_animeface_close(library);
    return NULL;
  }
  return library;
}

void loupe_animeface_close(loupe_animeface_library *library) {
  if (library == NULL) return;
  dlclose(library->handle);
  free(library);
}

void loupe_animeface_free(loupe_animeface_face *faces) { free(faces); }

static int inside(nv_rect rect, int width, int height) {
  return rect.x >= 0 && rect.y >= 0 && rect.width >= 0 && rect.height >= 0 && rect.x + rect.width <= width &&
         rect.y + rect.height <= height;
}

static loupe_animeface_rect copy_rect(nv_rect rect) {
  return (loupe_animeface_rect){rect.x, rect.y, rect.width, rect.height};
}

// nv_colour is BGR; Loupe's colours are RGB.
static void copy_colour(float *rgb, nv_color colour) {
  rgb[0] = colour.v[2];
  rgb[1] = colour.v[1];
  rgb[2] = colour.v[0];
}

typedef struct {
  const loupe_animeface_library *library;
  const uint8_t *rgb;
  int width, height;
  loupe_animeface_face *faces;
  int count;
  loupe_animeface_status status;
} detection;

static void describe(const loupe_animeface_library *library, const nv_face_position *position, const nv_matrix *bgr,
                     int width, int height, loupe_animeface_face *face) {
  face->likelihood = position->likelihood;
  face->face = copy_rect(position->face);
  face->left_eye = copy_rect(position->left_eye);
  face->right_eye = copy_rect(position->right_eye);
  face->nose = copy_rect(position->nose);
  face->mouth = copy_rect(position->mouth);
  face->chin = copy_rect(position->chin);
  for (int channel = 0; channel < 3; ++channel) {
    face->skin[channel] = face->hair[channel] = -1;
    face->left_eye_colour[channel] = face->right_eye_colour[channel] = -1;
  }
  // nv_face_analyze samples the eye, nose and mouth regions without bounds checks: a face whose
  // parts leave the image (cut by the frame's edge) keeps unknown colours (-1) instead.
  if (!inside(position->left_eye, width, height) || !inside(position->right_eye, width, height) ||
      !inside(position->nose, width, height) || !inside(position->mouth, width, height) ||
      position->left_eye.width * position->left_eye.height == 0 ||
      position->right_eye.width * position->right_eye.height == 0)
    return;
  nv_face_feature feature;
  memset(&feature, 0, sizeof(feature));
  pthread_mutex_lock(&analysis_lock);
  library->srand(analysis_seed);
  library->face_analyze(&feature, position, bgr);
  pthread_mutex_unlock(&analysis_lock);
  copy_colour(face->skin, feature.skin_bgr);
  copy_colour(face->hair, feature.hair_bgr);
  copy_colour(face->left_eye_colour, feature.left_eye_bgr[0]);
  copy_colour(face->right_eye_colour, feature.right_eye_bgr[0]);
}

static void *run_detection(void *argument) {
  detection *job = argument;
  const loupe_animeface_library *library = job->library;
  const int width = job->width, height = job->height;
  nv_matrix *bgr = library->matrix3d_alloc(3, height, width);
  nv_matrix *gray = library->matrix3d_alloc(1, height, width);
  nv_matrix *smooth = library->matrix3d_alloc(1, height, width);
  nv_matrix *edge = library->matrix3d_alloc(1, height, width);
  nv_matrix *gray_integral = library->matrix3d_alloc(1, height + 1, width + 1);
  nv_matrix *edge_integral = library->matrix3d_alloc(1, height + 1, width + 1);
  nv_face_position *positions = malloc(sizeof(nv_face_position) * max_faces);
  job->status = LOUPE_ANIMEFACE_NO_MEMORY;
  if (bgr == NULL || gray == NULL || smooth == NULL || edge == NULL || gray_integral == NULL ||
      edge_integral == NULL || positions == NULL)
    goto done;

  // The library's matrices hold one float per channel, blue first.
  for (int y = 0; y < height; ++y) {
    const uint8_t *row = job->rgb + (size_t)y * width * 3;
    for (int x = 0; x < width; ++x) {
      float *pixel = bgr->v + ((size_t)y * bgr->cols + x) * bgr->step;
      pixel[0] = row[3 * x + 2];
      pixel[1] = row[3 * x + 1];
      pixel[2] = row[3 * x];
    }
  }
  library->gray(gray, bgr);
  library->matrix_zero(smooth);
  library->matrix_zero(edge);
  library->matrix_zero(gray_integral);
  library->matrix_zero(edge_integral);
  library->gaussian5x5(smooth, 0, gray, 0);
  library->laplacian1(edge, smooth, 4.0f);
  library->integral(gray_integral, gray, 0);
  library->integral(edge_integral, edge, 0);

  nv_rect image = {0, 0, width, height};
  int found = library->face_detect(positions, max_faces, gray_integral, edge_integral, &image, library->dir_mlp,
                                   library->detector_mlp, (nv_mlp **)library->bagging_mlp, 2, library->parts_mlp,
                                   window_step, pyramid_scale, smallest_window);
  job->count = 0;
  job->faces = NULL;
  if (found > 0) {
    job->faces = calloc((size_t)found, sizeof(loupe_animeface_face));
    if (job->faces == NULL) goto done;
    for (int index = 0; index < found; ++index)
      describe(library, &positions[index], bgr, width, height, &job->faces[index]);
    job->count = found;
  }
  job->status = LOUPE_ANIMEFACE_OK;

done:
  free(positions);
  library->matrix_free(&bgr);
  library->matrix_free(&gray);
  library->matrix_free(&smooth);
  library->matrix_free(&edge);
  library->matrix_free(&gray_integral);
  library->matrix_free(&edge_integral);
  return NULL;
}

loupe_animeface_status loupe_animeface_detect(const loupe_animeface_library *library, const uint8_t *rgb,
                                              int32_t width, int32_t height, loupe_animeface_face **faces,
                                              int32_t *count) {
  *faces = NULL;
  *count = 0;
  if (library == NULL || rgb == NULL || width <= 0 || height <= 0) return LOUPE_ANIMEFACE_BAD_IMAGE;
  detection job = {library, rgb, width, height, NULL, 0, LOUPE_ANIMEFACE_NO_MEMORY};
  pthread_attr_t attributes;
  pthread_t thread;
  if (pthread_attr_init(&attributes) != 0) return LOUPE_ANIMEFACE_THREAD;
  int started = pthread_attr_setstacksize(&attributes, detection_stack_bytes) == 0 &&
                pthread_create(&thread, &attributes, run_detection, &job) == 0;
  pthread_attr_destroy(&attributes);
  if (!started) return LOUPE_ANIMEFACE_THREAD;
  pthread_join(thread, NULL);
  if (job.status != LOUPE_ANIMEFACE_OK) {
    free(job.faces);
    return job.status;
  }
  *faces = job.faces;
  *count = job.count;
  return LOUPE_ANIMEFACE_OK;
}
