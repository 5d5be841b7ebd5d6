/* Test stub of ESP-IDF 4.x driver/adc.h (legacy ADC1 API). */
#ifndef DRIVER_ADC_H
#define DRIVER_ADC_H
#include "esp_err.h"
typedef enum { ADC1_CHANNEL_0 = 0, ADC1_CHANNEL_7 = 7 } adc1_channel_t;
typedef enum { ADC_ATTEN_DB_0 = 0, ADC_ATTEN_DB_2_5 = 1, ADC_ATTEN_DB_6 = 2, ADC_ATTEN_DB_11 = 3 } adc_atten_t;
typedef enum { ADC_WIDTH_BIT_9 = 0, ADC_WIDTH_BIT_10, ADC_WIDTH_BIT_11, ADC_WIDTH_BIT_12 } adc_bits_width_t;
esp_err_t adc1_config_width(adc_bits_width_t width_bit);
esp_err_t adc1_config_channel_atten(adc1_channel_t channel, adc_atten_t atten);
int adc1_get_raw(adc1_channel_t channel);
#endif
