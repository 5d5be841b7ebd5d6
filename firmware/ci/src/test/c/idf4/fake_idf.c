/* Fake ESP-IDF 4 legacy ADC1 driver for the host test (restart and deep sleep: common/fake_system.c). */
#include "driver/adc.h"

static int width_set = 0;
static int configured[8];

esp_err_t adc1_config_width(adc_bits_width_t w) { width_set = (w == ADC_WIDTH_BIT_12); return width_set ? ESP_OK : ESP_ERR_INVALID_ARG; }
esp_err_t adc1_config_channel_atten(adc1_channel_t ch, adc_atten_t a) { if (a != ADC_ATTEN_DB_11) return ESP_ERR_INVALID_ARG; configured[ch] = 1; return ESP_OK; }
int adc1_get_raw(adc1_channel_t ch) { return width_set && configured[ch] ? 1000 + (int) ch : -1; }
