/*
 * Smart pot SNI natives for what must outlive a reboot: the settings the mothership changes and the core's sequence
 * mark (NVS, in flash, one key each) and a region of RTC slow memory for the reading queue, seq and boot counter
 * (kept across esp_restart() and deep sleep, lost on a power cut).
 *
 * Java side: dev.smartpot.firmware.esp32.NvsNatives and RtcMemoryNatives (firmware/microej). Simulator side: the
 * mocks in firmware/microej/mock. Add this file to the VEE Port BSP build beside smartpot_natives.c (its
 * main/CMakeLists.txt "srcs" list, and "nvs_flash" in its REQUIRES/PRIV_REQUIRES if the list names components).
 *
 * The ESP32 VEE Ports' main/microej.c calls nvs_flash_init() before the Java VM starts, so this file only opens its
 * namespace. Same ESP-IDF API in v4.3.2 and v5.0.1 (the versions the two VEE Ports pin): nvs_open, nvs_get_blob,
 * nvs_set_blob, nvs_commit, nvs_close (components/nvs_flash/include/nvs.h) and RTC_NOINIT_ATTR (esp_attr.h).
 *
 * SNI natives run on the MicroEJ task and stall every Java thread while they run: the RTC calls copy at most
 * SMARTPOT_RTC_CAPACITY bytes and CRC them; a settings save that changes something writes flash (milliseconds),
 * and only then.
 *
 * Returns: >= 0 as documented per function, -1 for "nothing there", -2 for ESP_FAIL, or -esp_err_t.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sni.h"
#include "esp_err.h"
#include "esp_attr.h"
#include "nvs.h"
#include "smartpot_store_natives.h"

/* Orders the region's stores: the compiler may not move them across it, and the CPU has them done before the next
 * (GCC emits memw on Xtensa). A slot's magic is cleared before its copy is written and set after. */
#define SMARTPOT_BARRIER() __sync_synchronize()

#ifdef SMARTPOT_RTC_TEST_HOOKS
/* Host tests only (store_natives_test.c): a reset at any step or byte of a store. */
void smartpot_test_reset_point(void);
void *smartpot_test_copy(void *to, const void *from, size_t length);
#define SMARTPOT_RESET_POINT() smartpot_test_reset_point()
#define SMARTPOT_RTC_COPY smartpot_test_copy
#else
#define SMARTPOT_RESET_POINT()
#define SMARTPOT_RTC_COPY memcpy
#endif

#define SMARTPOT_NOTHING (-1)
#define SMARTPOT_FAIL (-2)

/* ---- settings and the sequence mark in NVS ------------------------------------------------------------------- */

#define SMARTPOT_NVS_NAMESPACE "smartpot"
/* The key each NvsNatives.KEY_* names (NVS keys are at most 15 characters). Only these: Java cannot name another. */
static const char *const smartpot_nvs_keys[] = {"settings", "seqmark"};
#define SMARTPOT_NVS_KEYS ((jint) (sizeof(smartpot_nvs_keys) / sizeof(smartpot_nvs_keys[0])))
/* Each text is a few short lines; one NVS page holds a blob this size on any ESP-IDF release. */
#define SMARTPOT_NVS_MAX 1024

/* What is in flash now, read back before a save to compare: static, not on the MicroEJ task's stack. */
static uint8_t smartpot_nvs_scratch[SMARTPOT_NVS_MAX];

static jint smartpot_store_error(esp_err_t err) {
	return err > 1 ? -(jint) err : SMARTPOT_FAIL;
}

static const char *smartpot_nvs_key(jint key) {
	return key >= 0 && key < SMARTPOT_NVS_KEYS ? smartpot_nvs_keys[key] : NULL;
}

/*
 * Reads the text saved under key into buffer (capacity bytes). Returns its length, -1 when nothing was ever saved,
 * -ESP_ERR_NVS_INVALID_LENGTH (-0x110c) when it does not fit, -ESP_ERR_INVALID_ARG (-0x102) for an unknown key, or
 * minus another esp_err_t.
 */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_load(jint key, jbyte *buffer, jint capacity) {
	const char *name = smartpot_nvs_key(key);
	if (name == NULL || capacity < 0) {
		return smartpot_store_error(ESP_ERR_INVALID_ARG);
	}
	nvs_handle_t handle;
	esp_err_t err = nvs_open(SMARTPOT_NVS_NAMESPACE, NVS_READONLY, &handle);
	if (err == ESP_ERR_NVS_NOT_FOUND) {
		return SMARTPOT_NOTHING; /* the namespace is created by the first save */
	}
	if (err != ESP_OK) {
		return smartpot_store_error(err);
	}
	size_t length = (size_t) capacity;
	err = nvs_get_blob(handle, name, buffer, &length);
	nvs_close(handle);
	if (err == ESP_ERR_NVS_NOT_FOUND) {
		return SMARTPOT_NOTHING;
	}
	if (err != ESP_OK) {
		return smartpot_store_error(err);
	}
	return (jint) length;
}

