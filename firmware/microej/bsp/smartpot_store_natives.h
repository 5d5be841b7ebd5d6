/*
 * The RTC slow memory region of smartpot_store_natives.c: its layout is shared with the host tests
 * (firmware/ci/src/test/c/common/store_natives_test.c), which disturb it as a power cut would.
 */
#ifndef SMARTPOT_STORE_NATIVES_H
#define SMARTPOT_STORE_NATIVES_H

#include <stdint.h>

/*
 * 6 KB of the ESP32's and ESP32-S3's 8 KB RTC slow memory (about 1,500 readings packed in 4 bytes). ESP-IDF and
 * other RTC_DATA_ATTR variables share the rest; if they do not fit, the link fails ("rtc_slow_seg overflowed"):
 * lower this with -DSMARTPOT_RTC_CAPACITY=... rather than letting anything overlap.
 */
#ifndef SMARTPOT_RTC_CAPACITY
#define SMARTPOT_RTC_CAPACITY 6144
#endif
/* "SPRT", and a layout version: a firmware with another layout sees an invalid region, never a misread one. */
#define SMARTPOT_RTC_MAGIC 0x53505254u
#define SMARTPOT_RTC_LAYOUT 1u

typedef struct {
	uint32_t magic;
	uint32_t layout;
	uint32_t length;
	uint32_t crc; /* CRC-32 of length and data[0..length) */
	uint8_t data[SMARTPOT_RTC_CAPACITY];
} smartpot_rtc_region_t;

extern smartpot_rtc_region_t smartpot_rtc_region;

#endif
