#include "loupe_vips.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;

static void drop_message(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

// BMP and ICO go through ImageMagick, whose decoders are the least hardened of the loaders:
// it runs under explicit resource limits, read from the environment when ImageMagick starts
// (they can only lower the system policy's). Memory and mapped memory stay modest and nothing
// spills to disk. No time limit: ImageMagick 6 counts it from its start, for the whole process,
// and exceeding it is a fatal error that exits. The caller's pixel limit is checked on the
// header before any of this.
static void limit_imagemagick(void) {
  setenv("MAGICK_MEMORY_LIMIT", "256MiB", 0);
  setenv("MAGICK_MAP_LIMIT", "256MiB", 0);
  setenv("MAGICK_DISK_LIMIT", "0", 0);
  setenv("MAGICK_AREA_LIMIT", "100MP", 0);
  setenv("MAGICK_WIDTH_LIMIT", "32KP", 0);
  setenv("MAGICK_HEIGHT_LIMIT", "32KP", 0);
  setenv("MAGICK_THREAD_LIMIT", "1", 0);
}

static void start(void) {
  limit_imagemagick();
  start_result = VIPS_INIT("loupe");
  // Decode failures reach callers as typed errors; libvips' per-tile warnings would only be noise on stderr.
  g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, drop_message, NULL);
  if (start_result == 0) {
    // Loupe decodes whole images in one go; a large operation cache only holds memory.
    vips_cache_set_max(0);
  }
}

int loupe_vips_start(void) {
  pthread_once(&start_once, start);
  return start_result == 0 ? LOUPE_OK : LOUPE_ERROR_INIT;
}

static void take_error(char **message) {
  if (message != NULL) {
    const char *text = vips_error_buffer();
    *message = g_strdup(text != NULL && text[0] != '\0' ? text : "unknown libvips error");
  }
  vips_error_clear();
}

static void set_message(char **message, const char *text) {
  if (message != NULL) *message = g_strdup(text);
}

// `shrink` is the JPEG loader's DCT-domain shrink factor (1, 2, 4 or 8); other loaders ignore it.
// Every loader reads sequentially, so that a pipeline that shrinks the image never holds it whole.
static int load(const void *bytes, size_t length, loupe_format format, int shrink, VipsImage **out) {
  // Truncated or corrupt data must fail, not decode as grey padding.
  switch (format) {
  case LOUPE_FORMAT_PNG:
    return vips_pngload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, "access",
                               VIPS_ACCESS_SEQUENTIAL, NULL);
  case LOUPE_FORMAT_JPEG:
    return vips_jpegload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, "access",
                                VIPS_ACCESS_SEQUENTIAL, "shrink", shrink, NULL);
  case LOUPE_FORMAT_GIF:
    return vips_gifload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, "access",
                               VIPS_ACCESS_SEQUENTIAL, NULL);
  case LOUPE_FORMAT_WEBP:
    return vips_webpload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, "access",
                                VIPS_ACCESS_SEQUENTIAL, NULL);
  case LOUPE_FORMAT_TIFF:
    return vips_tiffload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, "access",
                                VIPS_ACCESS_SEQUENTIAL, NULL);
  case LOUPE_FORMAT_ICO:
  case LOUPE_FORMAT_BMP:
    return vips_magickload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  }
  vips_error("loupe", "unsupported format %d", (int)format);
  return -1;
}

// One step of the decode pipeline: on success `*image` is replaced by the step's output.
typedef int (*step_fn)(VipsImage *in, VipsImage **out, void *context);

static int apply(VipsImage **image, step_fn step, void *context) {
  VipsImage *next = NULL;
  if (step(*image, &next, context) != 0) return -1;
  g_object_unref(*image);
  *image = next;
  return 0;
}

static int autorotate(VipsImage *in, VipsImage **out, void *context) { return vips_autorot(in, out, NULL); }

static int to_srgb(VipsImage *in, VipsImage **out, void *context) {
  return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

static int flatten_on_white(VipsImage *in, VipsImage **out, void *context) {
  VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
  int status = vips_flatten(in, out, "background", white, NULL);
  vips_area_unref(VIPS_AREA(white));
  return status;
}

static int to_uchar(VipsImage *in, VipsImage **out, void *context) { return vips_cast_uchar(in, out, NULL); }

static int first_three_bands(VipsImage *in, VipsImage **out, void *context) {
  return vips_extract_band(in, out, 0, "n", 3, NULL);
}

static int grey_to_rgb(VipsImage *in, VipsImage **out, void *context) {
  VipsImage *bands[3] = {in, in, in};
  return vips_bandjoin(bands, out, 3, NULL);
}

static int needs_turning(VipsImage *image) {
  int orientation = 1;
  return vips_image_get_typeof(image, VIPS_META_ORIENTATION) != 0 &&
         vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) == 0 && orientation > 1;
}

static int to_memory(VipsImage *in, VipsImage **out, void *context) {
  *out = vips_image_copy_memory(in);
  return *out != NULL ? 0 : -1;
}

static int shrink_to(VipsImage *in, VipsImage **out, void *context) {
  double scale = *(double *)context;
  // Lanczos over the remaining factor: the JPEG loader's shrink already did the bulk, cheaply.
  return vips_resize(in, out, scale, NULL);
}

// The largest JPEG shrink-on-load factor that keeps at least `max_area` pixels.
static int jpeg_shrink_factor(uint64_t width, uint64_t height, uint64_t max_area) {
  int factor = 1;
  while (factor < 8 && (width / (factor * 2)) * (height / (factor * 2)) >= max_area) factor *= 2;
  return factor;
}

