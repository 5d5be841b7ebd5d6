/*
 * Test stub of ESP-IDF's esp_attr.h: RTC_NOINIT_ATTR only. In espressif/esp-idf v4.3.2 it is in
 * components/xtensa/include/esp_attr.h (line 91), in v5.0.1 in components/esp_common/include/esp_attr.h (line 73),
 * both as _SECTION_ATTR_IMPL(".rtc_noinit", __COUNTER__), a section attribute; on the host the variable lands in a
 * section of that name, which is enough to compile and run the logic.
 */
#ifndef ESP_ATTR_H
#define ESP_ATTR_H
#define RTC_NOINIT_ATTR __attribute__((section(".rtc_noinit.0")))
#endif
