#ifndef LOUPE_VIPS_H
#define LOUPE_VIPS_H

#include <stddef.h>
#include <stdint.h>

// Non-variadic entry points over libvips, whose API is variadic and so not callable from Swift.
// Every function reports failure through its return value and, where given, a malloc'd message
// that the caller releases with loupe_vips_free.

typedef enum {
  LOUPE_FORMAT_PNG = 0,
  LOUPE_FORMAT_JPEG = 1,
  LOUPE_FORMAT_GIF = 2,
  LOUPE_FORMAT_WEBP = 3,
  LOUPE_FORMAT_ICO = 4,
  LOUPE_FORMAT_BMP = 5,
  LOUPE_FORMAT_TIFF = 6,
} loupe_format;

typedef enum {
  LOUPE_OK = 0,
  LOUPE_ERROR_INIT = 1,
  LOUPE_ERROR_HEADER = 2,
  LOUPE_ERROR_TOO_LARGE = 3,
  LOUPE_ERROR_DECODE = 4,
  LOUPE_ERROR_ENCODE = 5,
} loupe_status;

/// Starts libvips once per process; later calls return the first result.
int loupe_vips_start(void);

/// A decode pipeline, opened but not yet run (a `VipsImage`).
typedef struct loupe_vips_image loupe_vips_image;
/// Opens `bytes` with the loader for `format` as a pipeline to packed 8-bit RGB that applies EXIF
/// orientation and flattens alpha onto white. The header is checked against `max_pixels` before
/// any pixel is decoded, so a decompression bomb costs only its header. When `max_area` is
/// positive and the image has more pixels, the pipeline shrinks it to that many, aspect kept
/// (JPEG in the loader itself, by up to 8), so the full-size image is never held. On success `*width` and
/// `*height` are the output's size; `bytes` must stay valid until the handle is closed.
int loupe_vips_open_rgb(const void *bytes, size_t length, loupe_format format, uint64_t max_pixels, uint64_t max_area,
                        loupe_vips_image **handle, int *width, int *height, char **message);
/// Runs the pipeline into `pixels`, which holds exactly width * height * 3 bytes.
int loupe_vips_render_rgb(loupe_vips_image *handle, uint8_t *pixels, size_t size, char **message);
void loupe_vips_close(loupe_vips_image *handle);
/// Encodes packed 8-bit RGB as JPEG (quality 1...100) or PNG (quality ignored).
int loupe_vips_encode_rgb(const uint8_t *pixels, int width, int height, loupe_format format,
                          int quality, uint8_t **bytes, size_t *length, char **message);

void loupe_vips_free(void *pointer);

#endif
