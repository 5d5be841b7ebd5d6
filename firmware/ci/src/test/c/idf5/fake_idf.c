/* Fake ESP-IDF 5 ADC oneshot driver for the host test: ESP32 pin map, a fixed reading per channel (restart and deep
 * sleep: common/fake_system.c). */
#include <stdio.h>
#include <stdlib.h>
#include "esp_adc/adc_oneshot.h"

struct adc_oneshot_unit_ctx_t { int units; };
static struct adc_oneshot_unit_ctx_t unit1;
static int configured[10];

esp_err_t adc_oneshot_new_unit(const adc_oneshot_unit_init_cfg_t *cfg, adc_oneshot_unit_handle_t *ret) {
    if (cfg->unit_id != ADC_UNIT_1) return ESP_ERR_INVALID_ARG;
    *ret = &unit1;
    return ESP_OK;
}

esp_err_t adc_oneshot_config_channel(adc_oneshot_unit_handle_t h, adc_channel_t ch, const adc_oneshot_chan_cfg_t *cfg) {
    if (h != &unit1 || cfg->bitwidth != ADC_BITWIDTH_12 || cfg->atten != ADC_ATTEN_DB_12) return ESP_ERR_INVALID_ARG;
    configured[ch] = 1;
    return ESP_OK;
}

esp_err_t adc_oneshot_read(adc_oneshot_unit_handle_t h, adc_channel_t ch, int *out) {
    if (h != &unit1 || !configured[ch]) return ESP_ERR_INVALID_STATE;
    *out = 1000 + (int) ch;
    return ESP_OK;
}

/* ESP32: GPIO 36-39 -> ADC1 0-3, 32-35 -> ADC1 4-7; 0, 2, 4, 12-15, 25-27 -> ADC2. */
esp_err_t adc_oneshot_io_to_channel(int io, adc_unit_t *unit, adc_channel_t *ch) {
    if (io >= 36 && io <= 39) { *unit = ADC_UNIT_1; *ch = (adc_channel_t) (io - 36); return ESP_OK; }
    if (io >= 32 && io <= 35) { *unit = ADC_UNIT_1; *ch = (adc_channel_t) (io - 28); return ESP_OK; }
    if (io == 25) { *unit = ADC_UNIT_2; *ch = (adc_channel_t) 8; return ESP_OK; }
    return ESP_ERR_INVALID_ARG;
}

