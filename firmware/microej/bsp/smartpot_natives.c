/*
 * Smart pot SNI natives for the ESP32 VEE Ports: the soil sensor's ADC1 input, the restart, the reset reason, the
 * deep sleep of a pot on batteries, the time since ESP-IDF started (how long a boot took to reach Java), and what is
 * typed at the serial console.
 *
 * Java side: dev.smartpot.firmware.esp32.Esp32Natives (firmware/microej). Simulator side: the mock in
 * firmware/microej/mock. Add this file to the VEE Port BSP build (its main/CMakeLists.txt "srcs" list);
 * scripts/flash checks that and prints the line to add.
 *
 * ESP-IDF 5.x: the ADC oneshot driver (esp_adc/adc_oneshot.h). ESP-IDF 4.x (older VEE Ports): the legacy
 * driver/adc.h API. Both read ADC1 only: ADC2 is shared with the WiFi driver. Every call returns within
 * microseconds; SNI natives run on the MicroEJ task and stall all Java threads while they run.
 *
 * Returns: a channel or raw counts (>= 0), -1 for a GPIO without an ADC1 channel, -2 for ESP_FAIL, or
 * -esp_err_t for any other error (e.g. -0x103 for ESP_ERR_INVALID_STATE).
 *
 * esp_sleep.h: components/esp_system/include in ESP-IDF v4.3.2, components/esp_hw_support/include in v5.0.1; the
 * same two declarations in both (the BSP's main component requires every component, these two included).
 */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "sni.h"
#include "esp_err.h"
#include "esp_system.h"
#include "esp_sleep.h"
#include "esp_timer.h"

#if defined(__has_include)
#if __has_include("esp_idf_version.h")
#include "esp_idf_version.h"
#endif
#endif

#if defined(ESP_IDF_VERSION_MAJOR) && ESP_IDF_VERSION_MAJOR >= 5
#define SMARTPOT_ADC_ONESHOT 1
#include "esp_adc/adc_oneshot.h"
#else
#define SMARTPOT_ADC_ONESHOT 0
#include "driver/adc.h"
/* The legacy branch maps the ESP32's pins (GPIO 32-39) and its 12-bit width; ESP-IDF 4.3's ESP32-S3 ADC is 13-bit
 * with other pins (found by firmware/ci/check-natives-with-idf.sh). The S3 VEE Port pins ESP-IDF 5.0.1 anyway. */
#if defined(CONFIG_IDF_TARGET_ESP32S3)
#error "smartpot_natives.c: the ESP32-S3 needs ESP-IDF 5 (the ADC oneshot driver), as its VEE Port pins v5.0.1"
#endif
#endif

#define SMARTPOT_NOT_AN_ADC1_PIN (-1)
#define SMARTPOT_FAIL (-2)
#define SMARTPOT_MAX_GPIO 49

/* ADC_ATTEN_DB_12 (about 0-3.1 V) is the ESP-IDF 5.2+ name of what older releases call ADC_ATTEN_DB_11. */
#if defined(ESP_IDF_VERSION) && defined(ESP_IDF_VERSION_VAL)
#if ESP_IDF_VERSION >= ESP_IDF_VERSION_VAL(5, 2, 0)
#define SMARTPOT_ATTEN ADC_ATTEN_DB_12
#endif
#endif
#ifndef SMARTPOT_ATTEN
#define SMARTPOT_ATTEN ADC_ATTEN_DB_11
#endif

/* A negative result for Java: never -1 (that means "not an ADC1 pin"), never positive. */
static jint smartpot_error(esp_err_t err) {
	return err > 1 ? -(jint) err : SMARTPOT_FAIL;
}

/* The channel configured for each GPIO, or -1. */
static int8_t smartpot_channel_of_gpio[SMARTPOT_MAX_GPIO];
static int smartpot_channels_initialised = 0;

static void smartpot_init_table(void) {
	if (!smartpot_channels_initialised) {
		for (int i = 0; i < SMARTPOT_MAX_GPIO; i++) {
			smartpot_channel_of_gpio[i] = -1;
		}
		smartpot_channels_initialised = 1;
	}
}

#if SMARTPOT_ADC_ONESHOT

static adc_oneshot_unit_handle_t smartpot_adc1 = NULL;

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(jint gpio) {
	smartpot_init_table();
	if (gpio < 0 || gpio >= SMARTPOT_MAX_GPIO) {
		return SMARTPOT_NOT_AN_ADC1_PIN;
	}
	adc_unit_t unit;
	adc_channel_t channel;
	if (adc_oneshot_io_to_channel((int) gpio, &unit, &channel) != ESP_OK || unit != ADC_UNIT_1) {
		return SMARTPOT_NOT_AN_ADC1_PIN;
	}
	if (smartpot_adc1 == NULL) {
		adc_oneshot_unit_init_cfg_t unit_config = {
			.unit_id = ADC_UNIT_1,
			.ulp_mode = ADC_ULP_MODE_DISABLE,
		};
		esp_err_t err = adc_oneshot_new_unit(&unit_config, &smartpot_adc1);
		if (err != ESP_OK) {
			smartpot_adc1 = NULL;
			return smartpot_error(err);
		}
	}
	adc_oneshot_chan_cfg_t channel_config = {
		.atten = SMARTPOT_ATTEN,
		.bitwidth = ADC_BITWIDTH_12,
	};
	esp_err_t err = adc_oneshot_config_channel(smartpot_adc1, channel, &channel_config);
	if (err != ESP_OK) {
		return smartpot_error(err);
	}
	smartpot_channel_of_gpio[gpio] = (int8_t) channel;
	return (jint) channel;
}

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(jint gpio) {
	smartpot_init_table();
	if (gpio < 0 || gpio >= SMARTPOT_MAX_GPIO || smartpot_adc1 == NULL || smartpot_channel_of_gpio[gpio] < 0) {
		return smartpot_error(ESP_ERR_INVALID_STATE);
	}
	int raw = 0;
	esp_err_t err = adc_oneshot_read(smartpot_adc1, (adc_channel_t) smartpot_channel_of_gpio[gpio], &raw);
	if (err != ESP_OK) {
		return smartpot_error(err);
	}
	return (jint) raw;
}

