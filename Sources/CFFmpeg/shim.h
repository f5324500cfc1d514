#ifndef LOUPE_FFMPEG_SHIM_H
#define LOUPE_FFMPEG_SHIM_H

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>

// FFmpeg spells these as function-like or casting macros, which Swift does not import.

static inline int loupe_averror_again(void) { return AVERROR(EAGAIN); }
static inline int loupe_averror_eof(void) { return AVERROR_EOF; }
static inline int64_t loupe_av_nopts_value(void) { return AV_NOPTS_VALUE; }

// AVFrame's data and linesize are fixed-size arrays, which Swift sees as tuples; sws_scale wants
// pointers to them.
static inline int loupe_sws_scale_frame(struct SwsContext *context, const AVFrame *frame,
                                        uint8_t *const destination[], const int destination_stride[]) {
  return sws_scale(context, (const uint8_t *const *)frame->data, frame->linesize, 0, frame->height,
                   destination, destination_stride);
}

// Converts with the frame's own YUV matrix and range (BT.709 for HD) instead of swscale's BT.601
// default, so colours of HD sources come out right.
static inline void loupe_sws_use_frame_colorspace(struct SwsContext *context, const AVFrame *frame) {
  int *inverse_table, *table, source_range, destination_range, brightness, contrast, saturation;
  if (sws_getColorspaceDetails(context, &inverse_table, &source_range, &table, &destination_range, &brightness,
                               &contrast, &saturation) < 0)
    return;
  int full_range = frame->color_range == AVCOL_RANGE_JPEG ? 1 : source_range;
  sws_setColorspaceDetails(context, sws_getCoefficients(frame->colorspace), full_range, table, destination_range,
                           brightness, contrast, saturation);
}

// A resampler from a decoded frame's format, rate and channel layout to mono float at `rate`;
// NULL on failure. A frame without a channel order gets the default layout for its channel count.
static inline struct SwrContext *loupe_swr_mono_float(const AVFrame *frame, int rate) {
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO, input;
  if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default(&input, frame->ch_layout.nb_channels);
  else if (av_channel_layout_copy(&input, &frame->ch_layout) < 0)
    return NULL;
  struct SwrContext *context = NULL;
  int status = swr_alloc_set_opts2(&context, &mono, AV_SAMPLE_FMT_FLT, rate, &input, (enum AVSampleFormat)frame->format,
                                   frame->sample_rate, 0, NULL);
  av_channel_layout_uninit(&input);
  if (status < 0 || swr_init(context) < 0) {
    swr_free(&context);
    return NULL;
  }
  return context;
}

// Converts one frame (or flushes with NULL) into `output`; returns samples written or an error.
static inline int loupe_swr_convert_frame(struct SwrContext *context, float *output, int capacity,
                                          const AVFrame *frame) {
  uint8_t *outputs[1] = {(uint8_t *)output};
  return swr_convert(context, outputs, capacity, frame ? (const uint8_t **)frame->extended_data : NULL,
                     frame ? frame->nb_samples : 0);
}

#endif