/* Whether NVS already holds exactly text[0..length) under name. */
static int smartpot_nvs_unchanged(nvs_handle_t handle, const char *name, const uint8_t *text, size_t length) {
	size_t saved = sizeof(smartpot_nvs_scratch);
	if (nvs_get_blob(handle, name, smartpot_nvs_scratch, &saved) != ESP_OK) {
		return 0;
	}
	return saved == length && memcmp(smartpot_nvs_scratch, text, length) == 0;
}

/*
 * Saves text[0..length) under key unless NVS already holds exactly that: flash is written only when the text
 * changes (NVS keeps the old value until the new one is complete, so a crash leaves one or the other). Returns 1
 * when written, 0 when unchanged, -ESP_ERR_INVALID_SIZE (-0x104) above SMARTPOT_NVS_MAX, -ESP_ERR_INVALID_ARG
 * (-0x102) for an unknown key, or minus an esp_err_t.
 */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_save(jint key, jbyte *text, jint length) {
	const char *name = smartpot_nvs_key(key);
	if (name == NULL) {
		return smartpot_store_error(ESP_ERR_INVALID_ARG);
	}
	if (length < 0 || length > SMARTPOT_NVS_MAX) {
		return smartpot_store_error(ESP_ERR_INVALID_SIZE);
	}
	nvs_handle_t handle;
	esp_err_t err = nvs_open(SMARTPOT_NVS_NAMESPACE, NVS_READWRITE, &handle);
	if (err != ESP_OK) {
		return smartpot_store_error(err);
	}
	if (smartpot_nvs_unchanged(handle, name, (const uint8_t *) text, (size_t) length)) {
		nvs_close(handle);
		return 0;
	}
	err = nvs_set_blob(handle, name, text, (size_t) length);
	if (err == ESP_OK) {
		err = nvs_commit(handle);
	}
	nvs_close(handle);
	return err == ESP_OK ? 1 : smartpot_store_error(err);
}

/* The longest text save accepts under any key. */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_maxLength(void) {
	return SMARTPOT_NVS_MAX;
}

/* ---- RTC slow memory ------------------------------------------------------------------------------------------- */

/* Not initialised at boot: after esp_restart() or a deep sleep it still holds what was stored; after a power cut it
 * holds noise, which the magic and the CRC reject. Not static so the host tests can disturb it. */
RTC_NOINIT_ATTR smartpot_rtc_region_t smartpot_rtc_region;

/* The current slot as this boot last stored or found it; -2 until the first load or store looks (RAM, reset at boot). */
static int smartpot_rtc_known_slot = -2;

/* CRC-32 (IEEE 802.3, reflected, as zlib), bit by bit: no table in RAM; about 1 ms for 6 KB at 240 MHz (estimated). */
static uint32_t smartpot_crc32(uint32_t crc, const uint8_t *bytes, size_t length) {
	crc = ~crc;
	for (size_t i = 0; i < length; i++) {
		crc ^= bytes[i];
		for (int bit = 0; bit < 8; bit++) {
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
		}
	}
	return ~crc;
}

static void smartpot_le32(uint8_t *to, uint32_t value) {
	to[0] = (uint8_t) value;
	to[1] = (uint8_t) (value >> 8);
	to[2] = (uint8_t) (value >> 16);
	to[3] = (uint8_t) (value >> 24);
}

static uint32_t smartpot_slot_crc(uint32_t generation, uint32_t offset, uint32_t length) {
	uint8_t fields[12];
	smartpot_le32(fields, generation);
	smartpot_le32(fields + 4, offset);
	smartpot_le32(fields + 8, length);
	return smartpot_crc32(smartpot_crc32(0, fields, sizeof(fields)), smartpot_rtc_region.arena + offset, length);
}

static int smartpot_slot_valid(const smartpot_rtc_slot_t *s) {
	return s->magic == SMARTPOT_RTC_MAGIC && s->layout == SMARTPOT_RTC_LAYOUT && s->length <= SMARTPOT_RTC_CAPACITY
			&& s->offset <= SMARTPOT_RTC_CAPACITY - s->length && s->crc == smartpot_slot_crc(s->generation, s->offset, s->length);
}