#else /* legacy driver/adc.h, ESP-IDF 4.x */

/* ESP32: GPIO 36-39 are ADC1 channels 0-3, GPIO 32-35 channels 4-7. */
static int smartpot_legacy_adc1_channel(int gpio) {
	if (gpio >= 36 && gpio <= 39) {
		return gpio - 36;
	}
	if (gpio >= 32 && gpio <= 35) {
		return gpio - 28;
	}
	return -1;
}

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(jint gpio) {
	smartpot_init_table();
	int channel = (gpio >= 0 && gpio < SMARTPOT_MAX_GPIO) ? smartpot_legacy_adc1_channel((int) gpio) : -1;
	if (channel < 0) {
		return SMARTPOT_NOT_AN_ADC1_PIN;
	}
	esp_err_t err = adc1_config_width(ADC_WIDTH_BIT_12);
	if (err == ESP_OK) {
		err = adc1_config_channel_atten((adc1_channel_t) channel, SMARTPOT_ATTEN);
	}
	if (err != ESP_OK) {
		return smartpot_error(err);
	}
	smartpot_channel_of_gpio[gpio] = (int8_t) channel;
	return (jint) channel;
}

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(jint gpio) {
	smartpot_init_table();
	if (gpio < 0 || gpio >= SMARTPOT_MAX_GPIO || smartpot_channel_of_gpio[gpio] < 0) {
		return smartpot_error(ESP_ERR_INVALID_STATE);
	}
	int raw = adc1_get_raw((adc1_channel_t) smartpot_channel_of_gpio[gpio]);
	if (raw < 0) {
		return SMARTPOT_FAIL;
	}
	return (jint) raw;
}

#endif

void Java_dev_smartpot_firmware_esp32_Esp32Natives_restart(void) {
	esp_restart();
}

/*
 * Why this boot happened: esp_reset_reason(), an esp_reset_reason_t (ESP_RST_POWERON 1, ESP_RST_SW 3, ESP_RST_PANIC 4,
 * ESP_RST_DEEPSLEEP 8, ESP_RST_BROWNOUT 9, ...; the same values in v4.3.2 and v5.0.1).
 */
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_resetReason(void) {
	return (jint) esp_reset_reason();
}

/*
 * Deep sleep for micros microseconds: arms the RTC timer (esp_sleep_enable_timer_wakeup) and powers everything else
 * down (esp_deep_sleep_start, which never returns); the wake is a boot whose esp_reset_reason() is ESP_RST_DEEPSLEEP,
 * with RTC slow memory (smartpot_store_natives.c's region) as it was. WiFi is not kept in deep sleep, whether or not
 * it was stopped; the Java side has left the network already. Returns only when the timer cannot be armed: minus
 * that esp_err_t (ESP_ERR_INVALID_ARG, -0x102, for a negative time or one ESP-IDF finds out of range).
 */
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_deepSleep(jlong micros) {
	if (micros < 0) {
		return smartpot_error(ESP_ERR_INVALID_ARG);
	}
	esp_err_t err = esp_sleep_enable_timer_wakeup((uint64_t) micros);
	if (err != ESP_OK) {
		return smartpot_error(err);
	}
	esp_deep_sleep_start();
}

/*
 * Microseconds since ESP-IDF started its timer, early in the application's startup: esp_timer_get_time() (esp_timer.h,
 * the same declaration in v4.3.2 and v5.0.1). Read first thing in Java's main, it is how long the boot took to reach Java,
 * without the ROM's and the second-stage bootloader's time before the application started.
 */
jlong Java_dev_smartpot_firmware_esp32_Esp32Natives_microsSinceStart(void) {
	return (jlong) esp_timer_get_time();
}

/*
 * What was typed at the serial console since the last call, at most max bytes into buf: read() on stdin, which ESP-IDF
 * routes to the console UART (CONFIG_ESP_CONSOLE_UART_NUM, 0 in both VEE Ports). Without a UART driver installed on it
 * (neither VEE Port installs one: their ECOM-COMM UARTs are 1 and 2), ESP-IDF's VFS reads the hardware FIFO and returns
 * at once: what it holds (up to a line end), or -1 with EWOULDBLOCK when it is empty (components/vfs/vfs_uart.c,
 * uart_read and uart_rx_char, v4.3.2 and v5.0.1). Returns the bytes read, 0 for none, or minus errno.
 */
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(jbyte* buf, jint max) {
	if (buf == NULL || max <= 0) {
		return 0;
	}
	ssize_t n = read(STDIN_FILENO, buf, (size_t) max);
	if (n >= 0) {
		return (jint) n;
	}
	return errno == EWOULDBLOCK || errno == EAGAIN ? 0 : -(jint) errno;
}
