/* The few calls Lapak makes into libvips, with fixed argument lists: libvips' own API passes
 * options as NULL-terminated variadic lists, which Swift cannot call. Nothing of libvips or GLib
 * is visible through this header; photos travel as opaque handles and byte buffers. */
#ifndef LAPAK_VIPS_SHIM_H
#define LAPAK_VIPS_SHIM_H
#include <stddef.h>

typedef enum {
    LAPAK_PHOTO_UNKNOWN = 0,
    LAPAK_PHOTO_JPEG = 1,
    LAPAK_PHOTO_PNG = 2,
    LAPAK_PHOTO_WEBP = 3,
    LAPAK_PHOTO_GIF = 4,
    LAPAK_PHOTO_HEIF = 5,
} lapak_photo_format;

typedef enum {
    LAPAK_ENCODE_WEBP = 0,
    LAPAK_ENCODE_JPEG = 1,
    LAPAK_ENCODE_PNG = 2,
    LAPAK_ENCODE_AVIF = 3,
    LAPAK_ENCODE_HEIC = 4,
} lapak_encoding;

typedef struct {
    /* As stored, before the EXIF orientation is applied. */
    int width;
    int height;
    /* EXIF orientation, 1 to 8 (1 when absent). */
    int orientation;
    int has_exif;
    int has_xmp;
    int has_iptc;
    /* The EXIF block holds a latitude or longitude. */
    int has_gps;
    size_t icc_bytes;
} lapak_photo_header;

/* A decoded photo held in memory: upright, sRGB, 8 bits a channel. */
typedef struct lapak_photo lapak_photo;

/* Starts libvips once per process; later calls return the first call's result. */
int lapak_vips_start(int threads, size_t cache_bytes);
/* "8.14.1" */
const char *lapak_vips_version(void);

/* The format by the file's first bytes; only formats Lapak accepts are recognised. */
lapak_photo_format lapak_photo_sniff(const unsigned char *bytes, size_t length);

/* Reads the header only. 0 on success, else -1 with libvips' reason in error. */
int lapak_photo_read_header(const unsigned char *bytes, size_t length, lapak_photo_header *header,
                            char *error, size_t error_size);

/* Decodes once at width × height of the upright image (shrinking on load where the format
 * allows), turned upright, converted to sRGB. NULL with the reason in error on failure. */
lapak_photo *lapak_photo_decode(const unsigned char *bytes, size_t length, int width, int height,
                                char *error, size_t error_size);
void lapak_photo_free(lapak_photo *photo);
/* The photo resized to width × height and held in memory, so smaller sizes can be made from it
 * rather than from the largest. NULL with the reason in error on failure. */
lapak_photo *lapak_photo_resize(const lapak_photo *photo, int width, int height, char *error, size_t error_size);
int lapak_photo_width(const lapak_photo *photo);
int lapak_photo_height(const lapak_photo *photo);

/* Resizes to width × height and encodes with every piece of metadata left out. effort is the
 * WebP encoder's (0 fastest to 6 smallest); other encodings ignore it. The buffer is released
 * with lapak_buffer_free. 0 on success, else -1 with the reason in error. */
int lapak_photo_encode(const lapak_photo *photo, int width, int height, lapak_encoding encoding, int quality,
                       int effort, void **buffer, size_t *length, char *error, size_t error_size);
void lapak_buffer_free(void *buffer);

/* SHA-256 of bytes as 64 lower-case hex digits and a NUL, through GLib (which libvips brings). */
void lapak_sha256_hex(const unsigned char *bytes, size_t length, char hex[65]);

#endif