int loupe_vips_open_rgb(const void *bytes, size_t length, loupe_format format, uint64_t max_pixels, uint64_t max_area,
                        loupe_vips_image **handle, int *width, int *height, char **message) {
  if (loupe_vips_start() != LOUPE_OK) {
    set_message(message, "libvips failed to start");
    return LOUPE_ERROR_INIT;
  }
  VipsImage *image = NULL;
  if (load(bytes, length, format, 1, &image) != 0) {
    take_error(message);
    return LOUPE_ERROR_HEADER;
  }
  int full_width = vips_image_get_width(image), full_height = vips_image_get_height(image);
  uint64_t pixel_count = (uint64_t)full_width * (uint64_t)full_height;
  if (pixel_count > max_pixels) {
    *width = full_width;
    *height = full_height;
    g_object_unref(image);
    set_message(message, "image has more pixels than allowed");
    return LOUPE_ERROR_TOO_LARGE;
  }
  if (max_area > 0 && pixel_count > max_area && format == LOUPE_FORMAT_JPEG) {
    int factor = jpeg_shrink_factor(full_width, full_height, max_area);
    if (factor > 1) {
      // Only the header was read: loading again, shrunk, costs nothing yet.
      g_object_unref(image);
      image = NULL;
      if (load(bytes, length, format, factor, &image) != 0) {
        take_error(message);
        return LOUPE_ERROR_HEADER;
      }
    }
  }
  uint64_t current = (uint64_t)vips_image_get_width(image) * (uint64_t)vips_image_get_height(image);
  if (max_area > 0 && current > max_area) {
    double scale = sqrt((double)max_area / (double)current);
    if (apply(&image, shrink_to, &scale) != 0) goto failed;
  }
  // After the shrink, so that turning a sideways photo works on the small copy. Turning reads
  // out of order, which a sequential loader cannot serve: that copy is materialised first.
  if (needs_turning(image) && (apply(&image, to_memory, NULL) != 0 || apply(&image, autorotate, NULL) != 0))
    goto failed;
  // Grey, 16-bit, CMYK and Lab all go through libvips' colour management, which also rescales depth.
  if (vips_image_get_interpretation(image) != VIPS_INTERPRETATION_sRGB && vips_colourspace_issupported(image) &&
      apply(&image, to_srgb, NULL) != 0)
    goto failed;
  if (vips_image_hasalpha(image) && apply(&image, flatten_on_white, NULL) != 0) goto failed;
  if (vips_image_get_format(image) != VIPS_FORMAT_UCHAR && apply(&image, to_uchar, NULL) != 0) goto failed;
  if (vips_image_get_bands(image) > 3 && apply(&image, first_three_bands, NULL) != 0) goto failed;
  if (vips_image_get_bands(image) == 1 && apply(&image, grey_to_rgb, NULL) != 0) goto failed;
  if (vips_image_get_bands(image) != 3) {
    vips_error("loupe", "cannot convert a %d-band image to RGB", vips_image_get_bands(image));
    goto failed;
  }
  *width = vips_image_get_width(image);
  *height = vips_image_get_height(image);
  *handle = (loupe_vips_image *)image;
  return LOUPE_OK;

failed:
  if (image != NULL) g_object_unref(image);
  take_error(message);
  return LOUPE_ERROR_DECODE;
}

int loupe_vips_render_rgb(loupe_vips_image *handle, uint8_t *pixels, size_t size, char **message) {
  VipsImage *image = (VipsImage *)handle;
  int width = vips_image_get_width(image), height = vips_image_get_height(image);
  if (size != (size_t)width * (size_t)height * 3) {
    set_message(message, "output buffer has the wrong size");
    return LOUPE_ERROR_DECODE;
  }
  // A memory image over the caller's buffer: libvips writes the pixels where Swift keeps them.
  VipsImage *target = vips_image_new_from_memory(pixels, size, width, height, 3, VIPS_FORMAT_UCHAR);
  if (target == NULL) {
    take_error(message);
    return LOUPE_ERROR_DECODE;
  }
  int status = vips_image_write(image, target);
  g_object_unref(target);
  if (status != 0) {
    take_error(message);
    return LOUPE_ERROR_DECODE;
  }
  return LOUPE_OK;
}

void loupe_vips_close(loupe_vips_image *handle) {
  if (handle != NULL) g_object_unref((VipsImage *)handle);
}

int loupe_vips_encode_rgb(const uint8_t *pixels, int width, int height, loupe_format format,
                          int quality, uint8_t **bytes, size_t *length, char **message) {
  if (loupe_vips_start() != LOUPE_OK) {
    set_message(message, "libvips failed to start");
    return LOUPE_ERROR_INIT;
  }
  VipsImage *image = vips_image_new_from_memory(pixels, (size_t)width * height * 3, width, height, 3, VIPS_FORMAT_UCHAR);
  if (image == NULL) {
    take_error(message);
    return LOUPE_ERROR_ENCODE;
  }
  void *buffer = NULL;
  size_t size = 0;
  int status;
  switch (format) {
  case LOUPE_FORMAT_JPEG:
    status = vips_jpegsave_buffer(image, &buffer, &size, "Q", quality, "strip", TRUE, NULL);
    break;
  case LOUPE_FORMAT_PNG:
    status = vips_pngsave_buffer(image, &buffer, &size, "strip", TRUE, NULL);
    break;
  default:
    g_object_unref(image);
    set_message(message, "only JPEG and PNG can be encoded");
    return LOUPE_ERROR_ENCODE;
  }
  g_object_unref(image);
  if (status != 0) {
    take_error(message);
    return LOUPE_ERROR_ENCODE;
  }
  *bytes = buffer;
  *length = size;
  return LOUPE_OK;
}

void loupe_vips_free(void *pointer) { g_free(pointer); }
