package dev.smartpot.firmware.board;

import java.io.IOException;

import dev.smartpot.device.board.AnalogInput;
import dev.smartpot.firmware.esp32.Esp32Natives;

/**
 * The soil sensor on an ADC1 pin, read through our SNI native over ESP-IDF's ADC1 oneshot driver. (The public
 * ESP32 VEE Ports implement {@code ej.hal.gpio.GPIO.getAnalogValue} as a stub returning 0.)
 *
 * <p>The native always converts at 12 bits; {@code sensor.adc.bits} below 12 shifts the counts down, so the
 * calibration points ({@code sensor.raw.dry}/{@code wet}) are in the configured resolution.
 */
public final class Esp32AdcInput implements AnalogInput {

    private final int gpio;
    private final int shift;
    private boolean ready;

    /** @param bits 9 to 12, as {@code sensor.adc.bits} */
    public Esp32AdcInput(int gpio, int bits) {
        this.gpio = gpio;
        this.shift = 12 - bits;
    }

    public int read() throws IOException {
        if (!ready) {
            int channel = Esp32Natives.adc1Setup(gpio);
            if (channel == Esp32Natives.NOT_AN_ADC1_PIN) {
                throw new IOException("GPIO " + gpio + " has no ADC1 channel on this chip");
            }
            if (channel < 0) {
                throw new IOException("ADC1 setup on GPIO " + gpio + " failed (" + Esp32Natives.describeError(channel) + ")");
            }
            ready = true;
        }
        int raw = Esp32Natives.adc1Read(gpio);
        if (raw < 0) {
            ready = false; // set the channel up again next time
            throw new IOException("ADC1 read on GPIO " + gpio + " failed (" + Esp32Natives.describeError(raw) + ")");
        }
        return raw >> shift;
    }
}