/* The index of the current copy (the valid slot with the higher generation), or -1 when neither is valid. */
static int smartpot_rtc_current(void) {
	if (smartpot_rtc_known_slot != -2) {
		return smartpot_rtc_known_slot;
	}
	int valid0 = smartpot_slot_valid(&smartpot_rtc_region.slot[0]);
	int valid1 = smartpot_slot_valid(&smartpot_rtc_region.slot[1]);
	if (valid0 && valid1) {
		int32_t ahead = (int32_t) (smartpot_rtc_region.slot[1].generation - smartpot_rtc_region.slot[0].generation);
		smartpot_rtc_known_slot = ahead > 0 ? 1 : 0;
	} else {
		smartpot_rtc_known_slot = valid0 ? 0 : valid1 ? 1 : -1;
	}
	return smartpot_rtc_known_slot;
}

/* Bytes one copy can hold. */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(void) {
	return SMARTPOT_RTC_CAPACITY;
}

/*
 * Copies the current copy into buffer (capacity bytes) and returns its length, or -1 when the region holds nothing
 * valid (first boot, power cut, another layout, corruption) or more than buffer takes.
 */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(jbyte *buffer, jint capacity) {
	int current = smartpot_rtc_current();
	if (current >= 0 && !smartpot_slot_valid(&smartpot_rtc_region.slot[current])) {
		/* Changed since this boot looked (a stray write): look at both slots again. */
		smartpot_rtc_known_slot = -2;
		current = smartpot_rtc_current();
	}
	if (current < 0 || capacity < 0 || smartpot_rtc_region.slot[current].length > (uint32_t) capacity) {
		return SMARTPOT_NOTHING;
	}
	const smartpot_rtc_slot_t *s = &smartpot_rtc_region.slot[current];
	memcpy(buffer, smartpot_rtc_region.arena + s->offset, s->length);
	return (jint) s->length;
}

/*
 * Makes data[0..length) the current copy. It is written into the other slot, where it does not overlap the current
 * copy, and marked valid last: a reset in the middle leaves the previous copy (returns 0). When both do not fit side
 * by side, the previous copy is given up first and a reset in the middle leaves nothing, never half (returns 1).
 * Returns -ESP_ERR_INVALID_SIZE (-0x104) above capacity(), the region unchanged.
 */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(jbyte *data, jint length) {
	if (length < 0 || length > SMARTPOT_RTC_CAPACITY) {
		return smartpot_store_error(ESP_ERR_INVALID_SIZE);
	}
	uint32_t size = (uint32_t) length;
	int current = smartpot_rtc_current();
	int next = current == 0 ? 1 : 0;
	uint32_t generation = 1;
	uint32_t offset = 0;
	jint result = 0;
	if (current >= 0) {
		smartpot_rtc_slot_t *old = &smartpot_rtc_region.slot[current];
		generation = old->generation + 1;
		int sane = old->offset <= SMARTPOT_RTC_CAPACITY && old->length <= SMARTPOT_RTC_CAPACITY - old->offset;
		if (sane && size <= old->offset) {
			offset = 0; /* before the current copy */
		} else if (sane && size <= SMARTPOT_RTC_CAPACITY - old->offset - old->length) {
			offset = old->offset + old->length; /* after it */
		} else {
			old->magic = 0; /* no room for both: give the previous copy up before overwriting it */
			SMARTPOT_BARRIER();
			smartpot_rtc_known_slot = -1;
			SMARTPOT_RESET_POINT();
			result = 1;
		}
	}
	smartpot_rtc_slot_t *s = &smartpot_rtc_region.slot[next];
	s->magic = 0;
	SMARTPOT_BARRIER();
	SMARTPOT_RESET_POINT();
	SMARTPOT_RTC_COPY(smartpot_rtc_region.arena + offset, data, size);
	SMARTPOT_RESET_POINT();
	s->layout = SMARTPOT_RTC_LAYOUT;
	s->generation = generation;
	s->offset = offset;
	s->length = size;
	s->crc = smartpot_slot_crc(generation, offset, size);
	SMARTPOT_BARRIER();
	SMARTPOT_RESET_POINT();
	s->magic = SMARTPOT_RTC_MAGIC;
	SMARTPOT_BARRIER();
	smartpot_rtc_known_slot = next;
	SMARTPOT_RESET_POINT();
	return result;
}

/* Forgets the region (the next load returns -1). */
void Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear(void) {
	smartpot_rtc_region.slot[0].magic = 0;
	smartpot_rtc_region.slot[1].magic = 0;
	SMARTPOT_BARRIER();
	smartpot_rtc_known_slot = -1;
}

#ifdef SMARTPOT_RTC_TEST_HOOKS
/* Host tests only: forget what this boot knew, as a reset does (RAM starts afresh, RTC memory does not). */
void smartpot_rtc_forget_boot_state(void);
void smartpot_rtc_forget_boot_state(void) {
	smartpot_rtc_known_slot = -2;
}
#endif
