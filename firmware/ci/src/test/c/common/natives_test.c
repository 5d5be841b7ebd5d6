/* Host test driver for smartpot_natives.c, linked with a fake ESP-IDF. Prints one line per check; exit 0 = pass. */
#include <stdio.h>
#include "sni.h"

jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Setup(jint gpio);
jint Java_dev_smartpot_firmware_esp32_Esp32Natives_adc1Read(jint gpio);
void Java_dev_smartpot_firmware_esp32_Esp32Natives_restart(void);
extern int fake_restarts;

static int failures = 0;

static void expect(const char *what, long got, long want) {
    printf("%s %s: got %ld, want %ld\n", got == want ? "ok  " : "FAIL", what, got, want);
    if (got != want) failures++;
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
    Java_dev_smartpot_firmware_esp32_Esp32Natives_restart();
    expect("restart calls esp_restart", fake_restarts, 1);
    return failures == 0 ? 0 : 1;
}
