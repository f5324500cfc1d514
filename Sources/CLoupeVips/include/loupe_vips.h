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

/// Decodes `bytes` with the loader for `format` to packed 8-bit RGB, applying EXIF orientation
/// and flattening alpha onto white. The header is checked against `max_pixels` before any pixel
/// is decoded, so a decompression bomb costs only its header. On success `*pixels` holds
/// width * height * 3 bytes (release with loupe_vips_free).
int loupe_vips_decode_rgb(const void *bytes, size_t length, loupe_format format,
                          uint64_t max_pixels, int *width, int *height,
                          uint8_t **pixels, char **message);

/// Encodes packed 8-bit RGB as JPEG (quality 1...100) or PNG (quality ignored).
int loupe_vips_encode_rgb(const uint8_t *pixels, int width, int height, loupe_format format,
                          int quality, uint8_t **bytes, size_t *length, char **message);

void loupe_vips_free(void *pointer);

#endif
