package ej.ecom.wifi;

/**
 * Stand-in for ECOM-WIFI's {@code SecurityMode} enum (used as {@code SecurityMode.values()[n]} in MicroEJ's
 * examples). Constant names and order follow the SECURITY_MODE_* values 0-14 of the VEE Ports'
 * LLECOM_WIFI_impl.h; the Java enum itself was not seen, so a renamed constant shows up in the first SDK build.
 */
public enum SecurityMode {
    ENTERPRISE_NO_SECURITY,
    ENTERPRISE_WPA_MIXED,
    ENTERPRISE_WPA1,
    ENTERPRISE_WPA2,
    ENTERPRISE_WEP,
    MIXED,
    OPEN,
    WEP128,
    WEP64,
    WPA1,
    WPA2,
    WPA3,
    ENTERPRISE_WPA3,
    WPA2_WPA3_MIXED,
    ENTERPRISE_WPA2_WPA3_MIXED
}
