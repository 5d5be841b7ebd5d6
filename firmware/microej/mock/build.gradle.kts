/*
 * The MicroEJ simulator mock for our SNI natives (dev.smartpot.firmware.esp32.Esp32Natives): plain Java run by
 * the simulator in place of the C code in ../bsp/smartpot_natives.c. Used by the application through
 * microejMock(project(":mock")) in ../build.gradle.kts.
 */
plugins {
    id("com.microej.gradle.mock") version "1.3.1"
}

group = "dev.smartpot"
version = "0.1.0"
