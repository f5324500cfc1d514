#include "loupe_vips.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;

static void drop_message(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

static void start(void) {
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

static int load(const void *bytes, size_t length, loupe_format format, VipsImage **out) {
  // Truncated or corrupt data must fail, not decode as grey padding.
  switch (format) {
  case LOUPE_FORMAT_PNG:
    return vips_pngload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  case LOUPE_FORMAT_JPEG:
    return vips_jpegload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  case LOUPE_FORMAT_GIF:
    return vips_gifload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  case LOUPE_FORMAT_WEBP:
    return vips_webpload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  case LOUPE_FORMAT_TIFF:
    return vips_tiffload_buffer((void *)bytes, length, out, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
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

int loupe_vips_decode_rgb(const void *bytes, size_t length, loupe_format format,
                          uint64_t max_pixels, int *width, int *height,
                          uint8_t **pixels, char **message) {
  if (loupe_vips_start() != LOUPE_OK) {
    set_message(message, "libvips failed to start");
    return LOUPE_ERROR_INIT;
  }
  VipsImage *image = NULL;
  if (load(bytes, length, format, &image) != 0) {
    take_error(message);
    return LOUPE_ERROR_HEADER;
  }
  uint64_t pixel_count = (uint64_t)vips_image_get_width(image) * (uint64_t)vips_image_get_height(image);
  if (pixel_count > max_pixels) {
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    set_message(message, "image has more pixels than allowed");
    return LOUPE_ERROR_TOO_LARGE;
  }

  if (apply(&image, autorotate, NULL) != 0) goto failed;
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

  size_t size = 0;
  void *memory = vips_image_write_to_memory(image, &size);
  if (memory == NULL) goto failed;
  *width = vips_image_get_width(image);
  *height = vips_image_get_height(image);
  g_object_unref(image);
  if (size != (size_t)(*width) * (size_t)(*height) * 3) {
    g_free(memory);
    set_message(message, "decoded buffer has an unexpected size");
    return LOUPE_ERROR_DECODE;
  }
  *pixels = memory;
  return LOUPE_OK;

failed:
  if (image != NULL) g_object_unref(image);
  take_error(message);
  return LOUPE_ERROR_DECODE;
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
