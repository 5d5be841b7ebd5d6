/*
 * Test stub of ESP-IDF's driver/gpio.h: what smartpot_pump_natives.c uses, as declared in espressif/esp-idf
 * components/driver/include/driver/gpio.h (v4.3.2 lines 50, 67, 136; v5.0.1 lines 26, 44-50, 64, 137) and
 * components/hal/include/hal/gpio_types.h (the enums; gpio_config_t is there in v4.3.2, in driver/gpio.h in v5.0.1,
 * with the same five fields in both):
 *   esp_err_t gpio_config(const gpio_config_t *pGPIOConfig);
 *   esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level);
 *   GPIO_IS_VALID_OUTPUT_GPIO(gpio_num): here the ESP32's mask (GPIO 0-33 but 20, 24, 28-31; 34-39 are input-only).
 * firmware/ci/check-natives-with-idf.sh compiles the same source against the real headers.
 */
#ifndef DRIVER_GPIO_H
#define DRIVER_GPIO_H
#include <stdint.h>
#include "esp_err.h"

typedef int gpio_num_t;
#define GPIO_NUM_MAX 40
#define SOC_GPIO_VALID_OUTPUT_GPIO_MASK (0x3FFFFFFFFFULL & ~(0ULL | (1ULL << 20) | (1ULL << 24) | (0xFULL << 28) | (0xFFULL << 34)))
#define GPIO_IS_VALID_OUTPUT_GPIO(gpio_num) ((gpio_num >= 0) && (((1ULL << (gpio_num)) & SOC_GPIO_VALID_OUTPUT_GPIO_MASK) != 0))

typedef enum { GPIO_MODE_DISABLE = 0, GPIO_MODE_INPUT = 1, GPIO_MODE_OUTPUT = 2 } gpio_mode_t;
typedef enum { GPIO_PULLUP_DISABLE = 0x0, GPIO_PULLUP_ENABLE = 0x1 } gpio_pullup_t;
typedef enum { GPIO_PULLDOWN_DISABLE = 0x0, GPIO_PULLDOWN_ENABLE = 0x1 } gpio_pulldown_t;
typedef enum { GPIO_INTR_DISABLE = 0 } gpio_int_type_t;

typedef struct {
    uint64_t pin_bit_mask;
    gpio_mode_t mode;
    gpio_pullup_t pull_up_en;
    gpio_pulldown_t pull_down_en;
    gpio_int_type_t intr_type;
} gpio_config_t;

esp_err_t gpio_config(const gpio_config_t *pGPIOConfig);
esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level);
#endif
