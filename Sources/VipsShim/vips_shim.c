#include "vips_shim.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

struct lapak_photo {
    VipsImage *image;
};

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static int start_threads = 1;
static size_t start_cache_bytes = 0;
/* libvips keeps one error buffer for the process: take and clear it under a lock. */
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

static void take_error(char *error, size_t size, const char *fallback) {
    if (error == NULL || size == 0) return;
    pthread_mutex_lock(&error_lock);
    const char *text = vips_error_buffer();
    const char *message = (text != NULL && text[0] != '\0') ? text : fallback;
    strncpy(error, message, size - 1);
    error[size - 1] = '\0';
    vips_error_clear();
    pthread_mutex_unlock(&error_lock);
    /* One line is enough: libvips appends a line per layer. */
    char *newline = strchr(error, '\n');
    if (newline != NULL && newline[1] == '\0') *newline = '\0';
}

/* libvips' warnings (a JPEG with a few stray bytes, say) are for developers: a member sees
 * Lapak's own message when a photo cannot be used, and nothing when it can. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start(void) {
    if (VIPS_INIT("lapak") != 0) return;
    if (g_getenv("LAPAK_VIPS_WARNINGS") == NULL) {
        g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, quiet, NULL);
    }
    /* Lapak runs one photo per core itself; libvips' own worker threads would only contend. */
    vips_concurrency_set(start_threads);
    /* Each photo is decoded once, so libvips' operation cache could only hold memory. */
    vips_cache_set_max(0);
    vips_cache_set_max_mem(start_cache_bytes);
    vips_cache_set_max_files(0);
    /* Loaders libvips marks as unfit for untrusted input are refused outright. */
    vips_block_untrusted_set(TRUE);
    vips_leak_set(FALSE);
    start_result = 0;
}

int lapak_vips_start(int threads, size_t cache_bytes) {
    start_threads = threads > 0 ? threads : 1;
    start_cache_bytes = cache_bytes;
    pthread_once(&start_once, start);
    return start_result;
}

const char *lapak_vips_version(void) { return vips_version_string(); }

lapak_photo_format lapak_photo_sniff(const unsigned char *b, size_t n) {
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return LAPAK_PHOTO_JPEG;
    if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) return LAPAK_PHOTO_PNG;
    if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0)) return LAPAK_PHOTO_GIF;
    if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) return LAPAK_PHOTO_WEBP;
    if (n >= 12 && memcmp(b + 4, "ftyp", 4) == 0) {
        static const char *brands[] = {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"};
        for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++) {
            if (memcmp(b + 8, brands[i], 4) == 0) return LAPAK_PHOTO_HEIF;
        }
    }
    return LAPAK_PHOTO_UNKNOWN;
}

/* True when the EXIF block libvips parsed names a GPS latitude or longitude. */
static int has_gps_position(VipsImage *image) {
    return vips_image_get_typeof(image, "exif-ifd3-GPSLatitude") != 0 ||
           vips_image_get_typeof(image, "exif-ifd3-GPSLongitude") != 0;
}

int lapak_photo_read_header(const unsigned char *bytes, size_t length, lapak_photo_header *header,
                            char *error, size_t error_size) {
    memset(header, 0, sizeof *header);
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) {
        take_error(error, error_size, "unreadable image");
        return -1;
    }
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) != 0 &&
        vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) == 0 && orientation >= 1 && orientation <= 8) {
        header->orientation = orientation;
    } else {
        header->orientation = 1;
    }
    header->has_exif = vips_image_get_typeof(image, VIPS_META_EXIF_NAME) != 0;
    header->has_xmp = vips_image_get_typeof(image, VIPS_META_XMP_NAME) != 0;
    header->has_iptc = vips_image_get_typeof(image, VIPS_META_IPTC_NAME) != 0;
    header->has_gps = has_gps_position(image);
    const void *icc = NULL;
    size_t icc_length = 0;
    if (vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0 &&
        vips_image_get_blob(image, VIPS_META_ICC_NAME, &icc, &icc_length) == 0) {
        header->icc_bytes = icc_length;
    }
    g_object_unref(image);
    return 0;
}

