/*
 * The RTC slow memory region of smartpot_store_natives.c: its layout is shared with the host tests
 * (firmware/ci/src/test/c/common/store_natives_test.c), which disturb it as a power cut would.
 */
#ifndef SMARTPOT_STORE_NATIVES_H
#define SMARTPOT_STORE_NATIVES_H

#include <stdint.h>

/*
 * 6 KB of the ESP32's and ESP32-S3's 8 KB RTC slow memory (about 1,500 readings packed in 4 bytes), plus two 24-byte
 * slot headers. ESP-IDF and other RTC_DATA_ATTR / RTC_NOINIT_ATTR variables share the rest; if they do not fit, the
 * link fails ("RTC_SLOW segment data does not fit.", ESP-IDF's linker script) rather than letting anything overlap:
 * lower this with -DSMARTPOT_RTC_CAPACITY=...
 */
#ifndef SMARTPOT_RTC_CAPACITY
#define SMARTPOT_RTC_CAPACITY 6144
#endif
/* "SPRT", and a layout version: a firmware with another layout sees an invalid region, never a misread one.
 * Layout 2: two slot headers over one arena (layout 1 had one header). */
#define SMARTPOT_RTC_MAGIC 0x53505254u
#define SMARTPOT_RTC_LAYOUT 2u

/*
 * One stored copy: where it lies in the arena and its CRC. A slot is valid while its magic is set and its CRC
 * matches; of two valid slots the one with the higher generation is the current one.
 */
typedef struct {
	uint32_t magic;      /* SMARTPOT_RTC_MAGIC once the copy is complete; 0 while it is written */
	uint32_t layout;
	uint32_t generation; /* one more at each store */
	uint32_t offset;     /* where the copy starts in the arena */
	uint32_t length;
	uint32_t crc;        /* CRC-32 of generation, offset, length (little-endian) and arena[offset..offset+length) */
} smartpot_rtc_slot_t;

/*
 * Two slots share one arena: a store writes its copy where it does not overlap the current one and only then marks
 * it valid, so a reset in the middle leaves the previous copy. When the two do not fit side by side (together more
 * than SMARTPOT_RTC_CAPACITY: the core's state with more than 747 readings), the previous copy is given up first and a
 * reset in the middle leaves nothing (the core then carries on from its flash mark and reports what it lost).
 * Two full copies would need 12 KB of the 8 KB.
 */
typedef struct {
	smartpot_rtc_slot_t slot[2];
	uint8_t arena[SMARTPOT_RTC_CAPACITY];
} smartpot_rtc_region_t;

extern smartpot_rtc_region_t smartpot_rtc_region;

#endif
