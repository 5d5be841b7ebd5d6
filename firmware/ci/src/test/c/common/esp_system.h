/* Test stub of ESP-IDF's esp_system.h. */
#ifndef ESP_SYSTEM_H
#define ESP_SYSTEM_H
void esp_restart(void);
#endif
