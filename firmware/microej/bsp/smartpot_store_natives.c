/*
 * Smart pot SNI natives for what must outlive a reboot: the settings the mothership changes (NVS, in flash) and a
 * region of RTC slow memory for the reading queue, seq and boot counter (kept across esp_restart() and deep sleep,
 * lost on a power cut).
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

/* Keeps the compiler from moving the region's stores across it (the magic must be written first and last). */
#define SMARTPOT_BARRIER() __asm__ __volatile__("" ::: "memory")

#define SMARTPOT_NOTHING (-1)
#define SMARTPOT_FAIL (-2)

/* ---- settings in NVS ------------------------------------------------------------------------------------------- */

#define SMARTPOT_NVS_NAMESPACE "smartpot"
#define SMARTPOT_NVS_SETTINGS_KEY "settings"
/* The settings text is a few short lines; one NVS page holds a blob this size on any ESP-IDF release. */
#define SMARTPOT_SETTINGS_MAX 1024

/* What is in flash now, read back before a save to compare: static, not on the MicroEJ task's stack. */
static uint8_t smartpot_settings_scratch[SMARTPOT_SETTINGS_MAX];

static jint smartpot_store_error(esp_err_t err) {
	return err > 1 ? -(jint) err : SMARTPOT_FAIL;
}

/*
 * Reads the saved settings into buffer (capacity bytes). Returns their length, -1 when nothing was ever saved,
 * -ESP_ERR_NVS_INVALID_LENGTH (-0x110c) when they do not fit, or minus another esp_err_t.
 */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsLoad(jbyte *buffer, jint capacity) {
	if (capacity < 0) {
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
	err = nvs_get_blob(handle, SMARTPOT_NVS_SETTINGS_KEY, buffer, &length);
	nvs_close(handle);
	if (err == ESP_ERR_NVS_NOT_FOUND) {
		return SMARTPOT_NOTHING;
	}
	if (err != ESP_OK) {
		return smartpot_store_error(err);
	}
	return (jint) length;
}

/* Whether NVS already holds exactly text[0..length). */
static int smartpot_settings_unchanged(nvs_handle_t handle, const uint8_t *text, size_t length) {
	size_t saved = sizeof(smartpot_settings_scratch);
	if (nvs_get_blob(handle, SMARTPOT_NVS_SETTINGS_KEY, smartpot_settings_scratch, &saved) != ESP_OK) {
		return 0;
	}
	return saved == length && memcmp(smartpot_settings_scratch, text, length) == 0;
}

/*
 * Saves text[0..length) unless NVS already holds exactly that: flash is written only when the settings change
 * (NVS keeps the old value until the new one is complete, so a crash leaves one or the other). Returns 1 when
 * written, 0 when unchanged, -ESP_ERR_INVALID_SIZE (-0x104) above SMARTPOT_SETTINGS_MAX, or minus an esp_err_t.
 */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave(jbyte *text, jint length) {
	if (length < 0 || length > SMARTPOT_SETTINGS_MAX) {
		return smartpot_store_error(ESP_ERR_INVALID_SIZE);
	}
	nvs_handle_t handle;
	esp_err_t err = nvs_open(SMARTPOT_NVS_NAMESPACE, NVS_READWRITE, &handle);
	if (err != ESP_OK) {
		return smartpot_store_error(err);
	}
	if (smartpot_settings_unchanged(handle, (const uint8_t *) text, (size_t) length)) {
		nvs_close(handle);
		return 0;
	}
	err = nvs_set_blob(handle, SMARTPOT_NVS_SETTINGS_KEY, text, (size_t) length);
	if (err == ESP_OK) {
		err = nvs_commit(handle);
	}
	nvs_close(handle);
	return err == ESP_OK ? 1 : smartpot_store_error(err);
}

/* The largest settings text settingsSave accepts. */
jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsMax(void) {
	return SMARTPOT_SETTINGS_MAX;
}

/* ---- RTC slow memory ------------------------------------------------------------------------------------------- */

/* Not initialised at boot: after esp_restart() or a deep sleep it still holds what was stored; after a power cut it
 * holds noise, which the magic and the CRC reject. Not static so the host tests can disturb it. */
RTC_NOINIT_ATTR smartpot_rtc_region_t smartpot_rtc_region;

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

static uint32_t smartpot_rtc_crc(uint32_t length, const uint8_t *data) {
	uint8_t prefix[4] = {(uint8_t) length, (uint8_t) (length >> 8), (uint8_t) (length >> 16), (uint8_t) (length >> 24)};
	return smartpot_crc32(smartpot_crc32(0, prefix, sizeof(prefix)), data, length);
}

/* Bytes the region can hold. */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(void) {
	return SMARTPOT_RTC_CAPACITY;
}

/*
 * Copies what was last stored into buffer (capacity bytes) and returns its length, or -1 when the region holds
 * nothing valid (first boot, power cut, another layout, corruption) or more than buffer takes.
 */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(jbyte *buffer, jint capacity) {
	const smartpot_rtc_region_t *r = &smartpot_rtc_region;
	if (r->magic != SMARTPOT_RTC_MAGIC || r->layout != SMARTPOT_RTC_LAYOUT || r->length > SMARTPOT_RTC_CAPACITY
			|| capacity < 0 || r->length > (uint32_t) capacity || r->crc != smartpot_rtc_crc(r->length, r->data)) {
		return SMARTPOT_NOTHING;
	}
	memcpy(buffer, r->data, r->length);
	return (jint) r->length;
}

/*
 * Replaces the region's contents with data[0..length). The magic is cleared first and set last, so a reset in the
 * middle leaves an invalid region rather than half of one. Returns 0, or -ESP_ERR_INVALID_SIZE (-0x104) above
 * capacity().
 */
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(jbyte *data, jint length) {
	if (length < 0 || length > SMARTPOT_RTC_CAPACITY) {
		return smartpot_store_error(ESP_ERR_INVALID_SIZE);
	}
	smartpot_rtc_region_t *r = &smartpot_rtc_region;
	r->magic = 0;
	SMARTPOT_BARRIER();
	memcpy(r->data, data, (size_t) length);
	r->length = (uint32_t) length;
	r->layout = SMARTPOT_RTC_LAYOUT;
	r->crc = smartpot_rtc_crc(r->length, r->data);
	SMARTPOT_BARRIER();
	r->magic = SMARTPOT_RTC_MAGIC;
	return 0;
}

/* Forgets the region (the next load returns -1). */
void Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear(void) {
	smartpot_rtc_region.magic = 0;
}