lapak_photo *lapak_photo_decode(const unsigned char *bytes, size_t length, int width, int height,
                                char *error, size_t error_size) {
    VipsImage *thumbnail = NULL;
    /* FORCE: exactly the size Lapak planned (and printed in the page) before decoding.
     * fail_on=truncated: a cut-off file is refused, not published half grey. */
    if (vips_thumbnail_buffer((void *)bytes, length, &thumbnail, width, "height", height, "size", VIPS_SIZE_FORCE,
                              "option_string", "fail_on=truncated", NULL) != 0) {
        take_error(error, error_size, "cannot decode");
        return NULL;
    }
    VipsImage *current = thumbnail;
    /* 16-bit, grey or CMYK sources become 8-bit sRGB, what every browser and encoder expects. */
    if (vips_image_get_interpretation(current) != VIPS_INTERPRETATION_sRGB || current->BandFmt != VIPS_FORMAT_UCHAR) {
        VipsImage *converted = NULL;
        if (vips_colourspace(current, &converted, VIPS_INTERPRETATION_sRGB, NULL) != 0) {
            g_object_unref(current);
            take_error(error, error_size, "cannot convert to sRGB");
            return NULL;
        }
        g_object_unref(current);
        current = converted;
        if (current->BandFmt != VIPS_FORMAT_UCHAR) {
            VipsImage *cast = NULL;
            if (vips_cast_uchar(current, &cast, NULL) != 0) {
                g_object_unref(current);
                take_error(error, error_size, "cannot convert to 8 bits");
                return NULL;
            }
            g_object_unref(current);
            current = cast;
        }
    }
    /* Decode now, once: every size is then made from these pixels. The pixels are copied into
     * a new image that has nothing else, so no EXIF, GPS, XMP, IPTC, comment or profile can
     * reach an encoder, whatever each encoder's own idea of stripping is. */
    size_t size = 0;
    void *pixels = vips_image_write_to_memory(current, &size);
    int width_out = vips_image_get_width(current), height_out = vips_image_get_height(current);
    int bands = vips_image_get_bands(current);
    g_object_unref(current);
    if (pixels == NULL) {
        take_error(error, error_size, "cannot decode");
        return NULL;
    }
    VipsImage *memory = vips_image_new_from_memory_copy(pixels, size, width_out, height_out, bands, VIPS_FORMAT_UCHAR);
    g_free(pixels);
    if (memory == NULL) {
        take_error(error, error_size, "cannot decode");
        return NULL;
    }
    /* One or two bands are grey (with alpha), three or four sRGB (with alpha). */
    memory->Type = bands <= 2 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    lapak_photo *photo = g_malloc(sizeof *photo);
    photo->image = memory;
    return photo;
}

void lapak_photo_free(lapak_photo *photo) {
    if (photo == NULL) return;
    g_object_unref(photo->image);
    g_free(photo);
}

lapak_photo *lapak_photo_resize(const lapak_photo *photo, int width, int height, char *error, size_t error_size) {
    VipsImage *sized = NULL;
    if (vips_thumbnail_image(photo->image, &sized, width, "height", height, "size", VIPS_SIZE_FORCE, NULL) != 0) {
        take_error(error, error_size, "cannot resize");
        return NULL;
    }
    VipsImage *memory = vips_image_copy_memory(sized);
    g_object_unref(sized);
    if (memory == NULL) {
        take_error(error, error_size, "cannot resize");
        return NULL;
    }
    lapak_photo *resized = g_malloc(sizeof *resized);
    resized->image = memory;
    return resized;
}

int lapak_photo_width(const lapak_photo *photo) { return vips_image_get_width(photo->image); }
int lapak_photo_height(const lapak_photo *photo) { return vips_image_get_height(photo->image); }

static int has_alpha(VipsImage *image) {
    return vips_image_hasalpha(image);
}

int lapak_photo_encode(const lapak_photo *photo, int width, int height, lapak_encoding encoding, int quality,
                       int effort, void **buffer, size_t *length, char *error, size_t error_size) {
    *buffer = NULL;
    *length = 0;
    VipsImage *sized = NULL;
    if (width == vips_image_get_width(photo->image) && height == vips_image_get_height(photo->image)) {
        sized = photo->image;
        g_object_ref(sized);
    } else if (vips_thumbnail_image(photo->image, &sized, width, "height", height, "size", VIPS_SIZE_FORCE, NULL) != 0) {
        take_error(error, error_size, "cannot resize");
        return -1;
    }
    int result = -1;
    switch (encoding) {
    case LAPAK_ENCODE_WEBP:
        result = vips_webpsave_buffer(sized, buffer, length, "Q", quality, "effort", effort, "strip", TRUE, NULL);
        break;
    case LAPAK_ENCODE_AVIF:
        result = vips_heifsave_buffer(sized, buffer, length, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                      "strip", TRUE, NULL);
        break;
    case LAPAK_ENCODE_HEIC:
        result = vips_heifsave_buffer(sized, buffer, length, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC,
                                      "strip", TRUE, NULL);
        break;
    case LAPAK_ENCODE_PNG:
        result = vips_pngsave_buffer(sized, buffer, length, "strip", TRUE, NULL);
        break;
    case LAPAK_ENCODE_JPEG: {
        /* JPEG has no transparency: what was see-through shows white, as on the page. */
        VipsImage *opaque = sized;
        if (has_alpha(sized)) {
            VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
            if (vips_flatten(sized, &opaque, "background", white, NULL) != 0) opaque = NULL;
            vips_area_unref(VIPS_AREA(white));
        } else {
            g_object_ref(opaque);
        }
        if (opaque != NULL) {
            result = vips_jpegsave_buffer(opaque, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                          "interlace", TRUE, NULL);
            g_object_unref(opaque);
        }
        break;
    }
    }
    g_object_unref(sized);
    if (result != 0) {
        take_error(error, error_size, "cannot encode");
        if (*buffer != NULL) g_free(*buffer);
        *buffer = NULL;
        *length = 0;
        return -1;
    }
    return 0;
}

void lapak_buffer_free(void *buffer) { g_free(buffer); }

void lapak_sha256_hex(const unsigned char *bytes, size_t length, char hex[65]) {
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, length);
    memcpy(hex, digest, 64);
    hex[64] = '\0';
    g_free(digest);
}
