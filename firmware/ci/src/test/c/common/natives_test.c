/* Host test driver for smartpot_natives.c, linked with a fake ESP-IDF. Prints one line per check; exit 0 = pass. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include "sni.h"
#include "esp_err.h"
#include "esp_system.h"

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(jint gpio);
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(jint gpio);
void Java_dev_smartpot_firmware_esp32_Esp32Natives_restart(void);
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_deepSleep(jlong micros);
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_resetReason(void);
jlong Java_dev_smartpot_firmware_esp32_Esp32Natives_microsSinceStart(void);
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(jbyte* buf, jint max);
extern int64_t fake_time_us;
extern jmp_buf fake_never_returns;
extern int fake_restarts;
extern int fake_deep_sleeps;
extern uint64_t fake_timer_wakeup_us;
extern esp_err_t fake_timer_wakeup_result;
extern esp_reset_reason_t fake_reset_reason;

static int failures = 0;

static void expect(const char *what, long got, long want) {
    printf("%s %s: got %ld, want %ld\n", got == want ? "ok  " : "FAIL", what, got, want);
    if (got != want) failures++;
}

/* Calls deepSleep(micros): 1000000 + its result when it returned, 2 when it went to sleep (never returned). */
static long deep_sleep(jlong micros) {
    volatile long outcome = 0;
    int jumped = setjmp(fake_never_returns);
    if (jumped == 0) {
        outcome = 1000000L + Java_dev_smartpot_firmware_esp32_Esp32Natives_deepSleep(micros);
    } else {
        outcome = jumped;
    }
    return outcome;
}

int main(void) {
    expect("read before setup is -ESP_ERR_INVALID_STATE", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(34), -0x103);
    expect("setup GPIO 25 (ADC2) is not an ADC1 pin", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(25), -1);
    expect("setup GPIO 99 is not an ADC1 pin", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(99), -1);
    expect("setup GPIO 34 is ADC1 channel 6", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(34), 6);
    expect("read GPIO 34", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(34), 1006);
    expect("setup GPIO 36 is ADC1 channel 0", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(36), 0);
    expect("read GPIO 36", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(36), 1000);
    expect("read an unconfigured GPIO 35", Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(35), -0x103);
    if (setjmp(fake_never_returns) == 0) {
        Java_dev_smartpot_firmware_esp32_Esp32Natives_restart();
    }
    expect("restart calls esp_restart", fake_restarts, 1);

    fake_reset_reason = ESP_RST_DEEPSLEEP;
    expect("resetReason is esp_reset_reason(): deep sleep is 8", Java_dev_smartpot_firmware_esp32_Esp32Natives_resetReason(), 8);
    fake_reset_reason = ESP_RST_BROWNOUT;
    expect("  brownout is 9", Java_dev_smartpot_firmware_esp32_Esp32Natives_resetReason(), 9);

    expect("deepSleep(15 min) arms the timer and sleeps, never returning", deep_sleep(900000000LL), 2);
    expect("  the RTC timer armed for 900,000,000 us", (long) (fake_timer_wakeup_us / 1000), 900000);
    expect("  one deep sleep", fake_deep_sleeps, 1);
    expect("deepSleep beyond 32 bits of microseconds (2 hours) keeps them all", deep_sleep(7200000000LL), 2);
    expect("  the RTC timer armed for 7,200,000,000 us", (long) (fake_timer_wakeup_us / 1000), 7200000);
    expect("a negative time: returns -ESP_ERR_INVALID_ARG, no sleep", deep_sleep(-1), 1000000L - 0x102);
    expect("  still two deep sleeps", fake_deep_sleeps, 2);
    fake_timer_wakeup_result = ESP_ERR_INVALID_ARG;
    expect("a timer ESP-IDF refuses: returns its -esp_err_t, no sleep", deep_sleep(1000), 1000000L - 0x102);
    expect("  still two deep sleeps", fake_deep_sleeps, 2);

    fake_time_us = 812345678LL * 10;
    expect("microsSinceStart is esp_timer_get_time(), all 64 bits (8,123 s)",
            (long) (Java_dev_smartpot_firmware_esp32_Esp32Natives_microsSinceStart() / 1000000), 8123);

    /* The test runs with stdin from a file holding "water 50\r\nstatus\n" (NativeCSourceTest): the console's bytes. */
    jbyte typed[64];
    jint got = Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(typed, 4);
    expect("consoleRead(4) reads 4 typed bytes", got, 4);
    expect("  the first is 'w'", typed[0], 'w');
    got = Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(typed, (jint) sizeof typed);
    expect("consoleRead(64) reads the rest (13 bytes)", got, 13);
    expect("consoleRead with nothing more typed reads 0", Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(typed, 64), 0);
    expect("consoleRead into no buffer reads 0", Java_dev_smartpot_firmware_esp32_Esp32Natives_consoleRead(NULL, 64), 0);
    return failures == 0 ? 0 : 1;
}
