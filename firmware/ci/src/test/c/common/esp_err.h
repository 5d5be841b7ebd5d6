/*
 * Test stub of ESP-IDF's esp_err.h: the type and the values smartpot natives use, as in espressif/esp-idf v4.3.2 and
 * v5.0.1, components/esp_common/include/esp_err.h (typedef int esp_err_t; ESP_OK 0, ESP_FAIL -1, ESP_ERR_NO_MEM
 * 0x101, ESP_ERR_INVALID_ARG 0x102, ESP_ERR_INVALID_STATE 0x103, ESP_ERR_INVALID_SIZE 0x104).
 */
#ifndef ESP_ERR_H
#define ESP_ERR_H
#include <stdint.h>
typedef int esp_err_t;
#define ESP_OK 0
#define ESP_FAIL -1
#define ESP_ERR_NO_MEM 0x101
#define ESP_ERR_INVALID_ARG 0x102
#define ESP_ERR_INVALID_STATE 0x103
#define ESP_ERR_INVALID_SIZE 0x104
#endif
